package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ExceptHandler;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.HandlerIntent;

/** OVN601: a bare {@code except:} clause. */
public final class BareExcept extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN601")
          .name("bare-except")
          .title("Bare `except:` catches everything, including SystemExit and KeyboardInterrupt")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.EXCEPTION_HANDLING)
          .ruff("E722")
          .why(
              "It also catches SystemExit, KeyboardInterrupt and GreenletExit, so an agent or a"
                  + " maintenance thread cannot be stopped, and errors in OVN sync paths vanish.")
          .fix("Catch the exceptions you expect, or `Exception` and log it.")
          .doc(
              """
              ## What it does

              Flags `except:` clauses that name no exception type and do not re-raise on every
              path, in test code too: there it also catches the `AssertionError` of a failing
              check and turns the test green. Raising another exception in its place is flagged
              as well: a `KeyboardInterrupt` that turns into a `ValueError` no longer stops
              anything.

              It stays silent when the handler ends by re-raising what it caught (a bare
              `raise`, `raise` of the name it binds, or a `with
              excutils.save_and_reraise_exception():` block) and nothing leaves it earlier
              (`return`, or `break` / `continue` of a loop around it): such a handler swallows
              nothing. A bare `# noqa` on the `except:` line is the author's acknowledgement of
              pycodestyle's E722 for this clause and silences it too.

              ## Why it matters

              A bare `except:` catches `BaseException`: `SystemExit`, `KeyboardInterrupt` and
              eventlet's `GreenletExit` included. In the OVN driver that turns a shutdown into a
              hang and hides the errors of NB/SB synchronisation, so the databases drift apart from
              Neutron's without a trace in the logs.

              ## Example

              ```python
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except:
                  pass
              ```

              ## Use instead

              ```python
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except idlutils.RowNotFound:
                  LOG.debug("Port %s already gone from the NB", port_id)
              ```

              ## References

              - PEP 8, Programming Recommendations <https://peps.python.org/pep-0008/#programming-recommendations>
              - CWE-396: Declaration of Catch for Generic Exception <https://cwe.mitre.org/data/definitions/396.html>
              """)
          .build();

  @Override
  public boolean checksTestCode() {
    return true;
  }

  public BareExcept() {
    super(META);
    on(ExceptHandler.class, this::visit);
  }

  private void visit(ExceptHandler h, RuleContext ctx) {
    if (h.type() != null) {
      return; // not bare: the handler's intent, a walk of its try statement, is not needed
    }
    HandlerIntent intent = ctx.semantic().intentOf(h);
    // A handler that re-raises on every path lets SystemExit and KeyboardInterrupt through; a
    // bare `# noqa` on the clause is the author's acknowledgement of E722.
    if (!intent.bare() || intent.reraisesOnEveryPath() || intent.noqa()) {
      return;
    }
    // Only the "except:" keyword, not the whole handler body.
    ctx.report(
        this,
        HandlerIntent.header(h),
        intent.reraises()
            ? "Bare `except:` does not re-raise on every path: SystemExit, KeyboardInterrupt and"
                + " GreenletExit can end up swallowed or replaced by another exception."
            : "Bare `except:` swallows SystemExit, KeyboardInterrupt and GreenletExit too.",
        null);
  }
}
