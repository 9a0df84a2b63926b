package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OVN302: a write to the OVN NB/SB databases from a precommit hook, which runs inside Neutron's
 * database transaction.
 */
public final class OvnCallInPrecommit extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN302")
          .name("ovn-call-in-precommit")
          .title("OVN NB/SB write inside a precommit hook (inside the Neutron DB transaction)")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.TRANSACTIONS)
          .why(
              "Precommit hooks run inside Neutron's database transaction: if it rolls back, the OVN"
                  + " write stays (partial state, out of sync with Neutron), and the network round"
                  + " trip holds the DB transaction and its locks open.")
          .fix(
              "Do the OVN write in the matching `*_postcommit` hook or AFTER_* callback, and keep"
                  + " precommit to validation and Neutron DB work (e.g."
                  + " `create_initial_revision`).")
          .doc(
              """
              ## What it does

              Inside a precommit hook (a function whose name has a `precommit` part, such as
              `create_port_precommit` or `_process_router_create_precommit`, or one subscribed with
              `@registry.receives(..., [events.PRECOMMIT_*])`), flags calls that write to the OVN
              databases: opening a transaction on an OVN or OVS API object
              (`self._nb_idl.transaction(...)`), executing a write command
              (`self._nb_ovn.lsp_add(...).execute(...)`), and write methods of Neutron's OVN client
              (`self._ovn_client.create_port(...)`, `update_*`, `delete_*`, `add_*`, ...). API
              objects and the OVN client are known by where they come from (ovsdbapp's and
              Neutron's classes and factories, `ovn_client.OVNClient(...)`, through `self.x`,
              helpers and properties), by their name only when nothing says. Commands
              inside a flagged transaction block are not flagged again. What precommit hooks
              legitimately do stays silent: validation, Neutron DB reads and writes
              (`ovn_revision_numbers_db.create_initial_revision`, provisioning blocks), and reads of
              the local IDL replica (`self.sb_ovn.chassis_exists(host)`, `lookup`, `*_get`). Only
              the hook's own body is checked, not helpers it calls; test code stays silent.

              ## Why it matters

              ML2 calls `*_precommit` inside the transaction that writes the Neutron resource; an
              exception there rolls it back. An OVN NB/SB write made at that point cannot be rolled
              back with it: when a later driver or the commit fails, OVN has a logical switch, port
              or ACL that Neutron does not, until the maintenance task happens to notice. The OVSDB
              round trip also keeps the DB transaction, and its row locks, open for as long as the
              NB database takes to answer. That is why the OVN driver only records the initial
              revision number in precommit and writes to OVN in postcommit.

              ## Example

              ```python
              def create_port_precommit(self, context):
                  port = context.current
                  ovn_utils.validate_and_get_data_from_binding_profile(port)
                  self._ovn_client.create_port(context.plugin_context, port)
              ```

              ## Use instead

              ```python
              def create_port_precommit(self, context):
                  port = context.current
                  ovn_utils.validate_and_get_data_from_binding_profile(port)
                  ovn_revision_numbers_db.create_initial_revision(
                      context.plugin_context, port['id'], ovn_const.TYPE_PORTS)

              def create_port_postcommit(self, context):
                  self._ovn_client.create_port(context.plugin_context, context.current)
              ```

              ## References

              - neutron-lib ML2 MechanismDriver API (precommit vs postcommit) <https://opendev.org/openstack/neutron-lib/src/branch/master/neutron_lib/plugins/ml2/api.py>
              - Neutron OVN database consistency <https://docs.openstack.org/neutron/latest/contributor/internals/ovn/database_consistency.html>
              """)
          .build();

  public OvnCallInPrecommit() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (!(call.func() instanceof Attribute a)) {
      return;
    }
    Ast.FunctionLike fn = ctx.semantic().enclosingFunction(call);
    if (fn == null || !isPrecommit(fn, ctx)) {
      return;
    }
    String what = ovnWrite(call, a, ctx);
    // Whatever runs in an OVN transaction block is reported once, at the transaction.
    if (what == null || Ovsdb.inTransactionBlock(call, ctx)) {
      return;
    }
    ctx.report(this, call, what + " inside `" + fn.name() + "`, a precommit hook.");
  }

  /** What the call writes to OVN, for the message; null when it does not. */
  private static String ovnWrite(Call call, Attribute a, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if (Ovsdb.isTransaction(call, model)) {
      return "An OVSDB transaction is opened on `" + ctx.text(a.value()) + "`";
    }
    if (a.attr().equals("execute")
        && a.value() instanceof Call command
        && command.func() instanceof Attribute cmd
        && Ovsdb.verb(cmd.attr()) == Ovsdb.Verb.WRITE
        && model.kindOf(command) == ValueKind.OVSDB_COMMAND) {
      return "The OVSDB write `" + ctx.text(cmd.value()) + "." + cmd.attr() + "()` is executed";
    }
    if (Ovsdb.verb(a.attr()) == Ovsdb.Verb.WRITE
        && model.kindOf(a.value()) == ValueKind.OVN_CLIENT) {
      return "The OVN client writes to the NB database (`"
          + ctx.text(a.value())
          + "."
          + a.attr()
          + "()`)";
    }
    return null;
  }

  /** Whether a function is a precommit hook, by its name or its registry subscription. */
  private boolean isPrecommit(Ast.FunctionLike fn, RuleContext ctx) {
    Map<Ast.FunctionLike, Boolean> known = ctx.state(this, IdentityHashMap::new);
    return known.computeIfAbsent(fn, OvnCallInPrecommit::isPrecommit);
  }

  private static boolean isPrecommit(Ast.FunctionLike fn) {
    if (List.of(fn.name().toLowerCase(Locale.ROOT).split("_")).contains("precommit")) {
      return true;
    }
    // @registry.receives(resources.PORT, [events.PRECOMMIT_CREATE])
    boolean[] found = {false};
    NodeVisitor precommitEvent =
        new NodeVisitor() {
          @Override
          protected boolean enter(Node n) {
            if (n instanceof Attribute at && at.attr().startsWith("PRECOMMIT_")) {
              found[0] = true;
            }
            return !found[0];
          }
        };
    for (Expr d : fn.decoratorList()) {
      precommitEvent.visit(d);
    }
    return found[0];
  }
}
