package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Starred;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Command;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Shell;
import java.util.List;

/** PY104: a process started through a shell ({@code shell=True}) on a command that is not fixed. */
public final class ShellTrue extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY104")
          .name("shell-true-command")
          .title("Command that is not a literal run through a shell (`shell=True`)")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
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
              that element is judged. Local variables are followed to what was last assigned to them
              in the function. A call whose `shell=` is a variable is flagged only when the command
              is built by formatting. Silent: commands that are literals or built from literals and
              UPPER_CASE constants only (Ruff reports them as "seems safe", Bandit with low
              severity: nothing can be injected into them), `shell=False`, and test code.

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
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Call call)) {
      return;
    }
    Shell shell = Processes.shell(call);
    if (shell != Shell.TRUE && shell != Shell.UNKNOWN) {
      return;
    }
    String name = Processes.name(ctx, call);
    Kind kind = Processes.kind(name);
    if (kind == Kind.SHELL || kind == Kind.NO_SHELL) {
      return; // os.system and friends: PY105; os.exec*/spawn* take no shell= keyword.
    }
    Origins origins = new Origins(ctx, call);
    Expr script = script(call, kind, name, origins);
    String callee = "`" + ctx.text(call.func()) + "()`";
    if (script == null) {
      if (shell == Shell.TRUE && call.args().isEmpty() && call.keywords().size() == 1) {
        return; // f(shell=True) alone: a setting, not a command run here.
      }
      if (shell == Shell.TRUE) {
        ctx.report(this, call, callee + " runs a command it does not show through a shell.");
      }
      return;
    }
    Origin o = origins.of(script);
    if (o.isLiteral() || (shell == Shell.UNKNOWN && !o.isBuilt())) {
      return;
    }
    String flag =
        shell == Shell.TRUE
            ? "`shell=True`"
            : "`shell=" + ctx.text(RuleContext.keyword(call, "shell")) + "`, which may be true";
    String root = Processes.runsAsRoot(call) ? " as root" : "";
    String what =
        o.isBuilt()
            ? "a command built " + o.how() + " from `" + ctx.text(o.value()) + "`"
            : "`" + ctx.text(script) + "`";
    String unseen = o.isBuilt() ? "" : ", and nothing in this function makes it a fixed command";
    ctx.report(
        this,
        call,
        callee + " runs " + what + " through a shell" + root + " (" + flag + ")" + unseen + ".");
  }

  /**
   * What the shell parses: the command string, or the first element of an argv list or of varargs
   * (the shell gets only that one as its script), or null when the call shows none.
   */
  private static Expr script(Call call, Kind kind, String name, Origins origins) {
    Command c;
    if (kind != null) {
      c = Processes.command(call, kind, name);
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
    List<Expr> argv = c.argv() != null ? c.argv() : Processes.elements(c.whole(), origins);
    if (argv != null) {
      return argv.isEmpty() || argv.get(0) instanceof Starred ? null : argv.get(0);
    }
    return c.whole();
  }
}
