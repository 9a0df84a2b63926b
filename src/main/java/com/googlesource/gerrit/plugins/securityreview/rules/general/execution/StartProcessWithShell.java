package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Command;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ProcessCall;

/** PY105: {@code os.system}, {@code os.popen} and friends on a command that is not fixed. */
public final class StartProcessWithShell extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY105")
          .name("start-process-with-shell")
          .title("`os.system`, `os.popen` or `getoutput` runs a command that is not a literal")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.EXECUTION)
          .bandit("B605")
          .ruff("S605")
          .why(
              "These functions always hand the string to `/bin/sh`, so a `;` or `$(...)` in any"
                  + " value formatted into it runs a command of its own.")
          .fix(
              "Use `subprocess.run([...])` with an argv list, or Neutron's `utils.execute([...])` /"
                  + " privsep for commands that need root.")
          .doc(
              """
              ## What it does

              Flags `os.system`, `os.popen` (and `popen2`/`popen3`/`popen4`), the `popen2` module,
              `commands.getoutput`/`getstatusoutput` and `subprocess.getoutput`/`getstatusoutput`
              (imports resolved, eventlet's green modules included) when the command is not a
              literal: built by `%`, `format`, an f-string, `+` or `join` from a value, or a
              name whose value (the last assignment reaching the call, or the module's own
              assignment of a module-level name) is not made of literals. Silent: literal commands
              and commands built only from literals, UPPER_CASE constants and names bound to
              literals, such as a module-level `_ip = 'ip'` in `_ip + ' link show'` (Ruff reports
              them as "seems safe", Bandit with low severity), and test code.

              A template string (`t"..."`, Python 3.14) is not a formatted command: it makes a
              `string.templatelib.Template`, whose interpolated values stay apart for whatever runs
              it to quote, so it stays silent. Code that turns a Template into text itself (a helper
              joining its `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              Every one of these functions runs its argument through `/bin/sh -c`. OpenStack code
              has `processutils.execute` and privsep for running commands with an argv list;
              `os.system` with a formatted string is the classic command injection, and in an agent
              it runs with the agent's privileges. A literal command cannot be injected, so we stay
              silent on it where Ruff (S605) and Bandit (B605) still report it.

              ## Example

              ```python
              def _set_mtu(device, mtu):
                  os.system('ip link set %s mtu %d' % (device, mtu))
              ```

              ## Use instead

              ```python
              def _set_mtu(device, mtu):
                  subprocess.run(['ip', 'link', 'set', device, 'mtu', str(mtu)], check=True)
              ```

              ## References

              - Bandit B605: start_process_with_a_shell <https://bandit.readthedocs.io/en/latest/plugins/b605_start_process_with_a_shell.html>
              - Ruff S605: start-process-with-a-shell <https://docs.astral.sh/ruff/rules/start-process-with-a-shell/>
              - Python documentation: os.system, which runs the command in a subshell <https://docs.python.org/3/library/os.html#os.system>
              - CWE-78: OS Command Injection <https://cwe.mitre.org/data/definitions/78.html>
              """)
          .build();

  public StartProcessWithShell() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    ProcessCall p = ProcessCall.of(ctx, call);
    Command c = p == null || p.kind() != Kind.SHELL ? null : p.command();
    if (c == null) {
      return;
    }
    Origin o = Processes.origin(ctx, c.whole());
    if (!o.isLiteral()) {
      ctx.report(this, call, Processes.runsThroughShell(ctx, call, o, c.whole(), ""));
    }
  }
}
