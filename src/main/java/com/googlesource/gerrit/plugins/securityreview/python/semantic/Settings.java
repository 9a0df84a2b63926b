package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;

/** {@link SemanticModel#settingRead}: a condition that tests one value handed in from outside. */
final class Settings {
  private static final int MAX_STEPS = 4;

  private Settings() {}

  /**
   * The value a condition tests when it is one value given to the code from outside: a parameter,
   * an attribute or item of one ({@code self.insecure}, {@code conf['verify']}), or of an imported
   * object ({@code CONF.insecure}, {@code settings.SSL_NO_VERIFY}), also through a local name bound
   * to one; negated, compared with a constant, or read by a method with constant arguments ({@code
   * .get('verify', 'true')}). Null otherwise (a value the code computes, a call, two values
   * combined with {@code and}/{@code or}).
   */
  static Expr settingRead(SemanticModel model, Expr test) {
    Expr e = tested(model, test);
    return e != null && fromOutside(model, e, 0, true) ? e : null;
  }

  /** The value a condition tests: through {@code not} and a comparison with a constant. */
  private static Expr tested(SemanticModel model, Expr test) {
    Expr e = test;
    while (e instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not) {
      e = u.operand();
    }
    if (e instanceof Ast.Compare c && c.comparators().size() == 1) {
      if (isConstant(model, c.comparators().get(0))) {
        return c.left();
      }
      return isConstant(model, c.left()) ? c.comparators().get(0) : null;
    }
    return e;
  }

  private static boolean isConstant(SemanticModel model, Expr e) {
    return model.constantValue(e).isPresent() || isNone(e);
  }

  /** A function of an imported module ({@code json.loads}), by the head of its dotted name. */
  private static boolean isImported(SemanticModel model, Expr func) {
    String dotted = SemanticModel.dotted(func);
    if (dotted == null || steps(dotted) > 3) {
      return false;
    }
    return model.imports().isImported(DottedNames.firstPart(dotted));
  }

  private static long steps(String dotted) {
    return dotted.chars().filter(ch -> ch == '.').count();
  }

  private static boolean isNone(Expr e) {
    return e instanceof Ast.Constant k && k.isNone();
  }

  /**
   * Whether a value is given from outside: by an import, or (with {@code parameters}) by the
   * caller.
   */
  private static boolean fromOutside(SemanticModel model, Expr e, int steps, boolean parameters) {
    return switch (e) {
      case Ast.Name n -> {
        if (model.isParameter(n)) {
          yield parameters;
        }
        Binding b = model.reachingBinding(n);
        if (b == null) {
          yield false;
        }
        if (b.kind() == Binding.Kind.IMPORT) {
          yield true;
        }
        Expr v = model.reachingValue(n);
        Expr read = v == null || v == n || steps >= MAX_STEPS ? null : tested(model, v);
        yield read != null && fromOutside(model, read, steps + 1, parameters);
      }
      case Ast.Attribute a -> fromOutside(model, a.value(), steps, parameters);
      case Ast.Subscript s ->
          model.constantValue(s.slice()).isPresent()
              && fromOutside(model, s.value(), steps, parameters);
      // conf.get('verify', 'true').lower(): a method with constant arguments reads the same value.
      case Ast.Call c
          when c.func() instanceof Ast.Attribute f
              && c.keywords().isEmpty()
              && c.args().stream().allMatch(x -> isConstant(model, x))
              && fromOutside(model, f.value(), steps, parameters) ->
          true;
      // json.loads(os.environ.get('APP')): a library function of imported settings only (what it
      // makes of a caller's value, urlparse(url), is computed, not chosen).
      case Ast.Call c ->
          isImported(model, c.func())
              && !c.args().isEmpty()
              && c.keywords().isEmpty()
              && c.args().stream()
                  .allMatch(x -> isConstant(model, x) || fromOutside(model, x, steps + 1, false));
      case null, default -> false;
    };
  }
}
