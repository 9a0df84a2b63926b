package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ModuleRole;
import java.util.Set;

/** OVN204: a tenacity (or retrying) retry with no stop condition. */
public final class RetryWithoutStop extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN204")
          .name("retry-without-stop")
          .title("Retry with no stop condition retries forever")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.RESOURCE_HANDLING)
          .why(
              "tenacity and retrying never stop by default: a call that keeps failing (the OVN NB"
                  + " is down, the row is gone for good, the error is not transient) is retried"
                  + " forever, and the caller, its thread and whatever it holds hang with it.")
          .fix(
              "Pass `stop=` (for example `tenacity.stop_after_delay(...)` or"
                  + " `tenacity.stop_after_attempt(...)`) and let the final error surface, for"
                  + " example with `reraise=True`.")
          .doc(
              """
              ## What it does

              Flags `@tenacity.retry` (bare or called), `tenacity.retry(...)(func)`,
              `tenacity.Retrying(...)` and `tenacity.AsyncRetrying(...)` without `stop=` (or with
              `stop=tenacity.stop_never`), and `@retrying.retry` without any of `stop`,
              `stop_max_attempt_number`, `stop_max_delay` or `stop_func`. Imports are resolved
              (`from tenacity import retry` counts). Calls that pass `**kwargs` are left alone.
              Stays silent on oslo.db's `wrap_db_retry` and neutron-lib's `retry_db_errors` (bounded
              by `max_retries`), in test code, and in modules that are not service code (the
              module role of the semantic model): developer and CI tooling under a top-level
              `tools/`, `devstack/`, `playbooks/`, `doc/` or `releasenotes/` folder or `setup.py`,
              and test-suite support that imports a test framework (`unittest`, `testtools`,
              `oslotest`, `pytest`, tempest's test base), run under a CI job or a test runner whose
              limits bound it.

              ## Why it matters

              A retry without a stop turns a permanent failure into a hang: the request or the
              maintenance task never finishes, holds its thread (and possibly a lock or a DB
              session), and logs at best a warning per attempt. In the OVN driver the typical case
              is retrying an NB/SB command until the database answers: if it never does, every API
              worker that reaches the call is stuck.

              ## Example

              ```python
              @tenacity.retry(retry=tenacity.retry_if_exception_type(RuntimeError),
                              wait=tenacity.wait_exponential(max=10))
              def _update_chassis(self, chassis_name):
                  ...
              ```

              ## Use instead

              ```python
              @tenacity.retry(retry=tenacity.retry_if_exception_type(RuntimeError),
                              wait=tenacity.wait_exponential(max=10),
                              stop=tenacity.stop_after_delay(60),
                              reraise=True)
              def _update_chassis(self, chassis_name):
                  ...
              ```

              ## References

              - tenacity: Stopping <https://tenacity.readthedocs.io/en/latest/#stopping>
              - CWE-835: Loop with Unreachable Exit Condition ('Infinite Loop') <https://cwe.mitre.org/data/definitions/835.html>
              """)
          .build();

  private static final Set<String> TENACITY =
      Set.of(
          "tenacity.retry",
          "tenacity.Retrying",
          "tenacity.AsyncRetrying",
          "tenacity.asyncio.AsyncRetrying");

  private static final Set<String> RETRYING = Set.of("retrying.retry", "retrying.Retrying");

  private static final Set<String> PACKAGES = DottedNames.firstParts(TENACITY, RETRYING);

  private static final Set<String> RETRYING_STOPS =
      Set.of("stop", "stop_max_attempt_number", "stop_max_delay", "stop_func");

  public RetryWithoutStop() {
    super(META);
    onNamesFrom(Ast.FunctionLike.class, PACKAGES, this::visitFunction);
    onNamesFrom(Call.class, PACKAGES, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = RuleContext.hasUnpacking(call) ? null : ctx.callName(call);
    if (name == null || !isServiceCode(ctx)) {
      return;
    }
    if (TENACITY.contains(name)) {
      Expr stop = RuleContext.keyword(call, "stop");
      // Retrying(sleep, stop, ...): a second positional argument is the stop.
      boolean positionalStop = !name.endsWith(".retry") && call.args().size() >= 2;
      if (stop == null && !positionalStop) {
        ctx.report(this, call, "`" + name + "(...)` has no `stop=`, so it never gives up.", null);
      } else if (stop != null && "tenacity.stop_never".equals(ctx.qualifiedName(stop))) {
        ctx.report(
            this, call, "`" + name + "(...)` has `stop=stop_never`, so it never gives up.", null);
      }
    } else if (RETRYING.contains(name)
        && call.keywords().stream().noneMatch(k -> RETRYING_STOPS.contains(k.arg()))) {
      ctx.report(this, call, "`" + name + "(...)` has no stop, so it never gives up.", null);
    }
  }

  /** {@code @tenacity.retry} without parentheses: the defaults, which never stop. */
  private void visitFunction(Ast.FunctionLike fn, RuleContext ctx) {
    if (fn.decoratorList().isEmpty() || !isServiceCode(ctx)) {
      return;
    }
    for (Expr d : fn.decoratorList()) {
      if (d instanceof Call) {
        continue; // the Call itself is visited
      }
      String name = ctx.qualifiedName(d);
      if ("tenacity.retry".equals(name) || "retrying.retry".equals(name)) {
        ctx.report(this, d, "`@" + name + "` with no arguments never gives up.", null);
      }
    }
  }

  /** Tooling and test harness code run under a CI job or a test runner, whose limits bound it. */
  private static boolean isServiceCode(RuleContext ctx) {
    return ctx.semantic().moduleRole(ctx.path()) == ModuleRole.SERVICE;
  }
}
