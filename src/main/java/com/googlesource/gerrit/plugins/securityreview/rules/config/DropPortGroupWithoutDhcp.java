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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
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

  /** What the walk collects of one file: ACL-less drop group creations, and whether ACLs follow. */
  private static final class FileFacts {
    final List<Ast.Call> aclLessCreations = new ArrayList<>();
    boolean createsDropAcls;
  }

  public DropPortGroupWithoutDhcp() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String callee = model.callName(c);
    String last = callee == null ? "" : DottedNames.lastPart(callee);
    FileFacts facts = ctx.state(this, FileFacts::new);
    if (createsDropAcls(last)) {
      facts.createsDropAcls = true;
    }
    if (!last.equals("pg_add")) {
      return;
    }
    Expr name = RuleContext.argument(c, 0, "name");
    if (name == null || !model.isDropPortGroupName(name)) {
      return;
    }
    Expr acls = RuleContext.keyword(c, "acls");
    if (acls == null
        || model.isNone(acls)
        || model.constantValue(acls).filter(List.of()::equals).isPresent()) {
      facts.aclLessCreations.add(c);
    }
  }

  @Override
  public void endFile(RuleContext ctx) {
    FileFacts facts = ctx.state(this, FileFacts::new);
    if (facts.createsDropAcls) {
      return;
    }
    for (Ast.Call c : facts.aclLessCreations) {
      ctx.report(
          this,
          c,
          "`pg_add` creates the default drop port group with no ACLs, and nothing in this module"
              + " adds its drop and DHCP allow ACLs.");
    }
  }

  /** A call that creates the drop or DHCP ACLs. */
  private static boolean createsDropAcls(String callee) {
    String l = callee.toLowerCase(Locale.ROOT);
    return l.equals("add_acls_for_drop_port_group")
        || l.equals("create_neutron_pg_drop")
        || (l.contains("dhcp") && l.contains("acl"));
  }
}
