package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangeContext;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NormalForm;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.rules.changes.Scopes.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OVN703: a port-security or trust condition changed or introduced, a new early {@code return [],
 * []} in an address or port-security helper, or a new {@code unknown} address.
 */
public final class PortSecurityConditionChanged extends DiffRule {
  private static final Set<String> CHECKS = Set.of("is_port_security_enabled", "is_lsp_trusted");

  static final RuleMeta META =
      RuleMeta.builder("OVN703")
          .name("port-security-condition-changed")
          .title(
              "Port-security or trust condition, early empty-address return or `unknown` address"
                  + " changed")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.LOW)
          .family(Family.CHANGES)
          .why(
              "These lines decide which ports OVN filters: a port that wrongly counts as trusted or"
                  + " without port security, or that gets the `unknown` address, may send and"
                  + " receive traffic with any MAC and IP address, and its security group ACLs may"
                  + " not apply.")
          .fix("Check which ports the new logic lets through, and cover both branches with tests.")
          .doc(
              """
              ## What it does

              Compares each scope (function or method by qualified name) of the new version with the
              same scope of the base version and reports three kinds of change. (1) A condition
              (`if`/`elif`/`while` test, conditional expression, `assert`, or a returned boolean
              expression) that calls or names `is_port_security_enabled` or `is_lsp_trusted`, or
              reads `port_security_enabled` (attribute, string key, or
              `port_security.PORTSECURITY`), and whose normalised form the base scope does not have.
              (2) A new early `return [], []` (told apart by the conditions around it) in a function
              whose name mentions addresses, `port_security` or `psec`, unless (1) already reports
              its condition. (3) The `unknown` address (a constant ending in `UNKNOWN_ADDR`, or the
              string `'unknown'` in a statement about addresses) given where the base scope does not
              give it, compared by the keyword argument, call or statement that gives it; the
              address only compared or tested, and localnet ports, which need it, do not count. The
              message says whether the scope already had such a check (changed) or not (introduced).
              Reformatting, moves within a scope, a new function holding code moved from elsewhere
              in the file, added files and test code stay silent.

              ## Why it matters

              In the OVN driver, port security is the logical switch port's `port_security` column:
              the MAC and IP addresses a VM may use. Trusted ports (router interfaces, DHCP, other
              network-owned ports) get none, and neither do ports with port security off; the
              `unknown` address makes OVN deliver frames for any unknown MAC to the port. A negation
              flipped, an `and` turned into `or`, or an early return for one more kind of port
              removes the anti-spoofing filter and the security group ACLs of ports that should keep
              them. Such edits are one-line diffs that look harmless.

              ## Example

              ```python
              # Base version:
              #     def _get_allowed_addresses_from_port(self, port):
              #         if not port.get(psec.PORTSECURITY):
              #             return [], []
              #         if utils.is_lsp_trusted(port):
              #             return [], []
              # New version: ports with a device owner are now all skipped.
              def _get_allowed_addresses_from_port(self, port):
                  if not port.get(psec.PORTSECURITY):
                      return [], []
                  if utils.is_lsp_trusted(port) or port.get('device_owner'):
                      return [], []
              ```

              ## Use instead

              ```python
              def _get_allowed_addresses_from_port(self, port):
                  if not port.get(psec.PORTSECURITY):
                      return [], []
                  if utils.is_lsp_trusted(port):
                      return [], []
              ```

              ## References

              - OVN Northbound schema, Logical_Switch_Port port_security and addresses <https://www.ovn.org/support/dist-docs/ovn-nb.5.html>
              - Neutron ML2/OVN features, port security and security groups <https://docs.openstack.org/neutron/latest/admin/ovn/features.html>
              - CWE-284: Improper Access Control <https://cwe.mitre.org/data/definitions/284.html>
              """)
          .build();

  public PortSecurityConditionChanged() {
    super(META);
  }

  @Override
  public void compare(ChangeContext ctx) {
    if (ctx.added()) {
      return;
    }
    Version before = Version.of(ctx.base());
    Version now = Version.of(ctx.current());
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    conditions(ctx, before, now, reported);
    earlyReturns(ctx, before, now, reported);
    unknownAddresses(ctx, before, now);
  }

  /** (1) Port-security and trust conditions not in the base scope. */
  private void conditions(ChangeContext ctx, Version before, Version now, Set<Node> reported) {
    for (Condition c : now.conditionList) {
      if (!c.security()) {
        continue;
      }
      String form = NormalForm.of(c.test());
      boolean known =
          before.scopes.contains(c.scope())
              ? before.conditions.getOrDefault(c.scope(), Set.of()).contains(form)
              // A new scope: a condition moved from elsewhere in the file is not new.
              : before.allConditions.contains(form);
      if (known) {
        continue;
      }
      reported.add(c.test());
      ctx.report(
          this,
          c.test(),
          "Port-security or trust condition "
              + (before.securityScopes.contains(c.scope()) ? "changed" : "introduced")
              + " in "
              + display(c.scope())
              + ": `"
              + shorten(ctx.current().text(c.test()))
              + "`.");
    }
  }

  /** (2) A new early {@code return [], []} in an address or port-security function. */
  private void earlyReturns(
      ChangeContext ctx, Version before, Version now, Set<Node> reportedConditions) {
    Map<String, Integer> left = new HashMap<>(before.emptyReturnCounts);
    for (EmptyReturn r : now.emptyReturns) {
      if (left.merge(before.key(r.scope(), r.what()), -1, Integer::sum) >= 0) {
        continue;
      }
      if (r.guards().stream().anyMatch(reportedConditions::contains)) {
        // Its condition changed, and that is reported already.
        continue;
      }
      ctx.report(
          this,
          r.node(),
          "Early `return [], []` "
              + (before.emptyReturnScopes.contains(r.scope()) ? "changed" : "introduced")
              + " in "
              + display(r.scope())
              + ": the ports that reach it get no addresses and no port security.");
    }
  }

  /** (3) The {@code unknown} address where the base scope does not have it. */
  private void unknownAddresses(ChangeContext ctx, Version before, Version now) {
    Map<String, Integer> left = new HashMap<>(before.unknownCounts);
    for (Unknown u : now.unknowns) {
      if (left.merge(before.key(u.scope(), u.what()), -1, Integer::sum) >= 0) {
        continue;
      }
      ctx.report(
          this,
          u.where(),
          "`unknown` address "
              + (before.unknownScopes.contains(u.scope()) ? "changed" : "introduced")
              + " in "
              + display(u.scope())
              + ": OVN then delivers frames for any unknown MAC address to the port.");
    }
  }

  private record Condition(Expr test, String scope, boolean security) {}

  /** An early empty return, told from others by the tests of the ifs around it. */
  private record EmptyReturn(Ast.Return node, String scope, String what, List<Expr> guards) {}

  /**
   * An {@code unknown} address, told from others by the part of its statement that gives it (a
   * keyword argument, a call such as {@code addresses.append(...)}, or the statement itself), so
   * that editing another argument of the same call does not make it new.
   */
  private record Unknown(Ast.Located where, String scope, String what) {}

  /** What one version has, by scope. */
  private static final class Version {
    /** Every scope of the version (qualified names; "" for module level). */
    final Set<String> scopes = new HashSet<>();

    final List<Condition> conditionList = new ArrayList<>();
    final Map<String, Set<String>> conditions = new HashMap<>();
    final Set<String> allConditions = new HashSet<>();
    final Set<String> securityScopes = new HashSet<>();

    final List<EmptyReturn> emptyReturns = new ArrayList<>();
    final Map<String, Integer> emptyReturnCounts = new HashMap<>();
    final Set<String> emptyReturnScopes = new HashSet<>();

    final List<Unknown> unknowns = new ArrayList<>();
    final Map<String, Integer> unknownCounts = new HashMap<>();
    final Set<String> unknownScopes = new HashSet<>();

    static Version of(RuleContext ctx) {
      Version v = new Version();
      Scopes scopes = Scopes.of(ctx);
      SemanticModel model = ctx.semantic();
      for (Site site : scopes.sites()) {
        Node n = site.node();
        String scope = site.scope();
        v.scopes.add(scope);
        Expr test = test(n);
        if (test != null) {
          String form = NormalForm.of(test);
          boolean security = touchesPortSecurity(test, ctx);
          v.conditionList.add(new Condition(test, scope, security));
          v.conditions.computeIfAbsent(scope, k -> new HashSet<>()).add(form);
          v.allConditions.add(form);
          if (security) {
            v.securityScopes.add(scope);
          }
        }
        if (n instanceof Ast.Return r && isEmptyPair(r.value()) && inAddressFunction(scope)) {
          Ast.FunctionLike function = scopes.function(scope);
          if (function != null && isEarly(r, function)) {
            List<Expr> guards = guards(r, model);
            EmptyReturn e = new EmptyReturn(r, scope, guardForm(r, model), guards);
            v.emptyReturns.add(e);
            count(v.emptyReturnCounts, scope, e.what());
            v.emptyReturnScopes.add(scope);
          }
        }
        if (site.statement() != null
            && isUnknownAddress(n, site.statement())
            && !isRead(n, site.statement(), model)
            && !isLocalnet(site.statement())) {
          Unknown u = unknown(n, site.statement(), scope, model);
          v.unknowns.add(u);
          count(v.unknownCounts, scope, u.what());
          v.unknownScopes.add(scope);
        }
      }
      return v;
    }

    /** Counts an item both in its scope and in the whole file. */
    private static void count(Map<String, Integer> counts, String scope, String what) {
      counts.merge(scope + "\n" + what, 1, Integer::sum);
      counts.merge(ANYWHERE + what, 1, Integer::sum);
    }

    /**
     * The key to match an item of the other version against this one: by scope, or anywhere in the
     * file when this version has no such scope (the function is new or renamed, and what it has may
     * have moved in from elsewhere).
     */
    String key(String scope, String what) {
      return scopes.contains(scope) ? scope + "\n" + what : ANYWHERE + what;
    }
  }

  /** Not a qualified name, so no scope's key starts with it. */
  private static final String ANYWHERE = "*\n";

  /** The test of a condition, or null when the node is none. */
  private static Expr test(Node n) {
    return switch (n) {
      case Ast.If i -> i.test();
      case Ast.While w -> w.test();
      case Ast.IfExp i -> i.test();
      case Ast.Assert a -> a.test();
      case Ast.Return r when isBoolean(r.value()) -> r.value();
      default -> null;
    };
  }

  private static boolean isBoolean(Expr e) {
    return e instanceof Ast.BoolOp
        || e instanceof Ast.Compare
        || (e instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not)
        || (e instanceof Ast.Call c && isCheck(SemanticModel.lastName(c.func())));
  }

  private static boolean isCheck(String name) {
    return name != null && CHECKS.contains(name);
  }

  /** Whether an expression calls, names or reads one of the port-security or trust checks. */
  static boolean touchesPortSecurity(Expr test, RuleContext ctx) {
    for (Node n : Scopes.nodesUnder(test)) {
      switch (n) {
        case Ast.Name name when CHECKS.contains(name.id()) -> {
          return true;
        }
        case Ast.Attribute a
            when CHECKS.contains(a.attr()) || a.attr().equals("port_security_enabled") -> {
          return true;
        }
        case Ast.Attribute a when a.attr().equals("PORTSECURITY") -> {
          String q = ctx.qualifiedName(a);
          if (q != null && q.endsWith("port_security.PORTSECURITY")) {
            return true;
          }
        }
        case Ast.Constant c when "port_security_enabled".equals(c.value()) -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  private static boolean isEmptyPair(Expr value) {
    return value instanceof Ast.Tuple t
        && t.elts().size() == 2
        && t.elts().stream().allMatch(e -> e instanceof Ast.List l && l.elts().isEmpty());
  }

  private static boolean inAddressFunction(String scope) {
    String name = scope.substring(scope.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return name.contains("address") || name.contains("port_security") || name.contains("psec");
  }

  /** Whether a return is not simply the function's last statement. */
  private static boolean isEarly(Ast.Return r, Ast.FunctionLike function) {
    List<Ast.Stmt> body = function.body();
    return body.isEmpty() || body.getLast() != r;
  }

  /** The tests of the {@code if}s around a return, innermost first. */
  private static List<Expr> guards(Ast.Return r, SemanticModel model) {
    List<Expr> tests = new ArrayList<>();
    for (Node p = model.parentOf(r);
        p != null && !(p instanceof Ast.FunctionLike);
        p = model.parentOf(p)) {
      if (p instanceof Ast.If i) {
        tests.add(i.test());
      }
    }
    return tests;
  }

  /** The normalised tests of the {@code if}s around a return, innermost first. */
  private static String guardForm(Ast.Return r, SemanticModel model) {
    StringBuilder b = new StringBuilder();
    Node child = r;
    for (Node p = model.parentOf(r);
        p != null && !(p instanceof Ast.FunctionLike);
        p = model.parentOf(p)) {
      if (p instanceof Ast.If i) {
        Node inside = child;
        boolean inElse = i.orelse().stream().anyMatch(s -> s == inside);
        b.append(inElse ? "else " : "").append(NormalForm.of(i.test())).append(';');
      }
      child = p;
    }
    return b.toString();
  }

  private static Unknown unknown(Node node, Ast.Stmt statement, String scope, SemanticModel model) {
    Node child = node;
    for (Node p = model.parentOf(node); p != null && p != statement; p = model.parentOf(p)) {
      if (p instanceof Ast.Keyword k) {
        return new Unknown(k, scope, "keyword " + NormalForm.of(k));
      }
      if (p instanceof Ast.Call c && c.func() != child) {
        return new Unknown(c, scope, "call " + NormalForm.of(c));
      }
      child = p;
    }
    Ast.Located where = isSimple(statement) ? statement : (Ast.Located) node;
    return new Unknown(where, scope, "statement " + NormalForm.ofHeader(statement));
  }

  /**
   * Whether the {@code unknown} address is only compared with or tested ({@code if port.mac ==
   * [UNKNOWN_ADDR]}), not given to a port.
   */
  private static boolean isRead(Node node, Ast.Stmt statement, SemanticModel model) {
    if (statement instanceof Ast.If
        || statement instanceof Ast.While
        || statement instanceof Ast.Assert) {
      return true;
    }
    for (Node p = model.parentOf(node); p != null && p != statement; p = model.parentOf(p)) {
      if (p instanceof Ast.Compare
          || p instanceof Ast.IfExp i && i.test() != null && isUnder(node, i.test(), model)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a node is a root or inside it. */
  private static boolean isUnder(Node node, Node root, SemanticModel model) {
    for (Node p = node; p != null; p = model.parentOf(p)) {
      if (p == root) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement is about a localnet port, which OVN requires to have the {@code unknown}
   * address: it stands for the physical network, not for a VM.
   */
  private static boolean isLocalnet(Ast.Stmt statement) {
    return NormalForm.ofHeader(statement).toLowerCase(Locale.ROOT).contains("localnet");
  }

  /** Whether a node is the {@code unknown} address in a statement about addresses. */
  private static boolean isUnknownAddress(Node n, Ast.Stmt statement) {
    if (n instanceof Ast.Constant c && "unknown".equals(c.value())) {
      return NormalForm.ofHeader(statement).toLowerCase(Locale.ROOT).contains("addr");
    }
    if (n instanceof Ast.Name || n instanceof Ast.Attribute) {
      String last = SemanticModel.lastName((Expr) n);
      return last != null && last.endsWith("UNKNOWN_ADDR");
    }
    return false;
  }

  private static boolean isSimple(Ast.Stmt statement) {
    return !(statement instanceof Ast.If
        || statement instanceof Ast.While
        || statement instanceof Ast.ForLike
        || statement instanceof Ast.WithLike
        || statement instanceof Ast.Try
        || statement instanceof Ast.TryStar
        || statement instanceof Ast.Match
        || statement instanceof Ast.FunctionLike
        || statement instanceof Ast.ClassDef);
  }

  private static String display(String scope) {
    return scope.isEmpty() ? "module-level code" : "`" + scope + "`";
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
