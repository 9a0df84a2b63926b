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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OVN102: an OVN match expression built by string formatting from a tenant-controlled free-form
 * field (a name, a description, a binding profile value) that nothing normalised.
 *
 * <p>The taint notion is deliberately small and local to one function: a name assigned from a
 * subscript or {@code .get()} of a free-form key is tainted; string operations keep the taint; any
 * other call (netaddr, int(), uuid, a validate* helper, an escaping helper, or any function we
 * cannot see into) yields a clean value.
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
              value of the binding profile. The value is followed through assignments within one
              function; string methods and `str()` keep it tainted, while any other call
              (`netaddr.*`, `ipaddress.*`, `int()`, `uuid.UUID()`, `ovn_name()`, a `validate*`,
              `*escape*` or `*quote*` helper) and an `in` allow-list test clean it. UUIDs, integers,
              constants and protocol or ethertype fields are never tainted. Test code is not
              checked.

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

  /** Keys of Neutron resources (and their OVN external ids) that a tenant fills in freely. */
  private static final Set<String> FREE_FORM_KEYS =
      Set.of(
          "name",
          "description",
          "dns_name",
          "dns_domain",
          "device_owner",
          "device_id",
          "neutron:port_name",
          "neutron:router_name",
          "neutron:device_owner");

  /** The same, as the constants of {@code neutron.common.ovn.constants}. */
  private static final Set<String> FREE_FORM_CONSTANTS =
      Set.of(
          "OVN_PORT_NAME_EXT_ID_KEY", "OVN_ROUTER_NAME_EXT_ID_KEY", "OVN_DEVICE_OWNER_EXT_ID_KEY");

  /** Attributes of Neutron objects that a tenant fills in freely (not "name": too common). */
  private static final Set<String> FREE_FORM_ATTRIBUTES =
      Set.of("description", "dns_name", "dns_domain", "device_owner");

  /** String methods whose result carries the receiver's content. */
  private static final Set<String> STRING_METHODS =
      Set.of(
          "lower",
          "upper",
          "strip",
          "lstrip",
          "rstrip",
          "title",
          "casefold",
          "replace",
          "format",
          "join",
          "removeprefix",
          "removesuffix");

  public OvnMatchInjection() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Ast.FunctionDef || node instanceof Ast.AsyncFunctionDef)) {
      return;
    }
    new FunctionTaint(ctx, FunctionScope.of(node), RuleContext.functionName(node)).run();
  }

  /** Where a tainted value came from, and whether a finding already names it. */
  private record Taint(String source, boolean reported) {}

  /** The walk over one function, in source order. */
  private final class FunctionTaint {
    private final RuleContext ctx;
    private final FunctionScope scope;
    private final Map<String, Taint> tainted = new HashMap<>();
    private final Set<String> profiles = new HashSet<>();

    private final boolean returnsMatch;

    FunctionTaint(RuleContext ctx, FunctionScope scope, String function) {
      this.ctx = ctx;
      this.scope = scope;
      this.returnsMatch = function != null && isMatchName(function.replaceFirst("^_+", ""));
    }

    void run() {
      // Statements are handled when the walk reaches them, expressions inside them first, so a
      // name's taint is the one it had before the statement that re-assigns it.
      List<Node> nodes = scope.nodes();
      java.util.ArrayDeque<Ast.Stmt> pending = new java.util.ArrayDeque<>();
      for (Node n : nodes) {
        while (!pending.isEmpty() && !contains(pending.peek(), n)) {
          assign(pending.pop());
        }
        if (n instanceof Ast.Assign || n instanceof Ast.AugAssign || n instanceof Ast.AnnAssign) {
          pending.push((Ast.Stmt) n);
        }
        if (n instanceof Call c) {
          Expr m = RuleContext.keyword(c, "match");
          if (m != null) {
            sink(m);
          }
          if (isCheck(c)) {
            c.args().forEach(this::clean);
          }
        } else if (n instanceof Ast.Compare c
            && c.ops().size() == 1
            && (c.ops().get(0) == Ast.CmpOp.In || c.ops().get(0) == Ast.CmpOp.NotIn)) {
          // An allow-list test: "if name not in ALLOWED: raise".
          clean(c.left());
        } else if (n instanceof Ast.Return r && r.value() != null && returnsMatch) {
          // def _port_match(...): return 'inport == "%s"' % ...
          sink(r.value());
        } else if (n instanceof Ast.For f) {
          targetNames(f.target()).forEach(tainted::remove);
        } else if (n instanceof Ast.Dict d) {
          for (int i = 0; i < d.keys().size(); i++) {
            if (d.keys().get(i) instanceof Ast.Constant k && "match".equals(k.value())) {
              sink(d.values().get(i));
            }
          }
        }
      }
      while (!pending.isEmpty()) {
        assign(pending.pop());
      }
    }

    /** A validate* helper, or a regular expression match, checks the names it is given. */
    private boolean isCheck(Call c) {
      String name = DottedNames.callee(c);
      if (name == null) {
        return false;
      }
      String last = DottedNames.lastPart(name).replaceFirst("^_+", "");
      return last.startsWith("validate")
          || last.equals("match")
          || last.equals("fullmatch")
          || last.equals("search");
    }

    private void clean(Expr e) {
      if (e instanceof Ast.Name n) {
        tainted.remove(n.id());
      }
    }

    private boolean contains(Ast.Stmt outer, Node n) {
      for (Node p = scope.parent(n); p != null; p = scope.parent(p)) {
        if (p == outer) {
          return true;
        }
      }
      return false;
    }

    /** Updates the taint of the names a statement assigns, and checks match-named targets. */
    private void assign(Ast.Stmt s) {
      switch (s) {
        case Ast.Assign a -> {
          String source = taint(a.value());
          for (Expr t : a.targets()) {
            if (t instanceof Ast.Name n) {
              boolean reported = false;
              if (source != null && isMatchName(n.id()) && isFormatting(a.value())) {
                report(a.value(), source);
                reported = true;
              }
              set(n.id(), source, reported);
              if (BindingProfiles.isProfile(a.value(), ctx, profiles)) {
                profiles.add(n.id());
              } else {
                profiles.remove(n.id());
              }
            } else if (t instanceof Ast.Subscript sub
                && sub.slice() instanceof Ast.Constant k
                && "match".equals(k.value())) {
              sink(a.value());
            } else {
              for (String name : targetNames(t)) {
                set(name, null, false);
              }
            }
          }
        }
        case Ast.AnnAssign a when a.target() instanceof Ast.Name n && a.value() != null ->
            set(n.id(), taint(a.value()), false);
        case Ast.AugAssign a
            when a.target() instanceof Ast.Name n && a.op() == Ast.Operator.Add -> {
          String source = taint(a.value());
          Taint before = tainted.get(n.id());
          if (source != null) {
            boolean reported = before != null && before.reported();
            if (isMatchName(n.id()) && !reported) {
              report(a.value(), source);
              reported = true;
            }
            tainted.put(n.id(), new Taint(source, reported));
          }
        }
        default -> {}
      }
    }

    private void set(String name, String source, boolean reported) {
      if (source == null) {
        tainted.remove(name);
      } else {
        tainted.put(name, new Taint(source, reported));
      }
    }

    private List<String> targetNames(Expr t) {
      return switch (t) {
        case Ast.Name n -> List.of(n.id());
        case Ast.Tuple tu -> tu.elts().stream().flatMap(e -> targetNames(e).stream()).toList();
        case Ast.List l -> l.elts().stream().flatMap(e -> targetNames(e).stream()).toList();
        case Ast.Starred st -> targetNames(st.value());
        default -> List.of();
      };
    }

    /** A value that ends up as a match: flag it when tainted and not already flagged. */
    private void sink(Expr value) {
      if (value instanceof Ast.Name n) {
        Taint t = tainted.get(n.id());
        if (t != null && !t.reported()) {
          report(value, t.source());
          tainted.put(n.id(), new Taint(t.source(), true));
        }
        return;
      }
      String source = taint(value);
      if (source != null) {
        report(value, source);
      }
    }

    private void report(Expr at, String source) {
      ctx.report(
          OvnMatchInjection.this,
          at,
          String.format(
              "OVN match built from tenant-controlled `%s`, which is neither normalised nor"
                  + " validated.",
              source));
    }

    /** The source text of the tenant field an expression carries, or null when it is clean. */
    private String taint(Expr e) {
      return switch (e) {
        case null -> null;
        case Ast.Name n -> {
          Taint t = tainted.get(n.id());
          yield t == null ? null : t.source();
        }
        case Ast.Subscript s -> {
          if (isFreeFormKey(s.slice()) || BindingProfiles.readKey(s, ctx, profiles) != null) {
            yield ctx.text(s);
          }
          yield taint(s.value());
        }
        case Ast.Attribute a ->
            FREE_FORM_ATTRIBUTES.contains(a.attr())
                    && !(a.value() instanceof Ast.Name n && n.id().equals("self"))
                ? ctx.text(a)
                : null;
        case Call c -> taintOfCall(c);
        case Ast.BinOp b ->
            b.op() == Ast.Operator.Add || b.op() == Ast.Operator.Mod
                ? first(taint(b.left()), taint(b.right()))
                : null;
        case Ast.JoinedStr j -> {
          for (Expr v : j.values()) {
            if (v instanceof Ast.FormattedValue f) {
              String t = taint(f.value());
              if (t != null) {
                yield t;
              }
            }
          }
          yield null;
        }
        case Ast.Tuple t -> firstOf(t.elts());
        case Ast.List l -> firstOf(l.elts());
        case Ast.Dict d -> firstOf(d.values());
        case Ast.IfExp i -> first(taint(i.body()), taint(i.orelse()));
        case Ast.BoolOp b -> firstOf(b.values());
        default -> null;
      };
    }

    private String taintOfCall(Call c) {
      if (c.func() instanceof Ast.Attribute a) {
        if ((a.attr().equals("get") || a.attr().equals("pop")) && !c.args().isEmpty()) {
          if (isFreeFormKey(c.args().get(0)) || BindingProfiles.readKey(c, ctx, profiles) != null) {
            return ctx.text(c);
          }
          return null;
        }
        if (STRING_METHODS.contains(a.attr())) {
          // "...".format(x), "-".join(xs), x.lower(): the content of every part survives.
          String t = taint(a.value());
          if (t != null) {
            return t;
          }
          if (a.attr().equals("format") || a.attr().equals("join")) {
            String args = firstOf(c.args());
            if (args != null) {
              return args;
            }
            for (Ast.Keyword k : c.keywords()) {
              String kt = taint(k.value());
              if (kt != null) {
                return kt;
              }
            }
          }
          return null;
        }
        return null;
      }
      // str(x) keeps x; any other function (netaddr, int, uuid, ovn_name, validate*, escaping
      // helpers, or code we cannot see) returns a value we have no reason to distrust.
      if (c.func() instanceof Ast.Name n && n.id().equals("str") && c.args().size() == 1) {
        return taint(c.args().get(0));
      }
      return null;
    }

    private boolean isFreeFormKey(Expr key) {
      if (key instanceof Ast.Constant c) {
        return c.value() instanceof String s && FREE_FORM_KEYS.contains(s);
      }
      String name = DottedNames.of(key);
      return name != null && FREE_FORM_CONSTANTS.contains(DottedNames.lastPart(name));
    }

    private String firstOf(List<Expr> exprs) {
      for (Expr e : exprs) {
        String t = taint(e);
        if (t != null) {
          return t;
        }
      }
      return null;
    }

    private static String first(String a, String b) {
      return a != null ? a : b;
    }
  }

  private static boolean isMatchName(String name) {
    return name.equals("match") || name.endsWith("_match");
  }

  /** Whether an expression builds a string by formatting or concatenation. */
  private static boolean isFormatting(Expr e) {
    return switch (e) {
      case Ast.BinOp b -> b.op() == Ast.Operator.Add || b.op() == Ast.Operator.Mod;
      case Ast.JoinedStr j -> true;
      case Call c -> c.func() instanceof Ast.Attribute a && a.attr().equals("format");
      default -> false;
    };
  }
}
