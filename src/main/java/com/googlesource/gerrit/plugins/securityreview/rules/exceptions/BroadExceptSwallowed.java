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
              "Every failure in the `try` block, programming errors and lost OVSDB connections"
                  + " included, disappears without a trace, and Neutron and the OVN databases drift"
                  + " apart silently.")
          .fix(
              "Catch the specific exceptions you expect, or at least log the error"
                  + " (`LOG.exception(...)` or `LOG.debug(...)` with the exception).")
          .doc(
              """
              ## What it does

              Flags `except Exception:` and `except BaseException:` clauses (also a tuple that
              contains one of them) whose body does nothing but `pass`, `continue`, `break`,
              `return` or `return` of a constant (`None`, `False`, `[]`, ...). It stays silent when
              the handler does anything else: logs (any logging call), re-raises, uses
              `excutils.save_and_reraise_exception()`, sets a flag, or uses the exception. Bare
              `except:` is OVN601's; a broad handler in an ML2 `*_precommit` / `*_postcommit` hook
              is OVN603's (one comment per handler). Test code is not checked (Neutron's own Ruff
              setup ignores S110 in tests).

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
    HandlerIntent intent = ctx.semantic().intentOf(h);
    // An empty body is what error recovery leaves of a broken handler: nothing to judge.
    if (!intent.broad() || intent.empty() || !onlySwallows(h.body(), intent)) {
      return;
    }
    // In a commit hook OVN603 reports the same handler, with the stronger reason.
    if (CommitHookSwallows.isCommitHook(ctx.semantic().enclosingFunction(h))) {
      return;
    }
    ctx.report(
        this,
        HandlerIntent.header(h),
        "This broad `except` only " + whatItDoes(h.body(), ctx) + ", so the error is lost.",
        null);
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

  private static String whatItDoes(List<Stmt> body, RuleContext ctx) {
    return switch (body.getLast()) {
      case Ast.Continue c -> "continues";
      case Ast.Break b -> "breaks out of the loop";
      case Ast.Return r ->
          r.value() == null || ctx.semantic().isNone(r.value())
              ? "returns None"
              : "returns a constant";
      default -> "passes";
    };
  }
}
