package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;

/** Small expression helpers shared by the OVN4xx rules. */
final class Exprs {
  private Exprs() {}

  /** The value of a string literal, or null. */
  static String string(Expr e) {
    return e instanceof Ast.Constant c && c.value() instanceof String s ? s : null;
  }

  /** Whether an expression is the literal {@code False}. */
  static boolean isFalse(Expr e) {
    return e instanceof Ast.Constant c && Boolean.FALSE.equals(c.value());
  }

  /** Whether an expression is the literal {@code True}. */
  static boolean isTrue(Expr e) {
    return e instanceof Ast.Constant c && Boolean.TRUE.equals(c.value());
  }

  /** Whether an expression is an empty list or tuple literal. */
  static boolean isEmptySequence(Expr e) {
    return (e instanceof Ast.List l && l.elts().isEmpty())
        || (e instanceof Ast.Tuple t && t.elts().isEmpty());
  }

  /** The last part of a dotted name (imports resolved), or null when it is not a dotted name. */
  static String lastName(RuleContext ctx, Expr e) {
    String q = ctx.qualifiedName(e);
    return q == null ? null : DottedNames.lastPart(q);
  }

  /** The last part of what a call calls, or "" when it calls no dotted name. */
  static String callLastName(RuleContext ctx, Ast.Call call) {
    String last = lastName(ctx, call.func());
    return last == null ? "" : last;
  }
}
