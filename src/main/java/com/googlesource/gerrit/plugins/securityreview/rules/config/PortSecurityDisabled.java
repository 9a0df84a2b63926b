package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Guard;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.List;

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

              - `False` (a literal, or a name whose value is `False`) for `port_security_enabled` (or `psec.PORTSECURITY`,
                `port_security.PORTSECURITY`) as a dict entry, a keyword argument, or assigned to
                `port['port_security_enabled']` / `obj.port_security_enabled`;
              - an empty OVN `port_security` column: `lsp_set_port_security(port, [])`,
                `port_security=[]` (in `lsp_add(...)` and friends), `'port_security': []`, and
                `db_set('Logical_Switch_Port', port, ('port_security', []))`.

              Silent: reads and comparisons (`if port['port_security_enabled'] is False:`,
              `port.get('port_security_enabled', False)`), filters such as
              `{'port_security_enabled': [False]}`, values that are not literals (the API's own
              `port_security_enabled=port[psec.PORTSECURITY]`), parameter defaults, code in a
              branch that a value handed in from outside selects (`if
              parsed_args.disable_port_security:` in a client, a caller's `disable_security=True`:
              the user asked for it, the code only passes the choice on), and test code, where
              ports without port security are ordinary fixtures.

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
    on(Ast.Dict.class, this::visitDict);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Assign.class, this::visitAssign);
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (int i = 0; i < d.keys().size(); i++) {
      Expr key = d.keys().get(i);
      Expr value = d.values().get(i);
      if (key == null) {
        continue;
      }
      if (isEnabledKey(model, key) && model.isFalse(value)) {
        reportOff(ctx, value, value);
      } else if (isColumn(model, key) && isEmptySequence(model, value)) {
        reportEmpty(ctx, value);
      }
    }
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Keyword k : c.keywords()) {
      if (ENABLED.equals(k.arg()) && model.isFalse(k.value())) {
        reportOff(ctx, k, k.value());
      } else if (COLUMN.equals(k.arg()) && isEmptySequence(model, k.value())) {
        reportEmpty(ctx, k);
      }
    }
    String callee = model.callName(c);
    String name = callee == null ? "" : DottedNames.lastPart(callee);
    if ("lsp_set_port_security".equals(name)) {
      Expr addresses = RuleContext.argument(c, 1, "addresses");
      if (addresses != null && isEmptySequence(model, addresses)) {
        reportEmpty(ctx, addresses);
      }
    } else if ("db_set".equals(name)) {
      // db_set(table, record, *(column, value)): each pair is a tuple.
      for (Expr a : c.args()) {
        if (a instanceof Ast.Tuple t
            && t.elts().size() == 2
            && isColumn(model, t.elts().get(0))
            && isEmptySequence(model, t.elts().get(1))) {
          reportEmpty(ctx, t);
        }
      }
    }
  }

  private void visitAssign(Ast.Assign a, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Expr target : a.targets()) {
      boolean off =
          switch (target) {
            case Ast.Subscript s -> isEnabledKey(model, s.slice());
            case Ast.Attribute at -> ENABLED.equals(at.attr());
            default -> false;
          };
      // The value is folded only for a target that could switch port security.
      if (off && model.isFalse(a.value())) {
        reportOff(ctx, a, a.value());
      }
    }
  }

  /**
   * Whether the innermost condition around the node tests one value handed in from outside ({@link
   * SemanticModel#settingRead}): the caller's or the user's explicit choice, passed on.
   */
  private static boolean chosenByCaller(SemanticModel model, Ast.Located at) {
    for (Guard g : model.guards(at)) {
      if (g.encloses()) {
        return model.settingRead(g.test()) != null;
      }
    }
    return false;
  }

  /** {@code 'port_security_enabled'}, or the API definition's constant for it. */
  private static boolean isEnabledKey(SemanticModel model, Expr key) {
    if (model.constantString(key).filter(ENABLED::equals).isPresent()) {
      return true;
    }
    String q =
        key instanceof Ast.Attribute || key instanceof Ast.Name ? model.qualifiedName(key) : null;
    return q != null
        && (q.endsWith("port_security.PORTSECURITY") || q.endsWith("psec.PORTSECURITY"));
  }

  private static boolean isColumn(SemanticModel model, Expr key) {
    return model.constantString(key).filter(COLUMN::equals).isPresent();
  }

  /** An empty list or tuple, also through a name whose value is one. */
  private static boolean isEmptySequence(SemanticModel model, Expr e) {
    return (e instanceof Ast.List || e instanceof Ast.Tuple || e instanceof Ast.Name)
        && model.constantValue(e).filter(List.of()::equals).isPresent();
  }

  private void reportOff(RuleContext ctx, Ast.Located at, Expr value) {
    if (chosenByCaller(ctx.semantic(), at)) {
      return;
    }
    ctx.report(
        this,
        at,
        value instanceof Ast.Constant
            ? "Port security is switched off here with a literal `False`."
            : "Port security is switched off here with `False` (the value of `"
                + ctx.text(value)
                + "`).");
  }

  private void reportEmpty(RuleContext ctx, Ast.Located at) {
    if (chosenByCaller(ctx.semantic(), at)) {
      return;
    }
    ctx.report(
        this,
        at,
        "The OVN `port_security` column is set to an empty list, which turns off MAC and IP"
            + " anti-spoofing for the port.");
  }
}
