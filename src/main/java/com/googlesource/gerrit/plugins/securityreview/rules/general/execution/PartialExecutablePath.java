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
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.Kind;
import com.googlesource.gerrit.plugins.securityreview.rules.general.execution.Processes.ProcessCall;
import java.util.List;

/** PY108 (off by default): a process started by program name, found through {@code $PATH}. */
public final class PartialExecutablePath extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY108")
          .name("partial-executable-path")
          .title("Process started with a partial executable path (found through `$PATH`)")
          .severity(Severity.LOW)
          .confidence(Confidence.LOW)
          .family(Family.EXECUTION)
          .offByDefault()
          .bandit("B607")
          .ruff("S607")
          .why(
              "Whoever can put a directory early in `$PATH` of the process chooses which program"
                  + " runs.")
          .fix(
              "Use an absolute path (`/usr/sbin/ip`) where `$PATH` is not under your control, or"
                  + " suppress with `# noqa: S607`.")
          .doc(
              """
              ## What it does

              Off by default. Flags the literal program of
              `subprocess.Popen/run/call/check_call/check_output`,
              `os.system`/`os.popen`/`getoutput` and `os.exec*`/`os.spawn*` (the first word of a
              command string, the first element of an argv list or tuple) when it is not an
              absolute or explicitly relative path (`/`, `./`, `\\\\` or a drive letter), the way
              Ruff's S607 and Bandit's B607 read it. OpenStack's execute helpers
              (`processutils.execute`, `utils.execute`, `netns.execute`) are never flagged, and
              neither is test code.

              ## Why it matters

              In OpenStack, commands run as root go through rootwrap or privsep: rootwrap matches
              the program against its filters and resolves it in the configured `exec_dirs`, not the
              caller's `$PATH`, so `['ip', 'link', ...]` is the idiom and flagging it would be pure
              noise. For the remaining direct `subprocess` calls the risk is a service started with
              a hostile `$PATH`, which is rarely within an attacker's reach; the rule is kept for
              parity with Ruff's S607 and Bandit's B607 and is off by default.

              ## Example

              ```python
              subprocess.run(['ovs-vsctl', 'show'], check=True)
              ```

              ## Use instead

              ```python
              subprocess.run(['/usr/bin/ovs-vsctl', 'show'], check=True)
              ```

              Or, for a command that needs root, `utils.execute(['ovs-vsctl', 'show'],
              run_as_root=True)`: rootwrap finds the program in its `exec_dirs`.

              ## References

              - Bandit B607: start_process_with_partial_path <https://bandit.readthedocs.io/en/latest/plugins/b607_start_process_with_partial_path.html>
              - Ruff S607: start-process-with-partial-path <https://docs.astral.sh/ruff/rules/start-process-with-partial-path/>
              - CWE-426: Untrusted Search Path <https://cwe.mitre.org/data/definitions/426.html>
              """)
          .build();

  public PartialExecutablePath() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    Expr program = program(ProcessCall.of(ctx, call));
    // Literals only, as Ruff's S607 reads them: the finding points at the program's text.
    String text = Processes.literal(program);
    if (text == null || text.isBlank() || isFullPath(text.strip())) {
      return;
    }
    String word = text.strip().split("[\\s;|&<>()]+", 2)[0];
    ctx.report(this, program, "`" + word + "` is started by name, so `$PATH` picks the program.");
  }

  /**
   * The program a process call starts (the first element when it is an argv list or tuple), or
   * null. Not for OpenStack's execute helpers: rootwrap and privsep resolve the program themselves.
   */
  private static Expr program(ProcessCall p) {
    if (p == null || p.kind() == Kind.EXECUTE) {
      return null;
    }
    Expr program = Processes.program(p.call(), p.kind(), p.name());
    // An argv is a list or a tuple display alike.
    List<Expr> argv =
        switch (program) {
          case Ast.List l -> l.elts();
          case Ast.Tuple t -> t.elts();
          case null, default -> null;
        };
    if (argv != null) {
      return argv.isEmpty() ? null : argv.get(0);
    }
    return program;
  }

  private static boolean isFullPath(String s) {
    char c = s.charAt(0);
    return c == '/'
        || c == '\\'
        || c == '.'
        || (s.length() > 1 && Character.isLetter(c) && s.charAt(1) == ':');
  }
}
