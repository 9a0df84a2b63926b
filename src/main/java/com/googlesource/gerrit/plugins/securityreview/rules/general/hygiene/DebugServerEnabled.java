package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Set;

/** PY407: a Flask app run with debug=True, or werkzeug's interactive debugger switched on. */
public final class DebugServerEnabled extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY407")
          .name("debug-server-enabled")
          .title("Web application served with the interactive debugger on")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.HYGIENE)
          .bandit("B201")
          .ruff("S201")
          .why(
              "werkzeug's debugger lets whoever reaches the error page run Python code in the"
                  + " service, with its credentials to the database and the message bus.")
          .fix(
              "Leave debug off in code that ships (`debug=False`, or from a configuration option"
                  + " that defaults to off).")
          .doc(
              """
              ## What it does

              Flags `<app>.run(debug=True)` in files that import `flask` (as Bandit does; Ruff needs
              the receiver to be assigned from `flask.Flask(...)`),
              `werkzeug.serving.run_simple(..., use_debugger=True)` unless `use_evalex` is `False`,
              and `werkzeug.debug.DebuggedApplication(..., evalex=True)`. `True` may be a name bound
              to `True` (a local or a module constant); values read from configuration are left
              alone. Test code is not checked.

              ## Why it matters

              The interactive debugger runs arbitrary code typed into the browser on any unhandled
              exception. OpenStack services are served by WSGI servers, so a debug switch in code
              that ships is either a leftover from local testing or a way into the control plane.

              ## Example

              ```python
              app = flask.Flask(__name__)

              def main():
                  app.run(host=CONF.bind_host, port=CONF.bind_port, debug=True)
              ```

              ## Use instead

              ```python
              app = flask.Flask(__name__)

              def main():
                  app.run(host=CONF.bind_host, port=CONF.bind_port, debug=CONF.debug)
              ```

              ## References

              - Bandit B201: flask_debug_true <https://bandit.readthedocs.io/en/latest/plugins/b201_flask_debug_true.html>
              - Ruff S201: flask-debug-true <https://docs.astral.sh/ruff/rules/flask-debug-true/>
              - Werkzeug: debugging applications <https://werkzeug.palletsprojects.com/en/stable/debug/>
              - CWE-94: Improper Control of Generation of Code <https://cwe.mitre.org/data/definitions/94.html>
              """)
          .build();

  public DebugServerEnabled() {
    super(META);
    // werkzeug's functions, and a Flask app's run() in a file that imports flask.
    onNamesFrom(Call.class, Set.of("werkzeug", "flask"), this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String name = model.callName(call);
    if ("werkzeug.serving.run_simple".equals(name)) {
      Expr debugger = RuleContext.argument(call, 5, "use_debugger");
      Expr evalex = RuleContext.keyword(call, "use_evalex");
      if (model.isTrue(debugger) && (evalex == null || !model.isFalsy(evalex))) {
        ctx.report(this, debugger, "`run_simple(...)` serves the interactive debugger.");
      }
      return;
    }
    if ("werkzeug.debug.DebuggedApplication".equals(name)) {
      Expr evalex = RuleContext.argument(call, 1, "evalex");
      if (model.isTrue(evalex)) {
        ctx.report(
            this, evalex, "`DebuggedApplication(...)` lets the browser run code in the service.");
      }
      return;
    }
    // Bandit's test: any app.run(debug=True) in a file that uses Flask.
    if (call.func() instanceof Ast.Attribute a && a.attr().equals("run")) {
      Expr debug = RuleContext.keyword(call, "debug");
      if (model.isTrue(debug) && model.importsModule("flask")) {
        ctx.report(this, debug, "The Flask app is run with `debug=True`.");
      }
    }
  }

  private static boolean isTrue(SemanticModel model, Expr e) {
    return e != null && model.isTrue(e);
  }
}
