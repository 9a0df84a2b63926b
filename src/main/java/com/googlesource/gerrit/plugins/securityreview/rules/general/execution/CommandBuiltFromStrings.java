package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Command;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ProcessCall;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Shell;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ShellInArgv;
import java.util.List;

/**
 * PY106: a process started without {@code shell=True} whose command is still built from strings: a
 * shell in the argv ({@code ['sh', '-c', cmd]}), a formatted string split into arguments, or one
 * formatted string passed as the whole command.
 */
public final class CommandBuiltFromStrings extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY106")
          .name("command-built-from-strings")
          .title(
              "Process command built from strings: `sh -c` in the argv, a split string, or one"
                  + " formatted command line")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.EXECUTION)
          .bandit("B603")
          .ruff("S603")
          .why(
              "A value formatted into a command line is parsed by the shell or split on its spaces,"
                  + " so a device name, namespace or config value can add arguments or commands of"
                  + " its own, often as root.")
          .fix(
              "Build the argv as a list with one element per argument (`['ip', 'netns', 'exec', ns,"
                  + " 'ip', 'link', 'set', dev, 'up']`) and pass values as separate elements.")
          .doc(
              """
              ## What it does

              Looks at `subprocess.Popen/run/call/check_call/check_output` without a true `shell=`,
              `os.exec*`/`os.spawn*`/`os.posix_spawn`, and OpenStack's execute helpers
              (`oslo_concurrency.processutils.execute`/`trycmd`, Neutron's
              `agent.linux.utils.execute` under any alias such as `agent_utils` or `linux_utils`,
              privsep's `execute_process`, `ip_lib`'s `netns.execute`), and flags three shapes: (1)
              the argv runs a shell on a command string that is not a literal (`['sh', '-c', cmd]`,
              also after `sudo` or `ip netns exec NS`, with `-ec`/`-xc`); (2) a string built by `%`,
              `format`, an f-string, `+` or `join` from a value is split into the argv (`(... %
              x).split()`, `shlex.split(...)`); (3) one such string, with spaces in its literal
              part, is passed as the whole command. The message says when the call runs as root
              (`run_as_root=True`). Names are followed to the value that reaches the call (the last
              assignment in the function, or the module's own assignment of a module-level name),
              argv lists through `+`. Silent: argv lists with values as their own elements (Neutron's
              `utils.execute(['ip', 'addr', 'add', cidr, 'dev', dev], run_as_root=True)`, including
              elements such as `'%s/%s' % (ip, plen)`), `sh -c` on a literal script that takes
              values as positional parameters (`['sh', '-c', 'echo "$1" > "$2"', 'sh', value,
              path]`), a command that arrives as a parameter (it is built elsewhere), calls with
              `shell=True` (PY104), and test code.

              A template string (`t"..."`, Python 3.14) is not a formatted script: it makes a
              `string.templatelib.Template`, whose interpolated values stay apart for whatever runs
              it to quote, so it stays silent. Code that turns a Template into text itself (a helper
              joining its `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              Neutron and the other OpenStack agents run hundreds of commands as root through
              rootwrap or privsep, always as argv lists: the process gets each value as one argument
              and no shell sees it. The list discipline breaks in three ways that Bandit and Ruff do
              not tell apart from a harmless call: wrapping the work in `sh -c` (the shell parses
              the string again), building a command line and `.split()`ting it (a value with a space
              becomes several arguments: argument injection), and passing one formatted string (it
              does not even run without a shell, and the usual repair, `shell=True`, is command
              injection). Ruff's S603 and Bandit's B603 flag every subprocess call without a shell;
              this rule reports only those shapes, which is why it names S603/B603 for suppressions
              (`# noqa: S603`). The catch-all lives in PY107, off by default.

              ## Example

              ```python
              def _set_sysctl(namespace, key, value):
                  cmd = ['ip', 'netns', 'exec', namespace,
                         'sh', '-c', 'echo %s > /proc/sys/%s' % (value, key)]
                  utils.execute(cmd, run_as_root=True, privsep_exec=True)
              ```

              ## Use instead

              ```python
              def _set_sysctl(namespace, key, value):
                  cmd = ['ip', 'netns', 'exec', namespace,
                         'sysctl', '-w', '%s=%s' % (key, value)]
                  utils.execute(cmd, run_as_root=True, privsep_exec=True)
              ```

              ## References

              - Bandit B603: subprocess_without_shell_equals_true <https://bandit.readthedocs.io/en/latest/plugins/b603_subprocess_without_shell_equals_true.html>
              - Ruff S603: subprocess-without-shell-equals-true <https://docs.astral.sh/ruff/rules/subprocess-without-shell-equals-true/>
              - oslo.concurrency processutils.execute <https://docs.openstack.org/oslo.concurrency/latest/reference/processutils.html>
              - CWE-78: OS Command Injection <https://cwe.mitre.org/data/definitions/78.html>
              - CWE-88: Argument Injection <https://cwe.mitre.org/data/definitions/88.html>
              """)
          .build();

  public CommandBuiltFromStrings() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    ProcessCall p = ProcessCall.of(ctx, call);
    String message = p == null ? null : problem(ctx, p);
    if (message != null) {
      ctx.report(this, call, message);
    }
  }

  /** What is wrong with a process call's command, or null when nothing of the three shapes. */
  static String problem(RuleContext ctx, ProcessCall p) {
    SemanticModel model = ctx.semantic();
    Call call = p.call();
    Shell shellFlag = Processes.shell(model, call);
    if (p.kind() == Kind.SHELL || shellFlag == Shell.TRUE) {
      return null;
    }
    Command command = p.command();
    if (command == null) {
      return null;
    }
    String callee = Processes.callee(ctx, call);
    String root = Processes.runsAsRoot(model, call) ? " as root" : "";
    List<Expr> argv = p.argv(model);
    if (argv != null) {
      ShellInArgv shell = Processes.shellInArgv(model, argv);
      if (shell != null) {
        Origin o = Processes.origin(ctx, shell.command());
        if (!o.isLiteral()) {
          return callee
              + " runs `"
              + shell.shell()
              + " -c`"
              + root
              + " on "
              + describe(o, shell.command(), ctx)
              + ".";
        }
      }
      for (Expr e : argv) {
        if (e instanceof Ast.Starred s) {
          String split = split(model.resolve(s.value()), ctx, callee, root);
          if (split != null) {
            return split;
          }
        }
      }
      return null;
    }
    Expr whole = model.resolve(command.whole());
    if (whole == null) {
      return null;
    }
    String split = split(whole, ctx, callee, root);
    if (split != null) {
      return split;
    }
    Origin o = Processes.origin(ctx, whole);
    // With shell= a variable, a built command line is PY104's.
    if (o.isBuilt() && hasSpace(whole) && shellFlag != Shell.UNKNOWN) {
      return callee
          + " gets one command line built "
          + o.how()
          + " from `"
          + ctx.text(o.value())
          + "`"
          + root
          + " instead of an argv list.";
    }
    return null;
  }

  private static String split(Expr e, RuleContext ctx, String callee, String root) {
    Expr split = Processes.splitString(e, ctx.semantic());
    if (split == null) {
      return null;
    }
    Origin o = Processes.origin(ctx, split);
    if (!o.isBuilt()) {
      return null;
    }
    return callee
        + " splits a string built "
        + o.how()
        + " from `"
        + ctx.text(o.value())
        + "` into its arguments"
        + root
        + ".";
  }

  private static String describe(Origin o, Expr command, RuleContext ctx) {
    return o.isBuilt()
        ? "a command string built " + o.how() + " from `" + ctx.text(o.value()) + "`"
        : "`"
            + ctx.text(command)
            + "`, a command string this function does not build from"
            + " literals";
  }

  /** Whether the literal parts of a built string contain whitespace: it is a command line. */
  private static boolean hasSpace(Expr e) {
    boolean[] space = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node n) {
        if (Processes.literal(n instanceof Expr x ? x : null) instanceof String s
            && s.chars().anyMatch(Character::isWhitespace)) {
          space[0] = true;
        }
        return !space[0];
      }
    }.visit(e);
    return space[0];
  }
}
