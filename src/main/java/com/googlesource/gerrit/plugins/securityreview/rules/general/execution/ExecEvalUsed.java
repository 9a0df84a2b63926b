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
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Scope;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Set;

/** PY101: the {@code eval} and {@code exec} builtins. */
public final class ExecEvalUsed extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY101")
          .name("exec-eval-used")
          .title("`eval()` or `exec()` runs a string as Python code")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.EXECUTION)
          .bandit("B102,B307")
          .ruff("S102,S307")
          .why(
              "Whoever controls the string controls the neutron-server or agent process: a value"
                  + " from an API request, a config option or an OVN row becomes code.")
          .fix(
              "Parse data with `ast.literal_eval()`, `json.loads()` or `int()`, or look the"
                  + " callable up in an explicit mapping.")
          .doc(
              """
              ## What it does

              Flags calls of the builtins `eval()` and `exec()` (also spelled `builtins.eval`).
              Silent: `ast.literal_eval()`, methods that happen to be called `eval` on other objects
              (`model.eval()`, `redis.eval(script)`, `sympy.sympify(...).eval()`), an `eval` or
              `exec` that the file defines, assigns or imports itself (then it is not the builtin),
              `eval` of a name's `__name__` (`eval(cls.__name__)`: an identifier the code itself
              defines, looked up the long way; `globals()[...]` would do), and test code.

              A template string (`t"..."`, Python 3.14), also through a name bound to it, is not
              code: it makes a `string.templatelib.Template`, which `eval()` and `exec()` refuse
              with a TypeError, so it stays silent. Code that turns a Template into text itself (a
              helper joining its `strings` and `values`) is beyond what one file shows.

              ## Why it matters

              `eval()` and `exec()` run arbitrary Python with the privileges of the process; in
              Neutron that is the API server with database credentials or an agent that holds root
              through privsep. OpenStack code has no need for them: data is parsed
              (`ast.literal_eval`, `jsonutils`), callables are looked up
              (`importutils.import_class`, a dict of handlers). Bandit reports them as B102
              (exec_used) and B307 (eval), Ruff as S102 and S307; we flag the same builtin calls,
              every one of them, since even a literal argument is code that should simply be written
              out.

              ## Example

              ```python
              def _parse_mapping(value):
                  # "physnet1:br-ex" or "{'physnet1': 'br-ex'}"
                  return eval(value)
              ```

              ## Use instead

              ```python
              import ast

              def _parse_mapping(value):
                  return ast.literal_eval(value)
              ```

              ## References

              - Bandit B102: exec_used <https://bandit.readthedocs.io/en/latest/plugins/b102_exec_used.html>
              - Bandit B307: eval <https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b307-eval>
              - Ruff S102: exec-builtin <https://docs.astral.sh/ruff/rules/exec-builtin/>
              - Ruff S307: suspicious-eval-usage <https://docs.astral.sh/ruff/rules/suspicious-eval-usage/>
              - CWE-95: Eval Injection <https://cwe.mitre.org/data/definitions/95.html>
              """)
          .build();

  private static final Set<String> BUILTINS =
      Set.of("eval", "exec", "builtins.eval", "builtins.exec");

  public ExecEvalUsed() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String name = ctx.callName(call);
    if (name == null || !BUILTINS.contains(name)) {
      return;
    }
    String builtin = name.substring(name.lastIndexOf('.') + 1);
    if (call.func() instanceof Name n && isShadowed(ctx.semantic(), n)) {
      return;
    }
    Expr code = RuleContext.argument(call, 0, "source");
    if (code != null
        && (isCodeIdentifier(ctx.semantic(), code) || isTemplate(ctx.semantic(), code))) {
      return;
    }
    String what =
        code == null
            ? "its argument"
            : isStringLiteral(code) ? "a literal string" : "`" + ctx.text(code) + "`";
    ctx.report(this, call, "`" + builtin + "()` runs " + what + " as Python code.");
  }

  /**
   * Whether the name is bound in the scope the call resolves it to (a parameter, an assignment, a
   * nested def of an enclosing function, or the module): then it is not the builtin.
   */
  private static boolean isShadowed(SemanticModel model, Name name) {
    Scope scope = model.resolvingScope(name);
    return scope == null || !model.bindings(scope, name.id()).isEmpty();
  }

  /**
   * The {@code __name__} (or {@code __qualname__}) of a class, function or module, also through a
   * name bound to it: an identifier of the program itself, not data.
   */
  private static boolean isCodeIdentifier(SemanticModel model, Expr code) {
    return model.resolve(code) instanceof Ast.Attribute a
        && (a.attr().equals("__name__") || a.attr().equals("__qualname__"));
  }

  /**
   * A template string, also through a name bound to it: a {@code string.templatelib.Template} is
   * not a string, so {@code eval()} and {@code exec()} refuse it with a TypeError and run nothing.
   */
  private static boolean isTemplate(SemanticModel model, Expr code) {
    return model.resolve(code) instanceof Ast.TemplateStr;
  }

  private static boolean isStringLiteral(Expr e) {
    return e instanceof Ast.Constant c && (c.isString() || c.value() instanceof Ast.Bytes);
  }
}
