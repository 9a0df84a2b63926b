package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ExceptHandler;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.List;

/** OVN601: a bare {@code except:} clause. */
public final class BareExcept extends Rule {
  static final RuleMeta META =
      new RuleMeta(
          "OVN601",
          "bare-except",
          "Bare `except:` catches everything, including SystemExit and KeyboardInterrupt",
          Severity.MEDIUM,
          Confidence.HIGH,
          "OVN6xx exception handling",
          true,
          null,
          "E722",
          "It also catches SystemExit, KeyboardInterrupt and GreenletExit, so an agent or a"
              + " maintenance thread cannot be stopped, and errors in OVN sync paths vanish.",
          "Catch the exceptions you expect, or `Exception` and log it.",
          new RuleMeta.Doc(
              "Flags `except:` clauses that name no exception type, in test code too: there it also"
                  + " catches the `AssertionError` of a failing check and turns the test green.",
              "A bare `except:` catches `BaseException`: `SystemExit`, `KeyboardInterrupt` and"
                  + " eventlet's `GreenletExit` included. In the OVN driver that turns a shutdown"
                  + " into a hang and hides the errors of NB/SB synchronisation, so the databases"
                  + " drift apart from Neutron's without a trace in the logs.",
              """
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except:
                  pass
              """,
              """
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except idlutils.RowNotFound:
                  LOG.debug("Port %s already gone from the NB", port_id)
              """,
              List.of(
                  "PEP 8, Programming Recommendations"
                      + " <https://peps.python.org/pep-0008/#programming-recommendations>",
                  "CWE-396: Declaration of Catch for Generic Exception"
                      + " <https://cwe.mitre.org/data/definitions/396.html>")));

  @Override
  public boolean checksTestCode() {
    return true;
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void visit(Node node, RuleContext ctx) {
    if (node instanceof ExceptHandler h && h.type() == null) {
      Ast.Loc l = h.loc();
      // Only the "except:" keyword line, not the whole handler body.
      Ast.Loc keyword = new Ast.Loc(l.line(), l.col(), l.line(), l.col() + 6);
      ctx.report(this, keyword, "Bare `except:`.", null);
    }
  }
}
