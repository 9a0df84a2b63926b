package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Command;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ProcessCall;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Shell;
import java.util.List;

/**
 * PY107 (off by default): every {@code subprocess} call without a shell and every {@code os.exec*}
 * / {@code os.spawn*} whose argv is not made of literals, the way Ruff's S603 and S606 report them.
 */
public final class SubprocessWithoutShell extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY107")
          .name("subprocess-without-shell")
          .title(
              "Process started from an argv that is not made of literals (review what reaches it)")
          .severity(Severity.LOW)
          .confidence(Confidence.LOW)
          .family(Family.EXECUTION)
          .offByDefault()
          .bandit("B603,B606")
          .ruff("S603,S606")
          .why(
              "Without a shell nothing is parsed, but whoever chooses the program or its arguments"
                  + " still chooses what runs.")
          .fix(
              "Check that the program is fixed and that every value in the argv is validated, or"
                  + " suppress with `# noqa: S603` once reviewed.")
          .doc(
              """
              ## What it does

              Off by default. Flags `subprocess.Popen/run/call/check_call/check_output` without a
              true `shell=` (Ruff S603, Bandit B603) and `os.exec*`, `os.spawn*`, `os.posix_spawn`,
              `os.startfile` (Ruff S606, Bandit B606) whose command is not made of literals only.
              Silent: argv lists of literals and UPPER_CASE constants, calls PY106 already reports,
              and test code.

              A template string (`t"..."`, Python 3.14) in the argv is not an argument built by
              formatting: it makes a `string.templatelib.Template`, whose interpolated values stay
              apart, so it stays silent. Code that turns a Template into text itself (a helper
              joining its `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              Ruff's S603 reports every subprocess call without `shell=True` and says itself that it
              is prone to false positives: a reviewer cannot act on "a process is started here".
              Neutron writes `# noqa: S603` on each of its few direct `subprocess` calls. The shapes
              that are actually dangerous (a shell in the argv, a split or formatted command line)
              are reported on by default by PY106; this rule is for projects that want Ruff's full
              S603/S606 inventory, minus the calls whose argv is entirely literal.

              ## Example

              ```python
              def run_trace(args):
                  return subprocess.run(args, check=True)
              ```

              ## Use instead

              ```python
              def run_trace(args):
                  return subprocess.run(
                      ['/usr/bin/ovn-trace', '--db', DB] + validated(args), check=True)
              ```

              ## References

              - Bandit B603: subprocess_without_shell_equals_true <https://bandit.readthedocs.io/en/latest/plugins/b603_subprocess_without_shell_equals_true.html>
              - Bandit B606: start_process_with_no_shell <https://bandit.readthedocs.io/en/latest/plugins/b606_start_process_with_no_shell.html>
              - Ruff S603: subprocess-without-shell-equals-true <https://docs.astral.sh/ruff/rules/subprocess-without-shell-equals-true/>
              - Ruff S606: start-process-with-no-shell <https://docs.astral.sh/ruff/rules/start-process-with-no-shell/>
              """)
          .build();

  public SubprocessWithoutShell() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    ProcessCall p = ProcessCall.of(ctx, call);
    if (p == null
        || (p.kind() != Kind.SUBPROCESS && p.kind() != Kind.NO_SHELL)
        || (p.kind() == Kind.SUBPROCESS && Processes.shell(ctx.semantic(), call) == Shell.TRUE)) {
      return;
    }
    Command c = p.command();
    if (c == null || CommandBuiltFromStrings.problem(ctx, p) != null) {
      return;
    }
    SemanticModel model = ctx.semantic();
    List<Expr> argv = p.argv(model);
    Expr first = null;
    if (argv != null) {
      first =
          argv.stream()
              .filter(e -> Origins.firstUnsafePart(model, e, OriginPolicy.SHELL) != null)
              .findFirst()
              .orElse(null);
    } else if (!Processes.origin(ctx, c.whole()).isLiteral()) {
      first = c.whole();
    }
    if (first != null) {
      ctx.report(
          this,
          call,
          Processes.callee(ctx, call)
              + " starts a process whose argv takes `"
              + ctx.text(first)
              + "`.");
    }
  }
}
