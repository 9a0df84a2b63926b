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
import java.util.List;
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
              and test code.

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
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Call call)) {
      return;
    }
    String name = ctx.callName(call);
    if (name == null || !BUILTINS.contains(name)) {
      return;
    }
    String builtin = name.substring(name.lastIndexOf('.') + 1);
    if (!name.startsWith("builtins.") && isShadowed(ctx, builtin)) {
      return;
    }
    Expr code = RuleContext.argument(call, 0, "source");
    String what =
        code == null
            ? "its argument"
            : Origins.isStringLiteral(code) ? "a literal string" : "`" + ctx.text(code) + "`";
    ctx.report(this, call, "`" + builtin + "()` runs " + what + " as Python code.");
  }

  /**
   * Whether the name is bound in a scope the call sees: the module, or an enclosing function (a
   * parameter, an assignment, a nested def). A method called {@code eval} binds nothing there.
   */
  private static boolean isShadowed(RuleContext ctx, String name) {
    for (Node n : ctx.ancestors()) {
      if (n instanceof Ast.FunctionDef f && (binds(f.args(), name) || binds(f.body(), name))) {
        return true;
      }
      if (n instanceof Ast.AsyncFunctionDef f && (binds(f.args(), name) || binds(f.body(), name))) {
        return true;
      }
      if (n instanceof Ast.Lambda l && binds(l.args(), name)) {
        return true;
      }
    }
    return binds(ctx.module().body(), name);
  }

  private static boolean binds(Ast.Arguments args, String name) {
    boolean[] found = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node n) {
        if (n instanceof Ast.Arg a && a.arg().equals(name)) {
          found[0] = true;
        }
        return !(n instanceof Ast.Expr);
      }
    }.visit(args);
    return found[0];
  }

  /** Whether statements bind a name in their own scope (nested scopes are not entered). */
  private static boolean binds(List<Ast.Stmt> body, String name) {
    boolean[] found = {false};
    NodeVisitor v =
        new NodeVisitor() {
          @Override
          protected boolean enter(Node n) {
            switch (n) {
              case Ast.FunctionDef f -> found[0] |= f.name().equals(name);
              case Ast.AsyncFunctionDef f -> found[0] |= f.name().equals(name);
              case Ast.ClassDef c -> found[0] |= c.name().equals(name);
              case Ast.Name x when x.ctx() == Ast.ExprContext.Store ->
                  found[0] |= x.id().equals(name);
              default -> {}
            }
            return !found[0] && !NodeVisitor.opensScope(n);
          }
        };
    v.visitAll(body);
    return found[0];
  }
}
