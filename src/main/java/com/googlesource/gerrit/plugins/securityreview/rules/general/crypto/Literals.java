package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
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
}
