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
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.Locale;

/** OVN403: the default drop port group created without the ACLs that go with it. */
public final class DropPortGroupWithoutDhcp extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN403")
          .name("drop-port-group-without-dhcp")
          .title("Default drop port group created without its drop and DHCP allow ACLs")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.SECURITY_CONFIGURATION)
          .why(
              "Ports join `neutron_pg_drop` as soon as it exists: without its default drop ACLs it"
                  + " drops nothing, so their security groups stop being a whitelist, and drop ACLs"
                  + " without the DHCP allow ACLs leave instances without addresses.")
          .fix(
              "Create the group with its ACLs in the same transaction"
                  + " (`acl.add_acls_for_drop_port_group(...)` and the DHCP allow ACLs), or in the"
                  + " same module as the code that adds them.")
          .doc(
              """
              ## What it does

              Flags `pg_add(...)` calls that create the default drop port group (the name is
              `ovn_const.OVN_DROP_PORT_GROUP_NAME`, a literal containing `neutron_pg_drop`, or a
              local variable holding one of them) when the call passes no ACLs (`acls` absent, `[]`
              or `None`) and nothing in the same module creates them: no call of
              `add_acls_for_drop_port_group`, of Neutron's `create_neutron_pg_drop` (which inserts
              the group and its drop ACLs in one OVSDB transaction) or of a DHCP ACL helper (a
              function whose name has both `dhcp` and `acl` in it).

              Silent: other port groups (security groups, PVLAN groups), `pg_add` calls that pass a
              non-empty `acls=` (the ACLs are created with the group), modules that create the ACLs
              elsewhere (Neutron's DB sync re-creates the group in `sync_port_groups` and its ACLs
              in `sync_acls`), and test code.

              ## Why it matters

              `neutron_pg_drop` is the backstop of Neutron's OVN security groups: every port with
              port security joins it, and its priority 1000 `drop` ACLs (`inport == @neutron_pg_drop
              && ip`, `outport == @neutron_pg_drop && ip`) turn the security groups' allow ACLs into
              a whitelist. A code path that creates the group on its own (a new sync, repair or
              migration path) leaves a window, or a permanent state if the ACL step fails, where
              ports are in the group and nothing is dropped. The companion ACLs that keep DHCP
              working (Neutron's historic `add_acl_dhcp`) belong to the same step. Today's Neutron
              creates the group atomically with its ACLs, so this rule is about new code paths; it
              looks at one module, hence the medium confidence.

              ## Example

              ```python
              def repair_drop_port_group(nb_idl):
                  with nb_idl.transaction(check_error=True) as txn:
                      txn.add(nb_idl.pg_add(
                          name=ovn_const.OVN_DROP_PORT_GROUP_NAME, acls=[]))
              ```

              ## Use instead

              ```python
              def repair_drop_port_group(nb_idl):
                  pg_name = ovn_const.OVN_DROP_PORT_GROUP_NAME
                  with nb_idl.transaction(check_error=True) as txn:
                      txn.add(nb_idl.pg_add(name=pg_name, acls=[]))
                      for acl in ovn_acl.add_acls_for_drop_port_group(pg_name):
                          txn.add(nb_idl.pg_acl_add(**acl, may_exist=True))
              ```

              ## References

              - Neutron OVN database sync (port groups and ACLs) <https://docs.openstack.org/neutron/latest/contributor/internals/ovn/db_sync_util.html>
              - Neutron OVN native DHCP <https://docs.openstack.org/neutron/latest/contributor/internals/ovn/native_dhcp.html>
              - ovn-nb(5), Port_Group and ACL tables <https://www.ovn.org/support/dist-docs/ovn-nb.5.html>
              - CWE-636: Not Failing Securely <https://cwe.mitre.org/data/definitions/636.html>
              """)
          .build();

  private static final String DROP_PG_CONSTANT = "OVN_DROP_PORT_GROUP_NAME";
  private static final String DROP_PG_NAME = "neutron_pg_drop";

  public DropPortGroupWithoutDhcp() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Call c)) {
      return;
    }
    if (!"pg_add".equals(Exprs.callLastName(ctx, c))) {
      return;
    }
    Expr name = RuleContext.argument(c, 0, "name");
    if (name == null || !isDropPortGroup(ctx, LocalNames.resolve(ctx, name))) {
      return;
    }
    Expr acls = RuleContext.keyword(c, "acls");
    if (acls != null && !Exprs.isEmptySequence(acls) && !isNone(acls)) {
      return;
    }
    if (ctx.state(this, () -> createsDropAcls(ctx))) {
      return;
    }
    ctx.report(
        this,
        c,
        "`pg_add` creates the default drop port group with no ACLs, and nothing in this module"
            + " adds its drop and DHCP allow ACLs.");
  }

  private static boolean isDropPortGroup(RuleContext ctx, Expr e) {
    String s = Exprs.string(e);
    if (s != null) {
      return s.contains(DROP_PG_NAME);
    }
    String last = Exprs.lastName(ctx, e);
    return DROP_PG_CONSTANT.equals(last);
  }

  private static boolean isNone(Expr e) {
    return e instanceof Ast.Constant c && c.isNone();
  }

  /** Whether the module calls something that creates the drop or DHCP ACLs. */
  private static boolean createsDropAcls(RuleContext ctx) {
    boolean[] found = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (found[0]) {
          return false;
        }
        if (node instanceof Call call) {
          String last = Exprs.callLastName(ctx, call);
          String l = last.toLowerCase(Locale.ROOT);
          found[0] =
              l.equals("add_acls_for_drop_port_group")
                  || l.equals("create_neutron_pg_drop")
                  || (l.contains("dhcp") && l.contains("acl"));
        }
        return true;
      }
    }.visit(ctx.module());
    return found[0];
  }
}
