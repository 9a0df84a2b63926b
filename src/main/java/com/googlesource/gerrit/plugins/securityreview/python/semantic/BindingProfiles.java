package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;

/**
 * {@link SemanticModel#isBindingProfile} and {@link SemanticModel#bindingProfileKey}: a port's
 * binding profile ({@code port['binding:profile']}, {@code port.get(portbindings.PROFILE, {})}, a
 * copy of one, a name bound to one) and reads of keys out of it.
 */
final class BindingProfiles {
  private final SemanticModel model;

  BindingProfiles(SemanticModel model) {
    this.model = model;
  }

  boolean isProfile(Expr e, int depth) {
    if (depth > SemanticModel.MAX_NAME_STEPS) {
      return false;
    }
    return switch (e) {
      case Ast.Name n -> {
        Expr v = model.reachingValue(n);
        if (v == null) {
          v = model.onlyValue(n);
        }
        yield v != null && v != n && isProfile(v, depth + 1);
      }
      case Ast.NamedExpr w -> isProfile(w.value(), depth + 1);
      case Ast.Subscript s -> isProfileKey(s.slice());
      case Ast.BoolOp b -> b.op() == Ast.BoolOperator.Or && isProfile(b.values().get(0), depth + 1);
      case Ast.Call c -> {
        if (c.func() instanceof Ast.Attribute a
            && a.attr().equals("get")
            && !c.args().isEmpty()
            && isProfileKey(c.args().get(0))) {
          yield true;
        }
        String name = model.callName(c);
        yield name != null
            && (name.equals("copy.deepcopy") || name.equals("copy.copy") || name.equals("dict"))
            && c.args().size() == 1
            && isProfile(c.args().get(0), depth + 1);
      }
      case null, default -> false;
    };
  }

  Expr key(Expr e) {
    if (e instanceof Ast.Subscript s
        && s.ctx() == Ast.ExprContext.Load
        && !(s.slice() instanceof Ast.Slice)
        && !isProfileKey(s.slice())
        && isProfile(s.value(), 0)) {
      return s.slice();
    }
    if (e instanceof Ast.Call c
        && c.func() instanceof Ast.Attribute a
        && (a.attr().equals("get") || a.attr().equals("pop"))
        && !c.args().isEmpty()
        && !isProfileKey(c.args().get(0))
        && isProfile(a.value(), 0)) {
      return c.args().get(0);
    }
    return null;
  }

  private boolean isProfileKey(Expr key) {
    return model.tenants().isProfileKey(key);
  }
}
