package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.Set;

/**
 * Recognises a port's binding profile ({@code port['binding:profile']}, {@code
 * port.get(portbindings.PROFILE)}, a name assigned from one) and reads of keys out of it.
 */
final class BindingProfiles {
  private BindingProfiles() {}

  static final String PROFILE_KEY = "binding:profile";

  /** Whether an expression names the binding profile attribute of a port dict. */
  static boolean isProfileKey(Expr key, RuleContext ctx) {
    if (key instanceof Ast.Constant c) {
      return PROFILE_KEY.equals(c.value());
    }
    String q = ctx.qualifiedName(key);
    if (q == null) {
      return false;
    }
    return q.equals("portbindings.PROFILE")
        || q.endsWith(".portbindings.PROFILE")
        || q.endsWith("portbindings_extended.PROFILE")
        || q.equals("OVN_PORT_BINDING_PROFILE")
        || q.endsWith(".OVN_PORT_BINDING_PROFILE");
  }

  /**
   * Whether an expression evaluates to a binding profile: {@code port[PROFILE]}, {@code
   * port.get(PROFILE, {})}, {@code port.get(PROFILE) or {}}, a copy of one, or a name in {@code
   * aliases} (names the function assigned from one).
   */
  static boolean isProfile(Expr e, RuleContext ctx, Set<String> aliases) {
    return switch (e) {
      case Ast.Name n -> aliases.contains(n.id());
      case Ast.Subscript s -> isProfileKey(s.slice(), ctx);
      case Ast.BoolOp b ->
          b.op() == Ast.BoolOperator.Or && isProfile(b.values().get(0), ctx, aliases);
      case Call c -> {
        if (c.func() instanceof Ast.Attribute a
            && a.attr().equals("get")
            && !c.args().isEmpty()
            && isProfileKey(c.args().get(0), ctx)) {
          yield true;
        }
        String name = ctx.callName(c);
        yield name != null
            && (name.equals("copy.deepcopy") || name.equals("copy.copy") || name.equals("dict"))
            && c.args().size() == 1
            && isProfile(c.args().get(0), ctx, aliases);
      }
      default -> false;
    };
  }

  /**
   * The key expression if {@code e} reads a key out of a binding profile ({@code profile['x']},
   * {@code profile.get('x')}, {@code profile.pop('x')}), else null.
   */
  static Expr readKey(Expr e, RuleContext ctx, Set<String> aliases) {
    if (e instanceof Ast.Subscript s
        && s.ctx() == Ast.ExprContext.Load
        && !(s.slice() instanceof Ast.Slice)
        && !isProfileKey(s.slice(), ctx)
        && isProfile(s.value(), ctx, aliases)) {
      return s.slice();
    }
    if (e instanceof Call c
        && c.func() instanceof Ast.Attribute a
        && (a.attr().equals("get") || a.attr().equals("pop"))
        && !c.args().isEmpty()
        && !isProfileKey(c.args().get(0), ctx)
        && isProfile(a.value(), ctx, aliases)) {
      return c.args().get(0);
    }
    return null;
  }
}
