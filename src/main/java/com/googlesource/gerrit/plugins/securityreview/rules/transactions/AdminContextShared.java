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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Set;

/**
 * OVN306: a Neutron admin context made once in {@code __init__} and kept on the object, so that
 * every later call shares its database session.
 */
public final class AdminContextShared extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN306")
          .name("admin-context-shared")
          .title("Neutron admin context created once in `__init__` and reused by every call")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.TRANSACTIONS)
          .why(
              "A Neutron context carries its database session: kept on a long-lived object (an"
                  + " OVSDB event handler, a driver, a worker), it is shared by every call and"
                  + " thread, and a session one call leaves in a transaction or an error state"
                  + " makes the next ones fail.")
          .fix(
              "Create the context where it is used (`n_context.get_admin_context()` in the method"
                  + " that runs the query), or keep one from"
                  + " `get_admin_context_without_session()` when only the identity is needed.")
          .doc(
              """
              ## What it does

              Flags `self.x = get_admin_context()` in a class's `__init__`, where the call is
              neutron-lib's (`neutron_lib.context`, or the old `neutron.context`) by its import,
              whatever the module is imported as, and another method of the class reads `self.x`.
              Silent: `get_admin_context_without_session()` (a context with no session), a context
              made in the method that uses it, an attribute no other method reads, other projects'
              contexts (oslo.context subclasses whose DB access opens a session per call), and
              test code.

              ## Why it matters

              `neutron_lib.context.get_admin_context()` returns a context whose `session` property
              opens a database session on first use and keeps it. Made once in `__init__` of an
              object that lives as long as the process, as Neutron's OVSDB monitor event handlers
              and drivers do, the same session serves every event, on every thread the events run
              on. A query that fails or a transaction that one call leaves open puts the session in
              a state the next call cannot use: port status updates and router-port syncs then
              fail, and the OVSDB event handler only logs it, so OVN and the Neutron database drift
              apart.

              ## Example

              ```python
              from neutron_lib import context as n_context

              class PortUpEvent(row_event.RowEvent):
                  def __init__(self, driver):
                      super().__init__((self.ROW_UPDATE,), 'Logical_Switch_Port', None)
                      self.admin_context = n_context.get_admin_context()

                  def run(self, event, row, old):
                      self.driver.set_port_status_up(self.admin_context, row.name)
              ```

              ## Use instead

              ```python
                  def run(self, event, row, old):
                      admin_context = n_context.get_admin_context()
                      self.driver.set_port_status_up(admin_context, row.name)
              ```

              ## References

              - neutron-lib, `neutron_lib.context` <https://opendev.org/openstack/neutron-lib/src/branch/master/neutron_lib/context.py>
              - SQLAlchemy, "Is the Session thread-safe?" <https://docs.sqlalchemy.org/en/20/orm/session_basics.html#is-the-session-thread-safe-is-asyncsession-safe-to-share-in-concurrent-tasks>
              """)
          .build();

  /** neutron-lib's admin context with a session, under its current and its old module. */
  private static final Set<String> ADMIN_CONTEXT =
      Set.of("neutron_lib.context.get_admin_context", "neutron.context.get_admin_context");

  public AdminContextShared() {
    super(META);
    on(Ast.Assign.class, this::visitAssign);
  }

  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    if (!(assign.value() instanceof Call call) || assign.targets().size() != 1) {
      return;
    }
    if (!(assign.targets().get(0) instanceof Attribute target)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    String callee = model.qualifiedName(call.func());
    if (callee == null || !ADMIN_CONTEXT.contains(callee)) {
      return;
    }
    Ast.FunctionLike method = model.enclosingFunction(assign);
    Ast.ClassDef cls = model.ownerClass(target);
    if (method == null
        || cls == null
        || !method.name().equals("__init__")
        || !model.attributeReadElsewhere(cls, target.attr(), method)) {
      return;
    }
    ctx.report(
        this,
        assign,
        "`self."
            + target.attr()
            + "` holds one admin context, made in `__init__`, that every method of `"
            + cls.name()
            + "` then shares, and with it one database session.");
  }
}
