package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ExceptHandler;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.HandlerIntent;

/** OVN603: a broad except in a {@code *_precommit} / {@code *_postcommit} hook, not re-raised. */
public final class CommitHookSwallows extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN603")
          .name("commit-hook-swallows")
          .title("Broad `except` in a `*_precommit` / `*_postcommit` hook does not re-raise")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.EXCEPTION_HANDLING)
          .why(
              "ML2 learns that a driver failed only from the exception: a precommit error rolls the"
                  + " transaction back and a postcommit error fails or undoes the operation, so a"
                  + " swallowed one leaves Neutron reporting success for a port, network or ACL"
                  + " that OVN never got.")
          .fix(
              "Re-raise: wrap the handler body in `with excutils.save_and_reraise_exception():`,"
                  + " end it with `raise`, or raise a Neutron exception (`raise X from e`).")
          .doc(
              """
              ## What it does

              Flags `except:`, `except Exception:` and `except BaseException:` (alone or in a tuple)
              inside a method named `*_precommit` or `*_postcommit` when the handler does not
              re-raise. Logging the error does not count: the message names whether the handler
              logs. It stays silent when the handler contains a `raise` (bare, `raise X`, `raise X
              from e`) or a `with excutils.save_and_reraise_exception():` block, on narrow handlers
              (`except idlutils.RowNotFound:`), on functions nested in a hook, and in test code.
              Where a swallowing handler is also OVN602's, only this rule reports it.

              ## Why it matters

              ML2 calls every mechanism driver's `*_precommit` inside the database transaction and
              `*_postcommit` after it. A precommit that raises rolls the whole operation back; a
              create postcommit that raises makes ML2 delete the new resource and report the error.
              A hook that catches everything and returns tells ML2 that all went well: the API
              answers 201, the port is ACTIVE in Neutron, and the logical switch port, its port
              group membership (security groups) or its ACLs are missing in the NB database until a
              maintenance task notices, if one does. Confidence is medium because some postcommit
              work is deliberately best-effort; say so in a comment and suppress the finding.

              ## Example

              ```python
              def create_port_postcommit(self, context):
                  port = context.current
                  try:
                      self._ovn_client.create_port(context.plugin_context, port)
                  except Exception:
                      LOG.exception("Failed to create port %s in OVN", port['id'])
              ```

              ## Use instead

              ```python
              def create_port_postcommit(self, context):
                  port = context.current
                  try:
                      self._ovn_client.create_port(context.plugin_context, port)
                  except Exception:
                      with excutils.save_and_reraise_exception():
                          LOG.exception("Failed to create port %s in OVN", port['id'])
              ```

              ## References

              - Neutron ML2 mechanism driver API (driver_api.MechanismDriver) <https://docs.openstack.org/neutron-lib/latest/>
              - oslo.utils excutils.save_and_reraise_exception <https://docs.openstack.org/oslo.utils/latest/reference/excutils.html>
              - CWE-390: Detection of Error Condition Without Action <https://cwe.mitre.org/data/definitions/390.html>
              """)
          .build();

  public CommitHookSwallows() {
    super(META);
    on(ExceptHandler.class, this::visit);
  }

  private void visit(ExceptHandler h, RuleContext ctx) {
    if (!ctx.semantic().catchesBroadly(h)) {
      return; // a narrow handler: its intent, walks of its try statement, is not needed
    }
    HandlerIntent intent = ctx.semantic().intentOf(h);
    // An empty body is what error recovery leaves of a broken handler: nothing to judge.
    if (!(intent.bare() || intent.broad()) || intent.reraises() || intent.empty()) {
      return;
    }
    Ast.FunctionLike hook = ctx.semantic().enclosingFunction(h);
    if (!isCommitHook(hook)) {
      return;
    }
    String does = intent.logs() ? "logs the error but does not" : "does not";
    ctx.report(
        this,
        HandlerIntent.header(h),
        "This broad `except` in `" + hook.name() + "` " + does + " re-raise, so ML2 sees success.",
        null);
  }

  /** Whether a function is an ML2 commit hook: {@code *_precommit} or {@code *_postcommit}. */
  static boolean isCommitHook(Ast.FunctionLike fn) {
    return fn != null && (fn.name().endsWith("_precommit") || fn.name().endsWith("_postcommit"));
  }
}
