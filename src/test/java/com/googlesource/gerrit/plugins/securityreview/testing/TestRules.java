package com.googlesource.gerrit.plugins.securityreview.testing;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the engine and CLI tests, so that they do not depend on which OVN rules exist:
 *
 * <ul>
 *   <li>TST100 {@code danger()}: medium/high, Bandit B602, Ruff S603 ({@link #DANGER})
 *   <li>TST101 {@code risky()}: high/medium, with a fix that calls {@code safe()} instead
 *   <li>TST102 {@code meh()}: low/low
 *   <li>TST200 {@code hidden()}: off by default, Bandit B605, Ruff S605 ({@link #HIDDEN})
 *   <li>TST900 {@code boom()}: throws an {@link AssertionError}, as a buggy rule might
 * </ul>
 *
 * <p>{@link #withCrashingRule()} adds TST901 {@code crash()}, which throws a {@link
 * NullPointerException}.
 */
public final class TestRules {
  private TestRules() {}

  public static RuleMeta meta(
      String id, Severity s, Confidence c, boolean on, String bandit, String ruff) {
    return TestRuleMeta.of(id, s, c, on, bandit, ruff);
  }

  /**
   * Flags every call of the function named {@code callee} (imports resolved); optionally offers to
   * call {@code safe} instead. A call of {@code boom} throws instead of being reported.
   */
  public static final class CallRule extends Rule {
    private final String callee;
    private final boolean offersFix;

    public CallRule(RuleMeta meta, String callee) {
      this(meta, callee, false);
    }

    public CallRule(RuleMeta meta, String callee, boolean offersFix) {
      super(meta);
      this.callee = callee;
      this.offersFix = offersFix;
      on(Ast.Call.class, this::visitCall);
    }

    private void visitCall(Ast.Call call, RuleContext ctx) {
      if (!callee.equals(ctx.callName(call))) {
        return;
      }
      if (callee.equals("boom")) {
        // An Error, not a RuntimeException: the engine may shield the CLI from the latter.
        throw new AssertionError("boom");
      }
      if (offersFix) {
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

  /** TST100: {@code danger()}, medium/high, on, Bandit B602, Ruff S603. */
  public static final Rule DANGER =
      new CallRule(
          meta("TST100", Severity.MEDIUM, Confidence.HIGH, true, "B602", "S603"), "danger");

  /** TST200: {@code hidden()}, high/high, off by default, Bandit B605, Ruff S605. */
  public static final Rule HIDDEN =
      new CallRule(meta("TST200", Severity.HIGH, Confidence.HIGH, false, "B605", "S605"), "hidden");

  /** The CLI tests' rules: the syntax error rule and those listed above. */
  public static List<Rule> all() {
    return List.of(
        new SyntaxErrorRule(),
        DANGER,
        new CallRule(
            meta("TST101", Severity.HIGH, Confidence.MEDIUM, true, null, null), "risky", true),
        new CallRule(meta("TST102", Severity.LOW, Confidence.LOW, true, null, null), "meh"),
        HIDDEN,
        new CallRule(meta("TST900", Severity.LOW, Confidence.LOW, true, null, null), "boom"));
  }

  /**
   * {@link #all()} and TST901 {@code crash()}: throws a NullPointerException, as a rule with a bug
   * might (a RuntimeException, which the engine contains as a rule failure).
   */
  public static List<Rule> withCrashingRule() {
    List<Rule> rules = new ArrayList<>(all());
    rules.add(
        new Rule(meta("TST901", Severity.LOW, Confidence.LOW, true, null, null)) {
          {
            on(Ast.Call.class, this::visitCall);
          }

          private void visitCall(Ast.Call call, RuleContext ctx) {
            if ("crash".equals(ctx.callName(call))) {
              throw new NullPointerException("rule bug");
            }
          }
        });
    return rules;
  }
}
