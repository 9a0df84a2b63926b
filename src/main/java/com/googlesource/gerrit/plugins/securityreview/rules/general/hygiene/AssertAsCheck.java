package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/** PY404: an access or validation check written as an {@code assert}. */
public final class AssertAsCheck extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY404")
          .name("assert-as-check")
          .title("Access or validation check written as `assert`")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.LOW)
          .family(Family.HYGIENE)
          .bandit("B101")
          .ruff("S101")
          .why(
              "`python -O` removes every assert, and with it the check: the request then goes"
                  + " through as if it had passed.")
          .fix(
              "Test the condition with `if` and raise the matching exception"
                  + " (`n_exc.NotAuthorized`, `n_exc.InvalidInput`, ...).")
          .doc(
              """
              ## What it does

              Flags `assert` statements in production code that check what a caller gives: in a
              public function or method (of a public class), a part of the condition tests the
              content of a parameter other than `self`, and the condition or message speaks of
              access, ownership or validation (names, attributes, keys or message words such as
              `is_admin`, `tenant_id`, `project_id`, `owner`, `user`, `role`, `policy`,
              `permission`, `allowed`, `authorized`, `token`, `signature`,
              `valid`/`validate`/`verified`).

              Not flagged here: parts that only narrow a type or check presence (`x is not None`,
              `isinstance(x, T)`, a bare `x`), asserts on what the function computed itself or on
              `self`, asserts in private functions and at module level: they state the code's own
              invariants. Every other production assert is PY405's (off by default). Test code is not checked: asserts are how tests check, and Neutron's Ruff
              configuration ignores S101 there too.

              Its confidence is low, so it comments without voting or opening an unresolved thread:
              on the calibration corpus (18 OpenStack repositories, `tools/ecosystem/`) 1 of its 7
              findings was a defect, 1 a false positive and 5 debatable (constructor invariants).

              ## Why it matters

              Ruff S101 and Bandit B101 flag every `assert`, which in code that uses asserts for
              internal invariants is mostly noise. An assert that guards who may do what, or that
              input is valid, is a real defect: deployments that run with `-O` (or `PYTHONOPTIMIZE`)
              lose the check without a trace. Splitting the two lets this one vote while PY405 only
              comments; `# noqa: S101` and `# nosec B101` waive both.

              ## Example

              ```python
              def delete_port_forwarding(self, context, fip_id, pf_id):
                  fip = self._get_fip(context, fip_id)
                  assert context.is_admin or fip.project_id == context.project_id
                  self._delete(context, pf_id)
              ```

              ## Use instead

              ```python
              def delete_port_forwarding(self, context, fip_id, pf_id):
                  fip = self._get_fip(context, fip_id)
                  if not (context.is_admin or fip.project_id == context.project_id):
                      raise n_exc.NotAuthorized()
                  self._delete(context, pf_id)
              ```

              ## References

              - Bandit B101: assert_used <https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html>
              - Ruff S101: assert <https://docs.astral.sh/ruff/rules/assert/>
              - Python: the assert statement <https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement>
              - CWE-617: Reachable Assertion <https://cwe.mitre.org/data/definitions/617.html>
              """)
          .build();

  public AssertAsCheck() {
    super(META);
    on(Ast.Assert.class, this::visitAssert);
  }

  private void visitAssert(Ast.Assert a, RuleContext ctx) {
    if (AssertChecks.looksLikeCheck(a, ctx.semantic())) {
      ctx.report(
          this,
          AssertChecks.assertKeyword(a),
          "This assert checks access or input and disappears under `python -O`.",
          null);
    }
  }
}
