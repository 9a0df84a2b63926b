package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ExceptHandler;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.HandlerIntent;
import java.util.List;

/** OVN602: {@code except Exception:} whose body only passes, continues or returns a constant. */
public final class BroadExceptSwallowed extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN602")
          .name("broad-except-swallowed")
          .title("`except Exception` swallows the error without logging or re-raising it")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.EXCEPTION_HANDLING)
          .bandit("B110,B112")
          .ruff("S110,S112")
          .why(
              "Whatever failed in the `try` block, a lost OVSDB connection or a bug included,"
                  + " disappears without a trace.")
          .fix(
              "Catch the specific exceptions you expect, or at least log the error"
                  + " (`LOG.exception(...)` or `LOG.debug(...)` with the exception).")
          .doc(
              """
              ## What it does

              Flags `except Exception:` and `except BaseException:` clauses (also a tuple that
              contains one of them) that swallow the error (the body is only `pass`, `continue`,
              `break`, `return`, `return None` or `return True`) when the failure they hide
              leaves something wrong:

              - the `try` block writes an OVSDB database: it executes a command, adds to or opens
                a transaction, or calls Neutron's OVN client, and drops the result;
              - the `try` block ends with a call to a check of the same file (a function that
                raises on some condition and returns no value), and swallowing its exception
                takes the path of a passed check: the code after the `try` runs (`pass`,
                `return`), the handler returns `True`, or the loop moves on (`continue`,
                `break`) where the `else:` block would have rejected.

              It stays silent when the handler logs, re-raises, uses
              `excutils.save_and_reraise_exception()`, sets a flag or uses the exception, and on
              these shapes, which lose nothing or say why:

              - the handler returns another constant (`False`, `{}`, `-1`, a placeholder): a probe
                or parser answers "no" or "unknown" in a value its caller checks;
              - a prose comment on the `except` line or inside the handler states the intent, or
                a bare `# noqa` there waives the linters' complaint about the clause;
              - the `try` statement is inside an `except` handler or a `finally` block of the same
                function: a best-effort cleanup or revert on a path that is already failing;
              - the `try` block only computes or reads a value, closes or releases something, or
                calls code whose failure the model cannot tell to matter.

              Bare `except:` is OVN601's; a broad handler in an ML2 `*_precommit` /
              `*_postcommit` hook is OVN603's (one comment per handler). Test code is not checked
              (Neutron's own Ruff setup ignores S110 in tests).

              ## Why it matters

              A handler that catches everything and says nothing turns every failure into silence: a
              typo, a `KeyError` in new code, an OVSDB transaction that failed, a lost NB
              connection. In the OVN driver that means Neutron's database and the NB database
              disagree and nobody learns why, and a security-relevant step (an ACL, a port group
              membership) may simply not have happened.

              ## Example

              ```python
              def _delete_lsp(self, port_id):
                  try:
                      self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
                  except Exception:
                      pass
              ```

              ## Use instead

              ```python
              def _delete_lsp(self, port_id):
                  try:
                      self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
                  except Exception:
                      LOG.exception("Failed to delete logical switch port %s", port_id)
              ```

              ## References

              - Bandit B110: try_except_pass <https://bandit.readthedocs.io/en/latest/plugins/b110_try_except_pass.html>
              - Bandit B112: try_except_continue <https://bandit.readthedocs.io/en/latest/plugins/b112_try_except_continue.html>
              - Ruff S110 try-except-pass <https://docs.astral.sh/ruff/rules/try-except-pass/>
              - Ruff BLE001 blind-except <https://docs.astral.sh/ruff/rules/blind-except/>
              - CWE-390: Detection of Error Condition Without Action <https://cwe.mitre.org/data/definitions/390.html>
              """)
          .build();

  public BroadExceptSwallowed() {
    super(META);
    on(ExceptHandler.class, this::visit);
  }

  private void visit(ExceptHandler h, RuleContext ctx) {
    if (!ctx.semantic().catchesBroadly(h)) {
      return; // a narrow handler: its intent, walks of its try statement, is not needed
    }
    HandlerIntent intent = ctx.semantic().intentOf(h);
    // An empty body is what error recovery leaves of a broken handler: nothing to judge.
    if (!intent.broad() || intent.empty() || !onlySwallows(h.body(), intent)) {
      return;
    }
    // In a commit hook OVN603 reports the same handler, with the stronger reason.
    if (CommitHookSwallows.isCommitHook(ctx.semantic().enclosingFunction(h))) {
      return;
    }
    // The author says why (a comment, a waiver), or the step is best effort on a path that is
    // already failing or cleaning up.
    if (intent.commented() || intent.noqa() || intent.inErrorPath()) {
      return;
    }
    Exit exit = exitOf(h.body(), ctx);
    String lost = whatIsLost(intent, exit, ctx);
    if (lost != null) {
      ctx.report(
          this,
          HandlerIntent.header(h),
          "This broad `except` only " + exit.says + ", so " + lost + ".",
          null);
    }
  }

  /** How a swallowing handler leaves. */
  private enum Exit {
    /** pass, or return of nothing: the code goes on as if the try body had succeeded. */
    FALLS_THROUGH("passes"),
    RETURNS_NONE("returns None"),
    /** continue or break: the rest of the loop body is skipped. */
    CONTINUES("continues"),
    BREAKS("breaks out of the loop"),
    /** return True: the caller is told that all went well. */
    RETURNS_TRUE("returns True"),
    /** return of another constant: a fallback value the caller tells apart. */
    RETURNS_FALLBACK("returns a constant");

    final String says;

    Exit(String says) {
      this.says = says;
    }
  }

  private static Exit exitOf(List<Stmt> body, RuleContext ctx) {
    return switch (body.getLast()) {
      case Ast.Continue c -> Exit.CONTINUES;
      case Ast.Break b -> Exit.BREAKS;
      case Ast.Return r when r.value() == null || ctx.semantic().isNone(r.value()) ->
          Exit.RETURNS_NONE;
      case Ast.Return r when ctx.semantic().isTrue(r.value()) -> Exit.RETURNS_TRUE;
      case Ast.Return r -> Exit.RETURNS_FALLBACK;
      default -> Exit.FALLS_THROUGH;
    };
  }

  /**
   * What the swallowed failure costs, or null when nothing that matters is lost: only a check that
   * then counts as passed, or an OVSDB write, is worth a comment.
   */
  private static String whatIsLost(HandlerIntent intent, Exit exit, RuleContext ctx) {
    if (exit == Exit.RETURNS_FALLBACK) {
      // A probe or parser answers "unknown" in a value its caller checks.
      return null;
    }
    if (intent.check() != null && passesCheck(intent, exit)) {
      return "when `"
          + ctx.text(intent.check().func())
          + "(...)` fails for any reason, a storage error or a bug included, the check counts as"
          + " passed";
    }
    if (intent.ovsdbWrite() != null) {
      return "a failed OVSDB write goes unnoticed and Neutron and the OVN database drift apart";
    }
    return null;
  }

  /**
   * Whether swallowing the check's exception takes the path its success would not: the code after
   * the try runs as if it passed, or an {@code else} block that rejects is skipped.
   */
  private static boolean passesCheck(HandlerIntent intent, Exit exit) {
    return switch (exit) {
      case RETURNS_TRUE -> true;
      case FALLS_THROUGH, RETURNS_NONE -> !intent.hasElse() || intent.elseRaises();
      case CONTINUES, BREAKS -> intent.elseRaises();
      case RETURNS_FALLBACK -> false;
    };
  }

  /**
   * Whether a handler body is nothing but pass / continue / break / a docstring, and returns of
   * constants.
   */
  private static boolean onlySwallows(List<Stmt> body, HandlerIntent intent) {
    if (intent.onlyPassOrControl()) {
      return true;
    }
    if (!intent.returnsConstant()) {
      return false;
    }
    for (Stmt s : body) {
      boolean trivial =
          switch (s) {
            case Ast.Pass p -> true;
            case Ast.Continue c -> true;
            case Ast.Break b -> true;
            case Ast.Return r -> true; // of a constant: intent.returnsConstant()
            case Ast.ExprStmt e -> e.value() instanceof Ast.Constant; // docstring or "..."
            default -> false;
          };
      if (!trivial) {
        return false;
      }
    }
    return true;
  }
}
