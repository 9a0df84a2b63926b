package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;

/** {@link SemanticModel#settingRead}: a condition that tests one value handed in from outside. */
final class Settings {
  private static final int MAX_STEPS = 4;

  private Settings() {}

  /**
   * The value a condition tests when it is one value given to the code from outside: a parameter,
   * an attribute or item of one ({@code self.insecure}, {@code conf['verify']}), or of an imported
   * object ({@code CONF.insecure}, {@code settings.SSL_NO_VERIFY}), also through a local name bound
   * to one; negated, compared with a constant or read with {@code .get(constant)}. Null otherwise
   * (a value the code computes, a call, two values combined with {@code and}/{@code or}).
   */
  static Expr settingRead(SemanticModel model, Expr test) {
    Expr e = test;
    while (e instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not) {
      e = u.operand();
    }
    if (e instanceof Ast.Compare c && c.comparators().size() == 1) {
      if (model.constantValue(c.comparators().get(0)).isPresent()
          || isNone(c.comparators().get(0))) {
        e = c.left();
      } else if (model.constantValue(c.left()).isPresent()) {
        e = c.comparators().get(0);
      } else {
        return null;
      }
    }
    return fromOutside(model, e, 0) ? e : null;
  }

  private static boolean isNone(Expr e) {
    return e instanceof Ast.Constant k && k.isNone();
  }

  private static boolean fromOutside(SemanticModel model, Expr e, int steps) {
    return switch (e) {
      case Ast.Name n -> {
        if (model.isParameter(n)) {
          yield true;
        }
        Binding b = model.reachingBinding(n);
        if (b == null) {
          yield false;
        }
        if (b.kind() == Binding.Kind.IMPORT) {
          yield true;
        }
        Expr v = model.reachingValue(n);
        yield v != null && v != n && steps < MAX_STEPS && fromOutside(model, v, steps + 1);
      }
      case Ast.Attribute a -> fromOutside(model, a.value(), steps);
      case Ast.Subscript s ->
          model.constantValue(s.slice()).isPresent() && fromOutside(model, s.value(), steps);
      case Ast.Call c ->
          c.func() instanceof Ast.Attribute f
              && f.attr().equals("get")
              && !c.args().isEmpty()
              && model.constantValue(c.args().get(0)).isPresent()
              && fromOutside(model, f.value(), steps);
      case null, default -> false;
    };
  }
}
