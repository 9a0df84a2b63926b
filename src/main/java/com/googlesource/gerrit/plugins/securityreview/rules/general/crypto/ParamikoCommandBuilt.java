package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import java.util.Set;

/** PY308: paramiko's {@code exec_command} given a command line built from values. */
public final class ParamikoCommandBuilt extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY308")
          .name("paramiko-command-built")
          .title("Remote shell command built from values and run with paramiko")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.CRYPTO)
          .bandit("B601")
          .ruff("S601")
          .why(
              "`exec_command` hands the string to the remote user's shell, so a value containing"
                  + " `;`, `$(...)` or a quote runs its own commands on the remote host.")
          .fix(
              "Quote every interpolated value with `shlex.quote()` (or build the line with"
                  + " `shlex.join()`), or validate it against a strict pattern first.")
          .doc(
              """
              ## What it does

              In files that import paramiko, flags `<client>.exec_command(command)` when the command
              is built in place or in the local variable that reaches the call (`+=` steps
              included): an f-string with interpolated values, `%` or `.format()` formatting, a
              concatenation of a string with a value, or a `' '.join(...)` of a list of values. The
              command is judged as the shell rules judge `shell=True` commands: UPPER_CASE names
              and attributes, numbers (`int(...)`, `len(...)`) and `range` indices count as
              constants.

              Silent: literal commands, commands whose every interpolated value goes through
              `shlex.quote()` / `pipes.quote()` (or that `shlex.join()` builds), commands passed in
              as parameters (the caller builds them: review there), files that do not import
              paramiko, and test code. Bandit B601 flags every `exec_command` in a file that imports
              paramiko, literal commands included; Ruff S601 only matches a module-level
              `paramiko.exec_command`, which does not exist, so it never fires.

              A template string (`t"..."`, Python 3.14) is not a formatted command: it makes a
              `string.templatelib.Template`, whose interpolated values stay apart for whatever sends
              it to quote, so it stays silent. Code that turns a Template into text itself (a helper
              joining its `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              Drivers that configure switches or hypervisors over SSH build commands from port,
              network and host data: VLAN ids are safe, but names, descriptions and binding profile
              values are tenant-controlled strings.

              ## Example

              ```python
              cmd = 'ovs-vsctl set port %s tag=%s' % (port_name, vlan)
              stdin, stdout, stderr = client.exec_command(cmd, timeout=30)
              ```

              ## Use instead

              ```python
              cmd = 'ovs-vsctl set port %s tag=%d' % (shlex.quote(port_name), int(vlan))
              stdin, stdout, stderr = client.exec_command(cmd, timeout=30)
              ```

              ## References

              - Bandit B601: paramiko_calls <https://bandit.readthedocs.io/en/latest/plugins/b601_paramiko_calls.html>
              - Ruff S601: paramiko-call <https://docs.astral.sh/ruff/rules/paramiko-call/>
              - CWE-78: OS Command Injection <https://cwe.mitre.org/data/definitions/78.html>
              """)
          .build();

  /**
   * Command lines as the shell rules judge them, with shell quoting counting as safe: what reaches
   * {@code exec_command} is parsed by the remote shell just as {@code shell=True} parses locally.
   */
  private static final OriginPolicy REMOTE_SHELL =
      OriginPolicy.SHELL.withEscapingCalls(Set.of("shlex.quote", "pipes.quote", "shlex.join"));

  public ParamikoCommandBuilt() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    if (!(c.func() instanceof Ast.Attribute a)
        || !a.attr().equals("exec_command")
        || !ctx.semantic().importsModule("paramiko")) {
      return;
    }
    Expr command = RuleContext.argument(c, 0, "command");
    if (command == null) {
      return;
    }
    Origin origin = Origins.of(ctx.semantic(), command, REMOTE_SHELL);
    if (origin.isBuilt() && origin.value() != null) {
      ctx.report(
          this,
          command,
          "The command run by `exec_command` interpolates `"
              + shorten(ctx.text(origin.value()))
              + "` without shell quoting.");
    }
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
