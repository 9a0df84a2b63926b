package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.HashSet;
import java.util.Set;

/**
 * OVN101: a key read out of a port's binding profile whose value is used (passed on, formatted,
 * stored, iterated) in a function that never validates it.
 */
public final class BindingProfileUnvalidated extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN101")
          .name("binding-profile-unvalidated")
          .title("Binding profile value used without validation")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "`binding:profile` is a free-form dict that API callers (Nova, admins, other"
                  + " services) fill in; an unchecked value can have any type or content and ends"
                  + " up in NB rows or OVN options.")
          .fix(
              "Call `validate_and_get_data_from_binding_profile()` (or another `validate*` helper)"
                  + " in this function, or check the value's type and content before using it.")
          .doc(
              """
              ## What it does

              Flags a read of a key out of a port's binding profile (`port['binding:profile']['x']`,
              `port.get(portbindings.PROFILE, {}).get('x')`, or `profile['x']` where `profile` was
              taken from the port) when the value then flows somewhere: into a call, a string, a
              dict, a loop or an attribute access. It stays silent when the function calls a
              `validate*` helper, checks the value with `isinstance`, tests the key with `in`, reads
              it inside a `try` that catches `KeyError`, `ValueError`, `TypeError` or `LookupError`,
              or only compares, tests, logs or returns the value. Only OVN code is checked (files
              whose path contains `ovn`): the guard it expects is the OVN driver's, and other
              drivers and agents check the profile their own way. Test code is not checked.

              ## Why it matters

              The binding profile is a JSON dict with no schema in the API: whatever a caller puts
              there arrives in the mechanism driver. The OVN driver validates it once, in
              `validate_and_get_data_from_binding_profile()` (called from `create_port_precommit`
              and `update_port_precommit`), and code that needs a value reads it from the validated
              result. A new read straight from the port bypasses those type checks: a list where a
              string was expected, or a string with OVN syntax in it (a comma in a chassis name),
              goes on to a Logical_Switch_Port option unchecked.

              ## Example

              ```python
              def _get_parent_options(self, port):
                  profile = port.get(portbindings.PROFILE, {})
                  parent = profile.get('parent_name')
                  return {'parent_name': parent, 'tag': profile.get('tag')}
              ```

              ## Use instead

              ```python
              def _get_parent_options(self, port):
                  bp_info = utils.validate_and_get_data_from_binding_profile(port)
                  parent = bp_info.bp_param.get('parent_name')
                  return {'parent_name': parent, 'tag': bp_info.bp_param.get('tag')}
              ```

              ## References

              - Neutron port bindings API <https://docs.openstack.org/api-ref/network/v2/#port-binding>
              - CWE-20: Improper Input Validation <https://cwe.mitre.org/data/definitions/20.html>
              """)
          .build();

  /** Exceptions whose handler shows that the code expects a missing or malformed value. */
  private static final Set<String> GUARD_EXCEPTIONS =
      Set.of("KeyError", "ValueError", "TypeError", "LookupError");

  private static final Set<String> LOG_METHODS =
      Set.of("debug", "info", "warning", "warn", "error", "exception", "critical", "log");

  public BindingProfileUnvalidated() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!isOvnCode(ctx.path())
        || !(node instanceof Ast.FunctionDef || node instanceof Ast.AsyncFunctionDef)) {
      return;
    }
    FunctionScope scope = FunctionScope.of(node);
    Set<String> aliases = profileAliases(scope, ctx);
    if (callsValidator(scope, ctx)) {
      return;
    }
    String function = RuleContext.functionName(node);
    for (Node n : scope.nodes()) {
      if (!(n instanceof Expr read)) {
        continue;
      }
      Expr key = BindingProfiles.readKey(read, ctx, aliases);
      if (key == null
          || insideGuardingTry(read, scope)
          || keyTested(key, scope, ctx, aliases)
          || !flows(read, scope)) {
        continue;
      }
      ctx.report(
          this,
          read,
          String.format(
              "Binding profile key %s is read and used in `%s()` without validation.",
              ctx.text(key), function));
    }
  }

  /**
   * The guard this rule looks for is the OVN driver's; other drivers and agents check the profile
   * their own way (or receive it from Nova), so only OVN code is in scope.
   */
  private static boolean isOvnCode(String path) {
    return path.toLowerCase(java.util.Locale.ROOT).contains("ovn");
  }

  /** Names the function assigns a binding profile to, followed through re-assignments. */
  private static Set<String> profileAliases(FunctionScope scope, RuleContext ctx) {
    Set<String> aliases = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Node n : scope.nodes()) {
        String target = null;
        Expr value = null;
        if (n instanceof Ast.Assign a
            && a.targets().size() == 1
            && a.targets().get(0) instanceof Ast.Name t) {
          target = t.id();
          value = a.value();
        } else if (n instanceof Ast.NamedExpr w && w.target() instanceof Ast.Name t) {
          target = t.id();
          value = w.value();
        }
        if (target != null
            && !aliases.contains(target)
            && BindingProfiles.isProfile(value, ctx, aliases)) {
          aliases.add(target);
          grew = true;
        }
      }
    }
    return aliases;
  }

  /** Any call of a function or method whose name starts with "validate" guards the function. */
  private static boolean callsValidator(FunctionScope scope, RuleContext ctx) {
    for (Node n : scope.nodes()) {
      if (n instanceof Call c) {
        String name = DottedNames.callee(c);
        if (name != null) {
          String last = DottedNames.lastPart(name).replaceFirst("^_+", "");
          if (last.startsWith("validate")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the read is in the body of a try that catches the errors of a bad value. */
  private static boolean insideGuardingTry(Node read, FunctionScope scope) {
    Node child = read;
    for (Node p = scope.parent(read); p != null; child = p, p = scope.parent(p)) {
      if (p instanceof Ast.Try t && t.body().contains(child)) {
        for (Ast.ExceptHandler h : t.handlers()) {
          if (h.type() == null || catchesGuardException(h.type())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean catchesGuardException(Expr type) {
    if (type instanceof Ast.Tuple t) {
      return t.elts().stream().anyMatch(BindingProfileUnvalidated::catchesGuardException);
    }
    String name = DottedNames.of(type);
    return name != null && GUARD_EXCEPTIONS.contains(DottedNames.lastPart(name));
  }

  /** Whether the function tests the same key with {@code in} against a binding profile. */
  private static boolean keyTested(
      Expr key, FunctionScope scope, RuleContext ctx, Set<String> aliases) {
    String keyText = ctx.text(key);
    for (Node n : scope.nodes()) {
      if (n instanceof Ast.Compare c
          && c.ops().size() == 1
          && (c.ops().get(0) == Ast.CmpOp.In || c.ops().get(0) == Ast.CmpOp.NotIn)
          && ctx.text(c.left()).equals(keyText)) {
        Expr container = c.comparators().get(0);
        if (container instanceof Call call
            && call.func() instanceof Ast.Attribute a
            && a.attr().equals("keys")) {
          container = a.value();
        }
        if (BindingProfiles.isProfile(container, ctx, aliases)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the value read goes anywhere beyond a comparison, a truth test, a log call or a return;
   * a value assigned to a name is followed to that name's uses.
   */
  private static boolean flows(Expr read, FunctionScope scope) {
    Expr e = outermost(read, scope);
    Node p = scope.parent(e);
    String assigned = assignedName(e, p);
    if (assigned == null) {
      return !inert(e, scope);
    }
    int line = e.loc().line();
    for (Node n : scope.nodes()) {
      if (n instanceof Ast.Name use
          && use.id().equals(assigned)
          && use.ctx() == Ast.ExprContext.Load
          && use.loc().line() >= line) {
        if (isInstanceCheck(use, scope)) {
          return false;
        }
      }
    }
    for (Node n : scope.nodes()) {
      if (n instanceof Ast.Name use
          && use.id().equals(assigned)
          && use.ctx() == Ast.ExprContext.Load
          && use.loc().line() >= line
          && !inert(outermost(use, scope), scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Climbs from a value to the expression that decides where it goes: through further reads ({@code
   * v['a']}, {@code v.get('a')}), defaults ({@code v or {}}) and conditionals.
   */
  private static Expr outermost(Expr e, FunctionScope scope) {
    while (true) {
      Node p = scope.parent(e);
      if (p instanceof Ast.Subscript s && s.value() == e) {
        e = s;
      } else if (p instanceof Ast.Attribute a
          && a.value() == e
          && (a.attr().equals("get") || a.attr().equals("keys"))
          && scope.parent(a) instanceof Call c
          && c.func() == a) {
        e = c;
      } else if (p instanceof Ast.BoolOp b && b.op() == Ast.BoolOperator.Or) {
        e = b;
      } else if (p instanceof Ast.IfExp i && i.test() != e) {
        e = i;
      } else {
        return e;
      }
    }
  }

  /** The name a value is assigned to ({@code x = value}, {@code (x := value)}), or null. */
  private static String assignedName(Expr e, Node parent) {
    if (parent instanceof Ast.Assign a
        && a.value() == e
        && a.targets().size() == 1
        && a.targets().get(0) instanceof Ast.Name t) {
      return t.id();
    }
    if (parent instanceof Ast.NamedExpr w && w.value() == e && w.target() instanceof Ast.Name t) {
      return t.id();
    }
    return null;
  }

  /** Whether a value is only compared, tested, logged, measured or returned where it stands. */
  private static boolean inert(Expr e, FunctionScope scope) {
    Expr v = e;
    Node p = scope.parent(v);
    // "a and b", "not a": climb to the test that holds them.
    while ((p instanceof Ast.BoolOp)
        || (p instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not)) {
      v = (Expr) p;
      p = scope.parent(p);
    }
    return switch (p) {
      case Ast.Compare c -> true;
      case Ast.If i -> i.test() == v;
      case Ast.While w -> w.test() == v;
      case Ast.IfExp i -> i.test() == v;
      case Ast.Assert a -> true;
      case Ast.Return r -> true;
      case Ast.ExprStmt s -> true;
      case Ast.Comprehension c -> c.ifs().contains(v);
      case Call c -> c.func() != v && isInertCall(c);
      case Ast.Keyword k -> scope.parent(k) instanceof Call c && isInertCall(c);
      case null, default -> false;
    };
  }

  private static boolean isInertCall(Call c) {
    String name = DottedNames.callee(c);
    if (name == null) {
      return false;
    }
    if (name.equals("isinstance") || name.equals("len") || name.equals("bool")) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0
        && LOG_METHODS.contains(name.substring(dot + 1))
        && name.substring(0, dot).toLowerCase(java.util.Locale.ROOT).contains("log");
  }

  private static boolean isInstanceCheck(Ast.Name use, FunctionScope scope) {
    return scope.parent(use) instanceof Call c
        && "isinstance".equals(DottedNames.callee(c))
        && !c.args().isEmpty()
        && c.args().get(0) == use;
  }
}
