package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.math.BigInteger;

/** Small value helpers shared by the PY4xx rules. */
final class Values {
  private Values() {}

  /** Whether an expression is a literal that Python treats as false: False, None, 0 or "". */
  static boolean isFalsyLiteral(Expr e) {
    if (!(e instanceof Ast.Constant c)) {
      return false;
    }
    return Boolean.FALSE.equals(c.value())
        || c.isNone()
        || BigInteger.ZERO.equals(c.value())
        || "".equals(c.value());
  }

  /** Whether an expression is the literal {@code True}. */
  static boolean isTrue(Expr e) {
    return e instanceof Ast.Constant c && Boolean.TRUE.equals(c.value());
  }
}
