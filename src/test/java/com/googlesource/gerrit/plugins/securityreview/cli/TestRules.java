package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.List;

/**
 * Rules of the CLI tests, so that they do not depend on which OVN rules exist:
 *
 * <ul>
 *   <li>TST100 {@code danger()}: medium/high, Bandit B602, Ruff S603
 *   <li>TST101 {@code risky()}: high/medium, with a fix that calls {@code safe()} instead
 *   <li>TST102 {@code meh()}: low/low
 *   <li>TST200 {@code hidden()}: off by default
 *   <li>TST900 {@code boom()}: throws an {@link AssertionError}, as a buggy rule might
 * </ul>
 */
final class TestRules {
  private TestRules() {}

  static RuleMeta meta(
      String id, Severity s, Confidence c, boolean on, String bandit, String ruff) {
    return com.googlesource.gerrit.plugins.securityreview.engine.TestRuleMeta.of(
        id, s, c, on, bandit, ruff);
  }

  /** Flags calls of one function; optionally offers to call {@code safe} instead. */
  static final class CallRule extends Rule {
    private final String callee;
    private final boolean fix;

    CallRule(RuleMeta meta, String callee, boolean fix) {
      super(meta);
      this.callee = callee;
      this.fix = fix;
      on(Ast.Call.class, this::visitCall);
    }

    private void visitCall(Ast.Call call, RuleContext ctx) {
      if (callee.equals(ctx.callName(call))) {
        if (callee.equals("boom")) {
          // An Error, not a RuntimeException: the engine may shield the CLI from the latter.
          throw new AssertionError("boom");
        }
        if (fix) {
          ctx.report(
              this,
              call,
              "Call of `" + callee + "`.",
              new Fix("Call safe() instead", List.of(ctx.replace(call.func(), "safe"))));
        } else {
          ctx.report(this, call, "Call of `" + callee + "`.");
        }
      }
    }
  }

  static List<Rule> all() {
    return List.of(
        new SyntaxErrorRule(),
        new CallRule(
            meta("TST100", Severity.MEDIUM, Confidence.HIGH, true, "B602", "S603"),
            "danger",
            false),
        new CallRule(
            meta("TST101", Severity.HIGH, Confidence.MEDIUM, true, null, null), "risky", true),
        new CallRule(meta("TST102", Severity.LOW, Confidence.LOW, true, null, null), "meh", false),
        new CallRule(
            meta("TST200", Severity.HIGH, Confidence.HIGH, false, "B605", "S605"), "hidden", false),
        new CallRule(
            meta("TST900", Severity.LOW, Confidence.LOW, true, null, null), "boom", false));
  }
}
