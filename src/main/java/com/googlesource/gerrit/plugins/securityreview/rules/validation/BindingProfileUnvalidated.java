package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OVN101: a key read out of a port's binding profile whose value is used (passed on, formatted,
 * stored, iterated) in a function that never validates it.
 *
 * <p>What a binding profile is, which function a node belongs to and what a name is bound to are
 * the semantic model's. Whether the function validates may show after the read, so reads are
 * collected during the walk, with the validator calls and {@code in} tests of each function, and
 * judged at the end of the file; where a value read goes next is the model's {@code reads}.
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
              or only compares, tests, logs (through a logger) or returns the value. Only OVN code is checked (files
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

  /** Calls that only measure or test a value. */
  private static final Set<String> INERT_CALLS = Set.of("isinstance", "len", "bool");

  /** A read of a key out of a binding profile, in the function it is read in. */
  private record Read(Expr read, Expr key, Ast.FunctionLike function) {}

  /** What the walk collects of one file. */
  private static final class FileFacts {
    final List<Read> reads = new ArrayList<>();
    final Set<Ast.FunctionLike> validating = Collections.newSetFromMap(new IdentityHashMap<>());

    /** {@code x in profile} tests by function and by the text of {@code x}. */
    final Map<Ast.FunctionLike, Map<String, List<Ast.Compare>>> keyTests = new IdentityHashMap<>();
  }

  public BindingProfileUnvalidated() {
    super(META);
    // The guard this rule looks for is the OVN driver's; other drivers and agents check the
    // profile their own way (or receive it from Nova), so only OVN code is in scope.
    checksOnlyPaths(OvnCode::contains);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Subscript.class, this::visitRead);
    on(Ast.Compare.class, this::visitCompare);
  }

  private FileFacts facts(RuleContext ctx) {
    return ctx.state(this, FileFacts::new);
  }

  private void visitCall(Ast.Call call, RuleContext ctx) {
    String name = ctx.semantic().callName(call);
    if (name != null
        && DottedNames.withoutLeadingUnderscores(DottedNames.lastPart(name))
            .startsWith("validate")) {
      Ast.FunctionLike fn = ctx.semantic().enclosingFunction(call);
      if (fn != null) {
        facts(ctx).validating.add(fn);
      }
    }
    visitRead(call, ctx);
  }

  private void visitRead(Expr e, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Expr key = model.bindingProfileKey(e);
    Ast.FunctionLike fn = key == null ? null : model.enclosingFunction(e);
    if (fn != null) {
      facts(ctx).reads.add(new Read(e, key, fn));
    }
  }

  private void visitCompare(Ast.Compare c, RuleContext ctx) {
    if (c.ops().size() != 1
        || (c.ops().get(0) != Ast.CmpOp.In && c.ops().get(0) != Ast.CmpOp.NotIn)) {
      return;
    }
    Ast.FunctionLike fn = ctx.semantic().enclosingFunction(c);
    if (fn != null) {
      facts(ctx)
          .keyTests
          .computeIfAbsent(fn, k -> new HashMap<>())
          .computeIfAbsent(ctx.text(c.left()), k -> new ArrayList<>())
          .add(c);
    }
  }

  @Override
  public void endFile(RuleContext ctx) {
    FileFacts facts = facts(ctx);
    SemanticModel model = ctx.semantic();
    for (Read r : facts.reads) {
      if (facts.validating.contains(r.function())
          || insideGuardingTry(r.read(), model)
          || keyTested(r, facts, ctx)
          || !flows(r, model)) {
        continue;
      }
      ctx.report(
          this,
          r.read(),
          String.format(
              "Binding profile key %s is read and used in `%s()` without validation.",
              ctx.text(r.key()), r.function().name()));
    }
  }

  /** Whether the read is in the body of a try (of its function) that catches a bad value. */
  private static boolean insideGuardingTry(Expr read, SemanticModel model) {
    // A try is a statement: climb from the read's statement, not through its expressions.
    Node child = model.statementOf(read);
    for (Node p = model.parentOf(child);
        p != null && !(p instanceof Ast.FunctionLike);
        child = p, p = model.parentOf(p)) {
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
    String name = SemanticModel.dotted(type);
    return name != null && GUARD_EXCEPTIONS.contains(DottedNames.lastPart(name));
  }

  /** Whether the function tests the same key with {@code in} against a binding profile. */
  private static boolean keyTested(Read r, FileFacts facts, RuleContext ctx) {
    List<Ast.Compare> tests =
        facts
            .keyTests
            .getOrDefault(r.function(), Map.of())
            .getOrDefault(ctx.text(r.key()), List.of());
    for (Ast.Compare c : tests) {
      Expr container = c.comparators().get(0);
      if (container instanceof Ast.Call call
          && call.func() instanceof Ast.Attribute a
          && a.attr().equals("keys")) {
        container = a.value();
      }
      if (ctx.semantic().isBindingProfile(container)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the value read goes anywhere beyond a comparison, a truth test, a log call or a return;
   * a value assigned to a name is followed to that name's later uses in the function.
   */
  private static boolean flows(Read r, SemanticModel model) {
    Expr e = outermost(r.read(), model);
    String assigned = assignedName(e, model.parentOf(e));
    if (assigned == null) {
      return !inert(e, model);
    }
    int line = e.loc().line();
    List<Ast.Name> uses = new ArrayList<>();
    for (Ast.Name use : model.reads(model.scopeOpenedBy(r.function()), assigned)) {
      if (use.loc().line() >= line) {
        if (isInstanceCheck(use, model)) {
          return false;
        }
        uses.add(use);
      }
    }
    for (Ast.Name use : uses) {
      if (!inert(outermost(use, model), model)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Climbs from a value to the expression that decides where it goes: through further reads ({@code
   * v['a']}, {@code v.get('a')}), defaults ({@code v or {}}) and conditionals.
   */
  private static Expr outermost(Expr e, SemanticModel model) {
    while (true) {
      Node p = model.parentOf(e);
      if (p instanceof Ast.Subscript s && s.value() == e) {
        e = s;
      } else if (p instanceof Ast.Attribute a
          && a.value() == e
          && (a.attr().equals("get") || a.attr().equals("keys"))
          && model.parentOf(a) instanceof Ast.Call c
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
  private static boolean inert(Expr e, SemanticModel model) {
    Expr v = e;
    Node p = model.parentOf(v);
    // "a and b", "not a": climb to the test that holds them.
    while ((p instanceof Ast.BoolOp)
        || (p instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not)) {
      v = (Expr) p;
      p = model.parentOf(p);
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
      case Ast.Call c -> c.func() != v && isInertCall(c, model);
      case Ast.Keyword k -> model.parentOf(k) instanceof Ast.Call c && isInertCall(c, model);
      case null, default -> false;
    };
  }

  private static boolean isInertCall(Ast.Call c, SemanticModel model) {
    String name = model.callName(c);
    return (name != null && INERT_CALLS.contains(name)) || model.isLoggerCall(c);
  }

  private static boolean isInstanceCheck(Ast.Name use, SemanticModel model) {
    return model.parentOf(use) instanceof Ast.Call c
        && "isinstance".equals(model.callName(c))
        && !c.args().isEmpty()
        && c.args().get(0) == use;
  }
}
