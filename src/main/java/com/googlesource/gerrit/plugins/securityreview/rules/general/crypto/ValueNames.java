package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names that say what a value is for (a cache key, a password), shared by the rules that judge
 * a digest or a random value by the name it is given: PY301 and PY309 only differ in which words
 * count.
 */
final class ValueNames {
  private ValueNames() {}

  /**
   * The names an assignment statement gives its value: a Name's id, an attribute's name, a
   * subscript's constant key ({@code d['cache_key'] = ...}); empty for any other statement.
   */
  static List<String> assigned(SemanticModel model, Node stmt) {
    List<Expr> targets =
        switch (stmt) {
          case Ast.Assign a -> a.targets();
          case Ast.AnnAssign a -> List.of(a.target());
          case Ast.AugAssign a -> List.of(a.target());
          default -> List.of();
        };
    List<String> names = new ArrayList<>();
    for (Expr t : targets) {
      String name = targetName(model, t);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** The name an assignment target gives its value, or null. */
  static String targetName(SemanticModel model, Expr target) {
    return switch (target) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case Ast.Subscript s -> model.constantString(s.slice()).orElse(null);
      case null, default -> null;
    };
  }

  /** The last part of the dotted name a call calls (imports resolved), or null. */
  static String calleeName(SemanticModel model, Ast.Call call) {
    String q = model.callName(call);
    return q == null ? null : q.substring(q.lastIndexOf('.') + 1);
  }

  /** The name of the function or method a node is in, or null. */
  static String functionName(SemanticModel model, Node node) {
    Ast.FunctionLike fn = model.enclosingFunction(node);
    return fn == null ? null : fn.name();
  }

  /**
   * The lower-case words of an identifier: {@code resetToken} and {@code reset_token} both give
   * [reset, token].
   */
  static List<String> words(String identifier) {
    List<String> words = new ArrayList<>();
    if (identifier == null) {
      return words;
    }
    for (String part : identifier.split("[^A-Za-z0-9]+")) {
      for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
        if (!w.isEmpty()) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }
}
