package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Small expression helpers shared by the PY3xx rules. */
final class Literals {
  private Literals() {}

  /** The value of a string literal, or null. */
  static String string(Expr e) {
    return e instanceof Ast.Constant c && c.value() instanceof String s ? s : null;
  }

  /** Whether an expression is the literal {@code False}. */
  static boolean isFalse(Expr e) {
    return e instanceof Ast.Constant c && Boolean.FALSE.equals(c.value());
  }

  /** The value of an int literal, or null. */
  static BigInteger integer(Expr e) {
    return e instanceof Ast.Constant c && c.value() instanceof BigInteger i ? i : null;
  }

  /**
   * The literal text a string expression starts with: the whole of a literal, the first part of an
   * f-string, the left side of {@code +} or {@code %}, the template of {@code "...".format()}; null
   * when it does not start with a literal.
   */
  static String leadingText(Expr e) {
    return switch (e) {
      case Ast.Constant c when c.value() instanceof String s -> s;
      case Ast.JoinedStr j when !j.values().isEmpty() -> string(j.values().get(0));
      case Ast.BinOp b when b.op() == Ast.Operator.Add || b.op() == Ast.Operator.Mod ->
          leadingText(b.left());
      case Ast.Call c when c.func() instanceof Ast.Attribute a && a.attr().equals("format") ->
          string(a.value());
      case null, default -> null;
    };
  }

  /** The last part of a dotted name (imports resolved), or null when it is not a dotted name. */
  static String lastName(RuleContext ctx, Expr e) {
    String q = ctx.qualifiedName(e);
    return q == null ? null : DottedNames.lastPart(q);
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
          words.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return words;
  }

  /**
   * What a local name stands for: the value of its only plain assignment in the enclosing function
   * (or the module, when the function does not bind it). Parameters, loop variables and names
   * assigned more than once are unknown: null.
   */
  static Expr localValue(RuleContext ctx, Ast.Name name) {
    Node scope = ctx.enclosingFunction();
    if (scope == null) {
      return onlyAssignment(ctx.module().body(), name.id());
    }
    if (isParameter(scope, name.id())) {
      return null;
    }
    List<Ast.Stmt> body = RuleContext.functionBody(scope);
    if (!stores(body, name.id()).isEmpty()) {
      return onlyAssignment(body, name.id());
    }
    return onlyAssignment(ctx.module().body(), name.id());
  }

  private static Expr onlyAssignment(List<Ast.Stmt> body, String id) {
    List<Expr> values = new ArrayList<>();
    List<Node> stores = stores(body, id);
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (NodeVisitor.opensScope(node)) {
          return false;
        }
        if (node instanceof Ast.Assign a
            && a.targets().size() == 1
            && a.targets().get(0) instanceof Ast.Name t
            && t.id().equals(id)) {
          values.add(a.value());
        }
        return true;
      }
    }.visitAll(body);
    return stores.size() == 1 && values.size() == 1 ? values.get(0) : null;
  }

  private static List<Node> stores(List<Ast.Stmt> body, String id) {
    List<Node> stores = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        // Nested scopes bind their own names.
        if (NodeVisitor.opensScope(node)) {
          return false;
        }
        if (node instanceof Ast.Name n && n.id().equals(id) && n.ctx() != Ast.ExprContext.Load) {
          stores.add(n);
        }
        return true;
      }
    }.visitAll(body);
    return stores;
  }

  private static boolean isParameter(Node fn, String id) {
    Ast.Arguments a =
        switch (fn) {
          case Ast.FunctionDef f -> f.args();
          case Ast.AsyncFunctionDef f -> f.args();
          default -> null;
        };
    if (a == null) {
      return false;
    }
    List<Ast.Arg> all = new ArrayList<>();
    all.addAll(a.posonlyargs());
    all.addAll(a.args());
    all.addAll(a.kwonlyargs());
    if (a.vararg() != null) {
      all.add(a.vararg());
    }
    if (a.kwarg() != null) {
      all.add(a.kwarg());
    }
    return all.stream().anyMatch(p -> p.arg().equals(id));
  }
}
