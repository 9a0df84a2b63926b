package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Starred;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Command;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ProcessCall;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Shell;
import java.util.List;

/** PY104: a process started through a shell ({@code shell=True}) on a command that is not fixed. */
public final class ShellTrue extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY104")
          .name("shell-true-command")
          .title("Command that is not a literal run through a shell (`shell=True`)")
          .severity(Severity.HIGH)
          .confidence(Confidence.LOW)
          .family(Family.EXECUTION)
          .bandit("B602,B604")
          .ruff("S602,S604")
          .why(
              "The shell parses the whole string, so a `;`, `$(...)` or backtick in a port name,"
                  + " device name or config value runs a command of its own, often as root.")
          .fix(
              "Pass an argv list without `shell=True` (`['ip', 'link', 'set', dev, 'up']`); if a"
                  + " pipe or redirect is really needed, do it in Python.")
          .doc(
              """
              ## What it does

              Flags calls with a true `shell=` keyword (`True`, a non-zero number, a non-empty
              string or list) whose command is not a literal: `subprocess.Popen`, `run`, `call`,
              `check_call` and `check_output` (Bandit B602, Ruff S602), and any other call with
              `shell=True` (Bandit B604, Ruff S604), OpenStack's `processutils.execute(...,
              shell=True)` and `utils.execute` included. The command is the first argument; for an
              argv list or varargs with `shell=True` only the first element reaches the shell, so
              that element is judged. Names are followed to the value that reaches the call (the
              last assignment in the function, or the module's own assignment of a module-level
              name). `shell=` is judged by its truth value, also through a name bound once to a
              constant; a call whose `shell=` may be either (a parameter, a call) is flagged only
              when the command is built by formatting. Silent: commands that are literals or built
              only from literals, UPPER_CASE constants and names bound to literals (Ruff reports
              them as "seems safe", Bandit with low severity: nothing can be injected into them),
              `shell=False`, and test code.

              Its confidence is low, so it comments without voting or opening an unresolved thread:
              on the calibration corpus (18 OpenStack repositories, `tools/ecosystem/`) none of its
              10 findings was a clear defect; 9 were debatable (`shell=True` over paths the program
              made itself) and 1 a false positive. A template string (`t"..."`, Python 3.14) is
              not a formatted command: whatever runs it sees each interpolated value apart and can
              quote it, so it stays silent.

              ## Why it matters

              With `shell=True` the command is one string that `/bin/sh` parses: any value formatted
              into it can end the command and start another. Neutron agents run commands as root
              (rootwrap or privsep) with device names, namespaces and addresses that come from API
              requests, so injection there is root on the network node. A literal command with
              `shell=True` is ugly but cannot be injected, which is why we stay silent on it where
              Ruff and Bandit still report it.

              ## Example

              ```python
              def _flush_conntrack(namespace, address):
                  subprocess.check_call(
                      'ip netns exec %s conntrack -D -d %s' % (namespace, address),
                      shell=True)
              ```

              ## Use instead

              ```python
              def _flush_conntrack(namespace, address):
                  subprocess.check_call(
                      ['ip', 'netns', 'exec', namespace, 'conntrack', '-D', '-d', address])
              ```

              ## References

              - Bandit B602: subprocess_popen_with_shell_equals_true <https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html>
              - Bandit B604: any_other_function_with_shell_equals_true <https://bandit.readthedocs.io/en/latest/plugins/b604_any_other_function_with_shell_equals_true.html>
              - Ruff S602: subprocess-popen-with-shell-equals-true <https://docs.astral.sh/ruff/rules/subprocess-popen-with-shell-equals-true/>
              - Ruff S604: call-with-shell-equals-true <https://docs.astral.sh/ruff/rules/call-with-shell-equals-true/>
              - Python documentation: subprocess, security considerations <https://docs.python.org/3/library/subprocess.html#security-considerations>
              - CWE-78: OS Command Injection <https://cwe.mitre.org/data/definitions/78.html>
              """)
          .build();

  public ShellTrue() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Shell shell = Processes.shell(model, call);
    if (shell != Shell.TRUE && shell != Shell.UNKNOWN) {
      return;
    }
    ProcessCall p = ProcessCall.of(ctx, call);
    if (p != null && (p.kind() == Kind.SHELL || p.kind() == Kind.NO_SHELL)) {
      return; // os.system and friends: PY105; os.exec*/spawn* take no shell= keyword.
    }
    Expr script = script(call, p, model);
    if (script == null) {
      if (shell == Shell.TRUE && call.args().isEmpty() && call.keywords().size() == 1) {
        return; // f(shell=True) alone: a setting, not a command run here.
      }
      if (shell == Shell.TRUE) {
        ctx.report(
            this,
            call,
            Processes.callee(ctx, call) + " runs a command it does not show through a shell.");
      }
      return;
    }
    Origin o = Processes.origin(ctx, script);
    if (o.isLiteral() || (shell == Shell.UNKNOWN && !o.isBuilt())) {
      return;
    }
    String spelled = "`shell=" + ctx.text(RuleContext.keyword(call, "shell")) + "`";
    String flag =
        shell == Shell.UNKNOWN
            ? spelled + ", which may be true"
            : spelled.equals("`shell=True`") ? spelled : spelled + ", which is true";
    String root = Processes.runsAsRoot(model, call) ? " as root" : "";
    ctx.report(
        this, call, Processes.runsThroughShell(ctx, call, o, script, root + " (" + flag + ")"));
  }

  /**
   * What the shell parses: the command string, or the first element of an argv list or of varargs
   * (the shell gets only that one as its script), or null when the call shows none. A call that is
   * no known process helper passes its command first or as {@code cmd=}/{@code command=}.
   */
  private static Expr script(Call call, ProcessCall p, SemanticModel model) {
    Command c;
    if (p != null) {
      c = p.command();
    } else {
      Expr a = RuleContext.argument(call, 0, "args");
      for (String k : List.of("cmd", "command")) {
        a = a != null ? a : RuleContext.keyword(call, k);
      }
      c = a == null ? null : new Command(a, null);
    }
    if (c == null) {
      return null;
    }
    List<Expr> argv = c.argv() != null ? c.argv() : model.sequenceElements(c.whole());
    if (argv != null) {
      return argv.isEmpty() || argv.get(0) instanceof Starred ? null : argv.get(0);
    }
    return c.whole();
  }
}
