package com.googlesource.gerrit.plugins.securityreview.rules.config;

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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** OVN401: an OVN ACL that allows everything (an allow action with a trivially broad match). */
public final class AclAllowAll extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN401")
          .name("acl-allow-all")
          .title("OVN ACL allows all traffic: allow action with a trivially broad match")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.SECURITY_CONFIGURATION)
          .why(
              "An allow ACL that matches every packet (or every IP packet of a port or port group)"
                  + " overrides the default drop and the tenant's security group rules for that"
                  + " port.")
          .fix(
              "Narrow the match to the protocol, addresses and ports the feature needs, or explain"
                  + " in a comment why the port is trusted with all traffic.")
          .doc(
              """
              ## What it does

              Flags OVN ACLs whose action is `allow`, `allow-related` or `allow-stateless` (as a
              literal or as `ovn_const.ACL_ACTION_ALLOW*`) and whose match is trivially broad: `1`,
              `true`, `ip`, `ip4`, `ip6`, or a match that only names the port or port group (`inport
              == @pg`, `outport == "%s"`), optionally followed by nothing more than `&& ip`, `&&
              ip4` or `&& ip6`. The ACL is recognised as a dict with `action` and `match` keys, an
              `acl_add(...)` / `pg_acl_add(...)` call (positional or keyword), or any call passing
              `action=` and `match=`. An action or match kept in a variable is followed to the
              value it holds there, and a loop variable to each item of the literal list it runs
              over.

              Silent: drop and reject ACLs (Neutron's default `neutron_pg_drop` ACLs match `inport
              == @neutron_pg_drop && ip` with action `drop`), allow ACLs built from security group
              rules (their match is assembled at run time from the rule and carries protocol, prefix
              or remote-group constraints), matches that add any further constraint (`&& tcp.dst ==
              22`, `&& ip4.src == $as`), actions that are not a literal or an ACL action constant,
              and test code (tests build such ACLs as data all the time).

              ## Why it matters

              Neutron's OVN driver implements security groups as `allow-related` ACLs at priority
              1002 over a default drop at 1000 in `neutron_pg_drop`. An allow ACL whose match is
              `ip4` or just `inport == @pg` opens the port to every packet, bypassing whatever the
              tenant's security groups say; at a priority above 1002 it also wins over any tenant
              rule. Allowing everything can be right (a trusted service port, a PVLAN promiscuous
              port), but it is a security decision a reviewer must see and the code must justify,
              which is why the confidence is medium.

              ## Example

              ```python
              def allow_service_port(nb_idl, pg_name):
                  nb_idl.pg_acl_add(
                      pg_name, 'from-lport', 1002, 'inport == @%s' % pg_name,
                      ovn_const.ACL_ACTION_ALLOW_RELATED).execute(check_error=True)
              ```

              ## Use instead

              ```python
              def allow_service_port(nb_idl, pg_name, port):
                  match = 'inport == @%s && ip4 && tcp.dst == %d' % (pg_name, int(port))
                  nb_idl.pg_acl_add(
                      pg_name, 'from-lport', 1002, match,
                      ovn_const.ACL_ACTION_ALLOW_RELATED).execute(check_error=True)
              ```

              ## References

              - ovn-nb(5), ACL table <https://www.ovn.org/support/dist-docs/ovn-nb.5.html>
              - Neutron OVN reference architecture: ACLs of an instance's port <https://docs.openstack.org/neutron/latest/admin/ovn/refarch/launch-instance-provider-network.html>
              - CWE-284: Improper Access Control <https://cwe.mitre.org/data/definitions/284.html>
              """)
          .build();

  private static final Set<String> ALLOW_LITERALS =
      Set.of("allow", "allow-related", "allow-stateless");
  private static final Set<String> ALLOW_CONSTANTS =
      Set.of("ACL_ACTION_ALLOW", "ACL_ACTION_ALLOW_RELATED", "ACL_ACTION_ALLOW_STATELESS");
  private static final Set<String> ACL_ADD_CALLS = Set.of("acl_add", "pg_acl_add");

  /** Matches every packet, or every IP packet. */
  private static final Set<String> ALL_TRAFFIC =
      Set.of("1", "true", "ip", "ip4", "ip6", "ip4 || ip6", "ip6 || ip4");

  /**
   * A match that only names the port or port group: {@code inport == @pg}, {@code outport ==
   * "uuid"}, optionally with {@code && ip}, {@code && ip4} or {@code && ip6}. NUL marks an
   * interpolated value; at most one may stand for the name, and nowhere else.
   */
  private static final Pattern PORT_ONLY =
      Pattern.compile(
          "(inport|outport) ?== ?"
              + "(@[\\w$.-]*\\x00?[\\w$.-]*"
              + "|\"[^\"\\x00]*\\x00?[^\"\\x00]*\""
              + "|[\\w$.-]*\\x00?[\\w$.-]*)"
              + "( ?&& ?(ip|ip4|ip6))?");

  /** printf-style conversions: {@code %s}, {@code %(name)s}, {@code %d}. */
  private static final Pattern PRINTF =
      Pattern.compile("%(\\([^)]*\\))?[-#0 +]*\\d*(\\.\\d+)?[sdirfxX]");

  /** str.format fields: {@code {}}, {@code {0}}, {@code {name}}. */
  private static final Pattern FORMAT_FIELD = Pattern.compile("\\{[^{}]*\\}");

  public AclAllowAll() {
    super(META);
    on(Ast.Dict.class, this::visitDict);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    Expr action = null;
    Expr match = null;
    for (int i = 0; i < d.keys().size(); i++) {
      String key = d.keys().get(i) == null ? null : constant(ctx, d.keys().get(i));
      if ("action".equals(key)) {
        action = d.values().get(i);
      } else if ("match".equals(key)) {
        match = d.values().get(i);
      }
    }
    check(ctx, action, match);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    String callee = ctx.semantic().callName(c);
    if (callee != null && ACL_ADD_CALLS.contains(DottedNames.lastPart(callee))) {
      // ovsdbapp: acl_add(switch, direction, priority, match, action, ...) and
      // pg_acl_add(port_group, direction, priority, match, action, ...).
      check(ctx, RuleContext.argument(c, 4, "action"), RuleContext.argument(c, 3, "match"));
    } else {
      check(ctx, RuleContext.keyword(c, "action"), RuleContext.keyword(c, "match"));
    }
  }

  private void check(RuleContext ctx, Expr action, Expr match) {
    if (action == null || match == null) {
      return;
    }
    SemanticModel model = ctx.semantic();
    String allow = allowAction(ctx, model.resolve(action));
    if (allow == null) {
      return;
    }
    for (Expr candidate : matchValues(model, match)) {
      String shape = shape(ctx, model.resolve(candidate));
      if (shape != null && isBroad(shape)) {
        ctx.report(
            this,
            candidate,
            String.format(
                "This `%s` ACL matches `%s`, which lets through all traffic of the port or port"
                    + " group.",
                allow, shape.replace("\u0000", "%s")));
      }
    }
  }

  /**
   * The values a match may take: the expression itself, or, for the variable of a loop over a
   * literal list such as {@code for direction, match in [('to-lport', 'outport == @%s' % pg),
   * ...]}, each value the list gives it.
   */
  private static List<Expr> matchValues(SemanticModel model, Expr match) {
    Binding b = match instanceof Ast.Name n ? model.reachingBinding(n) : null;
    if (b == null
        || b.kind() != Binding.Kind.FOR_TARGET
        || !(b.node() instanceof Ast.ForLike loop)) {
      return List.of(match);
    }
    List<Expr> items =
        switch (loop.iter()) {
          case Ast.List l -> l.elts();
          case Ast.Tuple t -> t.elts();
          default -> List.of();
        };
    List<Expr> values = new ArrayList<>();
    for (Expr item : items) {
      if (b.index() < 0) {
        values.add(item);
      } else if (item instanceof Ast.Tuple t && b.index() < t.elts().size()) {
        values.add(t.elts().get(b.index()));
      }
    }
    return values;
  }

  /** The allow action an expression stands for, or null when it is not (certainly) one. */
  private static String allowAction(RuleContext ctx, Expr e) {
    String s = constant(ctx, e);
    if (s != null) {
      return ALLOW_LITERALS.contains(s) ? s : null;
    }
    if (e instanceof Ast.IfExp ie) {
      SemanticModel model = ctx.semantic();
      String a = allowAction(ctx, model.resolve(ie.body()));
      String b = allowAction(ctx, model.resolve(ie.orelse()));
      return a != null && b != null ? a : null;
    }
    String q = ctx.semantic().qualifiedName(e);
    String last = q == null ? null : DottedNames.lastPart(q);
    if (last == null || !ALLOW_CONSTANTS.contains(last)) {
      return null;
    }
    return switch (last) {
      case "ACL_ACTION_ALLOW_RELATED" -> "allow-related";
      case "ACL_ACTION_ALLOW_STATELESS" -> "allow-stateless";
      default -> "allow";
    };
  }

  /**
   * The text of a match with every interpolated value replaced by a NUL placeholder, or null when
   * the match is not built from a constant template ({@code '...' % x}, {@code '...'.format(x)}, an
   * f-string, or a constant).
   */
  private static String shape(RuleContext ctx, Expr e) {
    String s = constant(ctx, e);
    if (s != null) {
      return s;
    }
    if (e instanceof Ast.BinOp b && b.op() == Ast.Operator.Mod) {
      String template = constant(ctx, b.left());
      return template == null
          ? null
          : PRINTF.matcher(template).replaceAll("\u0000").replace("%%", "%");
    }
    if (e instanceof Ast.Call c
        && c.func() instanceof Ast.Attribute a
        && a.attr().equals("format")) {
      String template = constant(ctx, a.value());
      return template == null ? null : FORMAT_FIELD.matcher(template).replaceAll("\u0000");
    }
    if (e instanceof Ast.JoinedStr j) {
      StringBuilder b = new StringBuilder();
      for (Expr part : j.values()) {
        String lit = part instanceof Ast.Constant ? constant(ctx, part) : null;
        b.append(lit != null ? lit : "\u0000");
      }
      return b.toString();
    }
    return null;
  }

  private static String constant(RuleContext ctx, Expr e) {
    return ctx.semantic().constantString(e).orElse(null);
  }

  private static boolean isBroad(String shape) {
    String m = shape.strip().replaceAll("\\s+", " ");
    while (m.startsWith("(") && m.endsWith(")") && balanced(m.substring(1, m.length() - 1))) {
      m = m.substring(1, m.length() - 1).strip();
    }
    if (ALL_TRAFFIC.contains(m)) {
      return true;
    }
    return PORT_ONLY.matcher(m).matches();
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char ch : s.toCharArray()) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
