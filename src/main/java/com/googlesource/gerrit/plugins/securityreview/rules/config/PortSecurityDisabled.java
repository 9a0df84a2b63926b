package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;

/** OVN402: port security switched off in code. */
public final class PortSecurityDisabled extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN402")
          .name("port-security-disabled")
          .title("Port security switched off in code")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.SECURITY_CONFIGURATION)
          .why(
              "A port without port security can spoof MAC and IP addresses and escapes its security"
                  + " groups: OVN drops no traffic for it.")
          .fix(
              "Keep port security on and allow the extra addresses with allowed address pairs, or"
                  + " leave the choice to the port's owner and document why this port needs it"
                  + " off.")
          .doc(
              """
              ## What it does

              Flags code that switches port security off:

              - the literal `False` for `port_security_enabled` (or `psec.PORTSECURITY`,
                `port_security.PORTSECURITY`) as a dict entry, a keyword argument, or assigned to
                `port['port_security_enabled']` / `obj.port_security_enabled`;
              - an empty OVN `port_security` column: `lsp_set_port_security(port, [])`,
                `port_security=[]` (in `lsp_add(...)` and friends), `'port_security': []`, and
                `db_set('Logical_Switch_Port', port, ('port_security', []))`.

              Silent: reads and comparisons (`if port['port_security_enabled'] is False:`,
              `port.get('port_security_enabled', False)`), filters such as
              `{'port_security_enabled': [False]}`, values that are not literals (the API's own
              `port_security_enabled=port[psec.PORTSECURITY]`), parameter defaults, and test code,
              where ports without port security are ordinary fixtures.

              ## Why it matters

              In ML2/OVN, port security is what fills the Logical_Switch_Port `port_security` column
              (MAC and IP anti-spoofing) and what puts the port into `neutron_pg_drop` and its
              security groups' port groups. Code that turns it off hard-wires a port that can send
              from any address and receives every packet, whatever its owner configured. Sometimes
              that is what a feature needs (a router or service port), so each such place deserves a
              reviewer's look and a comment saying why.

              ## Example

              ```python
              def create_service_port(plugin, context, network_id):
                  return plugin.create_port(context, {'port': {
                      'network_id': network_id,
                      'device_owner': 'network:example',
                      'port_security_enabled': False}})
              ```

              ## Use instead

              ```python
              def create_service_port(plugin, context, network_id, vip):
                  return plugin.create_port(context, {'port': {
                      'network_id': network_id,
                      'device_owner': 'network:example',
                      'allowed_address_pairs': [{'ip_address': vip}]}})
              ```

              ## References

              - Networking API v2.0, ports (port_security_enabled) <https://docs.openstack.org/api-ref/network/v2/index.html#ports>
              - ovn-nb(5), Logical_Switch_Port port_security <https://www.ovn.org/support/dist-docs/ovn-nb.5.html>
              - CWE-290: Authentication Bypass by Spoofing <https://cwe.mitre.org/data/definitions/290.html>
              """)
          .build();

  private static final String ENABLED = "port_security_enabled";
  private static final String COLUMN = "port_security";

  public PortSecurityDisabled() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    switch (node) {
      case Ast.Dict d -> {
        for (int i = 0; i < d.keys().size(); i++) {
          Expr key = d.keys().get(i);
          Expr value = d.values().get(i);
          if (key == null) {
            continue;
          }
          if (isEnabledKey(ctx, key) && Exprs.isFalse(value)) {
            reportOff(ctx, value);
          } else if (COLUMN.equals(Exprs.string(key)) && Exprs.isEmptySequence(value)) {
            reportEmpty(ctx, value);
          }
        }
      }
      case Call c -> {
        for (Keyword k : c.keywords()) {
          if (ENABLED.equals(k.arg()) && Exprs.isFalse(k.value())) {
            reportOff(ctx, k);
          } else if (COLUMN.equals(k.arg()) && Exprs.isEmptySequence(k.value())) {
            reportEmpty(ctx, k);
          }
        }
        String name = Exprs.callLastName(ctx, c);
        if ("lsp_set_port_security".equals(name)) {
          Expr addresses = RuleContext.argument(c, 1, "addresses");
          if (addresses != null && Exprs.isEmptySequence(addresses)) {
            reportEmpty(ctx, addresses);
          }
        } else if ("db_set".equals(name)) {
          // db_set(table, record, *(column, value)): each pair is a tuple.
          for (Expr a : c.args()) {
            if (a instanceof Ast.Tuple t
                && t.elts().size() == 2
                && COLUMN.equals(Exprs.string(t.elts().get(0)))
                && Exprs.isEmptySequence(t.elts().get(1))) {
              reportEmpty(ctx, t);
            }
          }
        }
      }
      case Ast.Assign a -> {
        if (!Exprs.isFalse(a.value())) {
          return;
        }
        for (Expr target : a.targets()) {
          boolean off =
              switch (target) {
                case Ast.Subscript s -> isEnabledKey(ctx, s.slice());
                case Ast.Attribute at -> ENABLED.equals(at.attr());
                default -> false;
              };
          if (off) {
            reportOff(ctx, a);
          }
        }
      }
      default -> {}
    }
  }

  /** {@code 'port_security_enabled'}, or the API definition's constant for it. */
  private static boolean isEnabledKey(RuleContext ctx, Expr key) {
    if (ENABLED.equals(Exprs.string(key))) {
      return true;
    }
    if (key instanceof Ast.Attribute || key instanceof Ast.Name) {
      String q = ctx.qualifiedName(key);
      return q != null
          && (q.endsWith("port_security.PORTSECURITY") || q.endsWith("psec.PORTSECURITY"));
    }
    return false;
  }

  private void reportOff(RuleContext ctx, Ast.Located at) {
    ctx.report(this, at, "Port security is switched off here with a literal `False`.");
  }

  private void reportEmpty(RuleContext ctx, Ast.Located at) {
    ctx.report(
        this,
        at,
        "The OVN `port_security` column is set to an empty list, which turns off MAC and IP"
            + " anti-spoofing for the port.");
  }
}
