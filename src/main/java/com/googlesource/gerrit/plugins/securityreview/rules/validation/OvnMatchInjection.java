package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Binding;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * OVN102: an OVN match expression built by string formatting from a tenant-controlled free-form
 * field (a name, a description, a binding profile value) that nothing normalised.
 *
 * <p>Which values are tenant-controlled, normalised or checked is the semantic model's ({@link
 * Origins} with {@link OriginPolicy#OVN_MATCH}); the rule holds where a match goes (its sinks) and
 * that a value a finding already names is not reported again where it is used.
 */
public final class OvnMatchInjection extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN102")
          .name("ovn-match-injection")
          .title("OVN match expression built from a tenant-controlled string")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "A tenant who puts `\"` or `||` into that field can rewrite the match, widening an"
                  + " ACL or a QoS rule to traffic it was never meant to cover.")
          .fix(
              "Match on the resource's UUID or a normalised value (`netaddr`, `int()`, a constant)"
                  + " instead, or validate the value against a strict pattern first.")
          .doc(
              """
              ## What it does

              Flags an OVN match expression (the `match=` argument of a call, the value of a
              `'match'` dict key, a variable named `match` or `*_match`, or the return value of a
              function named `*_match`) built with `%`, `.format()`, an f-string or `+` from a
              tenant-controlled free-form field: `name`, `description`, `dns_name`, `dns_domain`,
              `device_owner`, `device_id`, the port and router names kept in `external_ids`, or a
              value of the binding profile (also read from an ML2 driver's `context.current`). The
              value is followed through assignments (the last one before each use), loop
              variables and the return values of helpers defined in the same file; string methods
              and `str()` keep it tainted, while normalising calls (`netaddr.*`, `ipaddress.*`,
              `int()`, `uuid.UUID()`, `ovn_name()`, a `validate_*` or `*escape*`/`*quote*` helper),
              calls of functions defined elsewhere, a `validate*` or regular-expression check of
              the name and an `in` allow-list test clean it. UUIDs, integers, constants and protocol
              or ethertype fields are never tainted. Only code inside functions is checked, and not
              test code.

              A template string (`t"..."`, Python 3.14) is not a match built by formatting: it makes
              a `string.templatelib.Template`, whose interpolated values stay apart from its text,
              so it stays silent. Code that turns a Template into text itself (a helper joining its
              `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              OVN parses a match as a small expression language: a tenant string spliced into
              `inport == "%s"` can close the quote and add `|| 1`, and the ACL, QoS rule or router
              policy then matches far more traffic than intended, across tenants on the same logical
              switch. Neutron's own matches in `neutron/common/ovn/acl.py` interpolate only UUIDs,
              integers, constants and `netaddr`-normalised addresses for this reason.

              ## Example

              ```python
              def _port_acl(port):
                  match = 'inport == "%s" && ip4' % port['name']
                  return {'direction': 'from-lport', 'match': match}
              ```

              ## Use instead

              ```python
              def _port_acl(port):
                  match = 'inport == "%s" && ip4' % port['id']
                  return {'direction': 'from-lport', 'match': match}
              ```

              ## References

              - ovn-sb(5), Logical_Flow TABLE, match column <https://www.ovn.org/support/dist-docs/ovn-sb.5.html>
              - CWE-74: Improper Neutralization of Special Elements in Output Used by a Downstream Component <https://cwe.mitre.org/data/definitions/74.html>
              """)
          .build();

  public OvnMatchInjection() {
    super(META);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Dict.class, this::visitDict);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.AugAssign.class, this::visitAugAssign);
    on(Ast.Return.class, this::visitReturn);
  }

  /** Bindings whose value a finding already names: a later use of the name is not reported. */
  private Set<Binding> reported(RuleContext ctx) {
    return ctx.state(this, () -> Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean inFunction(Ast.Node node, RuleContext ctx) {
    return ctx.semantic().enclosingFunction(node) != null;
  }

  private void visitCall(Ast.Call call, RuleContext ctx) {
    Expr match = RuleContext.keyword(call, "match");
    if (match != null && inFunction(call, ctx)) {
      sink(match, ctx);
    }
  }

  private void visitDict(Ast.Dict dict, RuleContext ctx) {
    if (!inFunction(dict, ctx)) {
      return;
    }
    for (int i = 0; i < dict.keys().size(); i++) {
      if (isMatchKey(dict.keys().get(i), ctx)) {
        sink(dict.values().get(i), ctx);
      }
    }
  }

  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    if (!inFunction(assign, ctx)) {
      return;
    }
    for (Expr target : assign.targets()) {
      if (target instanceof Ast.Name n) {
        // match = 'inport == "%s"' % name: reported where it is built, not again where used.
        Expr source =
            isMatchName(n.id()) && isFormatting(assign.value())
                ? tenant(assign.value(), ctx)
                : null;
        if (source != null) {
          report(assign.value(), source, ctx);
          Binding b = bindingBy(assign, n.id(), ctx);
          if (b != null) {
            reported(ctx).add(b);
          }
        }
      } else if (target instanceof Ast.Subscript s && isMatchKey(s.slice(), ctx)) {
        sink(assign.value(), ctx);
      }
    }
  }

  /** {@code match += ' && ...' % name}: the added part, unless the match was reported before. */
  private void visitAugAssign(Ast.AugAssign aug, RuleContext ctx) {
    if (!(aug.target() instanceof Ast.Name n)
        || aug.op() != Ast.Operator.Add
        || !isMatchName(n.id())
        || !inFunction(aug, ctx)) {
      return;
    }
    Expr source = tenant(aug.value(), ctx);
    Binding b = bindingBy(aug, n.id(), ctx);
    if (source != null && (b == null || !isReported(b, ctx))) {
      report(aug.value(), source, ctx);
      if (b != null) {
        reported(ctx).add(b);
      }
    }
  }

  /** {@code def _port_match(...): return 'inport == "%s"' % ...}. */
  private void visitReturn(Ast.Return ret, RuleContext ctx) {
    Ast.FunctionLike fn = ctx.semantic().enclosingFunction(ret);
    if (ret.value() != null
        && fn != null
        && isMatchName(DottedNames.withoutLeadingUnderscores(fn.name()))) {
      sink(ret.value(), ctx);
    }
  }

  /** A value that ends up as a match: reported when tenant-controlled and not named already. */
  private void sink(Expr value, RuleContext ctx) {
    Binding b = value instanceof Ast.Name n ? ctx.semantic().reachingBinding(n) : null;
    if (b != null && isReported(b, ctx)) {
      return;
    }
    Expr source = tenant(value, ctx);
    if (source != null) {
      report(value, source, ctx);
      if (b != null) {
        reported(ctx).add(b);
      }
    }
  }

  /** The tenant-controlled free-form read a value carries, or null. */
  private static Expr tenant(Expr value, RuleContext ctx) {
    Origin o = Origins.of(ctx.semantic(), value, OriginPolicy.OVN_MATCH);
    return o.kind() == Origin.Kind.TENANT ? o.tenant().source() : null;
  }

  /**
   * Whether a finding names a binding's value: the binding itself, or, for {@code match += ...},
   * the bindings it adds to.
   */
  private boolean isReported(Binding b, RuleContext ctx) {
    Set<Binding> reported = reported(ctx);
    List<Binding> list = ctx.semantic().bindings(b.scope(), b.name());
    int i = list.indexOf(b);
    if (i < 0) {
      return reported.contains(b);
    }
    for (; i >= 0; i--) {
      Binding x = list.get(i);
      if (reported.contains(x)) {
        return true;
      }
      if (x.kind() != Binding.Kind.AUGMENTED_ASSIGNMENT) {
        return false;
      }
    }
    return false;
  }

  /** The binding of a name that a statement makes, or null. */
  private static Binding bindingBy(Ast.Stmt stmt, String name, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Binding b : model.bindings(model.scopeOf(stmt), name)) {
      if (b.node() == stmt) {
        return b;
      }
    }
    return null;
  }

  private void report(Expr at, Expr source, RuleContext ctx) {
    ctx.report(
        this,
        at,
        String.format(
            "OVN match built from tenant-controlled `%s`, which is neither normalised nor"
                + " validated.",
            ctx.text(source)));
  }

  private static boolean isMatchKey(Expr key, RuleContext ctx) {
    return key != null && ctx.semantic().constantString(key).filter("match"::equals).isPresent();
  }

  private static boolean isMatchName(String name) {
    return name.equals("match") || name.endsWith("_match");
  }

  /** Whether an expression builds a string by formatting or concatenation. */
  private static boolean isFormatting(Expr e) {
    return switch (e) {
      case Ast.BinOp b -> b.op() == Ast.Operator.Add || b.op() == Ast.Operator.Mod;
      case Ast.JoinedStr j -> true;
      case Ast.Call c -> c.func() instanceof Ast.Attribute a && a.attr().equals("format");
      default -> false;
    };
  }
}
