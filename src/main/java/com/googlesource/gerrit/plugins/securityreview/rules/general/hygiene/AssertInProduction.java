package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/** PY405: any other {@code assert} in production code. */
public final class AssertInProduction extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY405")
          .name("assert-in-production")
          .title("`assert` in production code")
          .severity(Severity.LOW)
          .confidence(Confidence.LOW)
          .family(Family.HYGIENE)
          .offByDefault()
          .bandit("B101")
          .ruff("S101")
          .why("`python -O` removes asserts, so the code after it must not rely on the condition.")
          .fix(
              "Raise an exception when the condition matters at run time; otherwise drop the assert"
                  + " or add `# noqa: S101` with the reason.")
          .doc(
              """
              ## What it does

              Flags every `assert` statement in production code that PY404 does not already flag as
              an access or validation check, `assert False` markers and type narrowing (`assert
              isinstance(...)`) included, as Ruff S101 does. Test code is not checked (Neutron's
              Ruff configuration ignores S101 in tests).

              ## Why it matters

              Off by default. Most production asserts guard internal invariants (a global set up at
              start, a type for mypy), not security: on Nova's tree every one of the 21 asserts is
              of that kind, and none would earn a review comment. The asserts that matter, access
              and validation checks, are PY404's, which is on. Projects that enforce Ruff's S101
              everywhere, as Neutron does, can turn this rule on to hear about the rest at review
              time rather than from the pep8 job; severity and confidence are low, so it never
              counts towards the vote.

              ## Example

              ```python
              def _get_chassis_physnets(self, chassis):
                  assert chassis is not None
                  return chassis.external_ids.get("ovn-bridge-mappings", "")
              ```

              ## Use instead

              ```python
              def _get_chassis_physnets(self, chassis):
                  if chassis is None:
                      raise ValueError("chassis is required")
                  return chassis.external_ids.get("ovn-bridge-mappings", "")
              ```

              ## References

              - Bandit B101: assert_used <https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html>
              - Ruff S101: assert <https://docs.astral.sh/ruff/rules/assert/>
              - Python: the assert statement <https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement>
              """)
          .build();

  public AssertInProduction() {
    super(META);
    on(Ast.Assert.class, this::visitAssert);
  }

  private void visitAssert(Ast.Assert a, RuleContext ctx) {
    if (!AssertChecks.looksLikeCheck(a, ctx.semantic())) {
      ctx.report(
          this, AssertChecks.assertKeyword(a), "This assert disappears under `python -O`.", null);
    }
  }
}
