package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.googlesource.gerrit.plugins.securityreview.testing.FileResultSubject.assertThat;
import static com.googlesource.gerrit.plugins.securityreview.testing.FileResultSubject.ids;
import static com.googlesource.gerrit.plugins.securityreview.testing.FindingSubject.assertThat;
import static com.googlesource.gerrit.plugins.securityreview.testing.TestRules.DANGER;
import static com.googlesource.gerrit.plugins.securityreview.testing.TestRules.HIDDEN;
import static com.googlesource.gerrit.plugins.securityreview.testing.TestRules.meta;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import com.googlesource.gerrit.plugins.securityreview.testing.PartStrings;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules.CallRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's own behaviour: changed-line filtering, thresholds, rule selection, path globs,
 * suppressions, syntax errors and hostile content. Uses made-up rules ({@link TestRules}, and calls
 * of its own for the thresholds), so that it does not depend on which OVN rules exist.
 */
class EngineTest {

  static final Rule LOW_SEV =
      new CallRule(meta("TST301", Severity.LOW, Confidence.HIGH, true, null, null), "low_call");
  static final Rule MED_MED =
      new CallRule(
          meta("TST302", Severity.MEDIUM, Confidence.MEDIUM, true, null, null), "med_call");
  static final Rule HIGH_LOWCONF =
      new CallRule(meta("TST303", Severity.HIGH, Confidence.LOW, true, null, null), "high_call");

  static final List<Rule> ALL =
      List.of(new SyntaxErrorRule(), DANGER, HIDDEN, LOW_SEV, MED_MED, HIGH_LOWCONF);

  private static FileResult analyze(EngineOptions options, String source, ChangedLines changed) {
    return new Engine(ALL, options).analyze("pkg/mod.py", source.getBytes(UTF_8), changed);
  }

  private static FileResult analyze(String source) {
    return analyze(EngineOptions.defaults(), source, ChangedLines.ALL);
  }

  private static ChangedLines lines(int... singleLines) {
    List<int[]> ranges = new ArrayList<>();
    for (int l : singleLines) {
      ranges.add(new int[] {l, l});
    }
    return ChangedLines.of(ranges);
  }

  // ---------------------------------------------------------------- findings

  @Test
  void finding_hasPositionInCharacters_andMessageWithWhyAndFix() {
    // 'é' is two UTF-8 bytes: CPython's byte column 11 is character column 10.
    FileResult r = analyze("s = \"é\"; danger()\n");
    assertThat(r).onlyFinding().hasRule("TST100");
    Finding f = r.findings().get(0);
    assertThat(f.path()).isEqualTo("pkg/mod.py");
    assertThat(f).spans(1, 9, 1, 17);
    assertThat(f).hasMessage("Call of `danger`. It matters. Do something else.");
    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.title()).isEqualTo("Test rule TST100");
    assertThat(f.category()).isEqualTo("PY4xx templates, assertions, permissions and debug hooks");
    assertThat(r.parsed()).isTrue();
  }

  @Test
  void findings_areSortedByPosition_andImportsAreResolved() {
    FileResult r = analyze("from lib import danger as d\nlow_call(); danger()\nd()\nmed_call()\n");
    // d() resolves to lib.danger, which is not the name the rule looks for.
    assertThat(r).hasFindings("TST301@2", "TST100@2", "TST302@4");
  }

  // ---------------------------------------------------------------- changed lines

  private static final String MULTI_LINE = "x = 1\ndanger(\n    1,\n)\ny = 2\n";

  @Test
  void changedLines_keepFindingWhoseRangeTouchesAChangedLine() {
    EngineOptions o = EngineOptions.defaults();
    for (int changed : new int[] {2, 3, 4}) {
      FileResult r = analyze(o, MULTI_LINE, lines(changed));
      assertWithMessage("line %s changed", changed).that(ids(r)).containsExactly("TST100@2");
      assertThat(r.unchanged()).isEqualTo(0);
    }
  }

  @Test
  void changedLines_dropFindingOnUnchangedLines_andCountIt() {
    EngineOptions o = EngineOptions.defaults();
    FileResult r = analyze(o, MULTI_LINE, lines(5, 1));
    assertThat(r).hasNoFindings();
    assertThat(r.unchanged()).isEqualTo(1);

    r = analyze(o, MULTI_LINE, ChangedLines.of(List.of()));
    assertThat(r).hasNoFindings();
    assertThat(r.unchanged()).isEqualTo(1);

    r = analyze(o, MULTI_LINE, ChangedLines.ALL);
    assertThat(r).hasFindings("TST100@2");
  }

  @Test
  void changedLines_overlaps() {
    ChangedLines c =
        ChangedLines.of(List.of(new int[] {20, 25}, new int[] {3, 3}, new int[] {8, 10}));
    assertThat(c.overlaps(3, 3)).isTrue();
    assertThat(c.overlaps(1, 2)).isFalse();
    assertThat(c.overlaps(4, 7)).isFalse();
    assertThat(c.overlaps(5, 8)).isTrue();
    assertThat(c.overlaps(10, 12)).isTrue();
    assertThat(c.overlaps(11, 19)).isFalse();
    assertThat(c.overlaps(1, 100)).isTrue();
    assertThat(c.overlaps(26, 30)).isFalse();
    assertThat(c.isEmpty()).isFalse();
    assertThat(ChangedLines.of(List.of()).isEmpty()).isTrue();
    assertThat(ChangedLines.ALL.overlaps(1_000_000, 1_000_000)).isTrue();
  }

  // ---------------------------------------------------------------- thresholds

  private static final String THREE = "low_call()\nmed_call()\nhigh_call()\n";

  @Test
  void thresholds_defaultKeepsEverything() {
    FileResult r = analyze(THREE);
    assertThat(r).hasFindings("TST301@1", "TST302@2", "TST303@3");
    assertThat(r.belowThreshold()).isEqualTo(0);
  }

  @Test
  void thresholds_minSeverity() {
    EngineOptions o = EngineOptions.defaults().withThresholds(Severity.MEDIUM, Confidence.LOW);
    FileResult r = analyze(o, THREE, ChangedLines.ALL);
    assertThat(r).hasFindings("TST302@2", "TST303@3");
    assertThat(r.belowThreshold()).isEqualTo(1);

    o = EngineOptions.defaults().withThresholds(Severity.HIGH, Confidence.LOW);
    assertThat(analyze(o, THREE, ChangedLines.ALL)).hasFindings("TST303@3");
  }

  @Test
  void thresholds_minConfidence() {
    EngineOptions o = EngineOptions.defaults().withThresholds(Severity.LOW, Confidence.MEDIUM);
    FileResult r = analyze(o, THREE, ChangedLines.ALL);
    assertThat(r).hasFindings("TST301@1", "TST302@2");
    assertThat(r.belowThreshold()).isEqualTo(1);
  }

  @Test
  void thresholds_both() {
    EngineOptions o = EngineOptions.defaults().withThresholds(Severity.MEDIUM, Confidence.MEDIUM);
    FileResult r = analyze(o, THREE, ChangedLines.ALL);
    assertThat(r).hasFindings("TST302@2");
    assertThat(r.belowThreshold()).isEqualTo(2);
  }

  @Test
  void severityAndConfidence_parse() {
    assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
    assertThat(Severity.parse("critical")).isNull();
    assertThat(Severity.parse(null)).isNull();
    assertThat(Confidence.parse("MEDIUM")).isEqualTo(Confidence.MEDIUM);
    assertThat(Confidence.parse("")).isNull();
  }

  // ---------------------------------------------------------------- rule selection

  @ParameterizedTest
  @ValueSource(strings = {"TST100", "tst100", "B602", "b602", "S603", " S603 "})
  void disabled_byOurIdBanditIdOrRuffCode(String id) {
    EngineOptions o = EngineOptions.defaults().withRules(Set.of(id), Set.of());
    Engine engine = new Engine(ALL, o);
    assertThat(engine.rules()).doesNotContain(DANGER);
    FileResult r = engine.analyze("a.py", "danger()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(r).hasNoFindings();
    assertThat(r.suppressed()).isEqualTo(0);
    assertThat(r.belowThreshold()).isEqualTo(0);
  }

  @Test
  void disabled_otherIdKeepsRule() {
    EngineOptions o = EngineOptions.defaults().withRules(Set.of("B601", "S602", "TST10"), Set.of());
    assertThat(analyze(o, "danger()\n", ChangedLines.ALL)).hasFindings("TST100@1");
  }

  @Test
  void offByDefault_runsOnlyWhenEnabled() {
    assertThat(new Engine(ALL, EngineOptions.defaults()).rules()).doesNotContain(HIDDEN);
    assertThat(analyze("hidden()\n")).hasNoFindings();
    for (String id : List.of("TST200", "b605", "S605")) {
      EngineOptions o = EngineOptions.defaults().withRules(Set.of(), Set.of(id));
      assertWithMessage(id)
          .that(ids(analyze(o, "hidden()\n", ChangedLines.ALL)))
          .containsExactly("TST200@1");
    }
  }

  @Test
  void disableWinsOverEnable() {
    EngineOptions o = EngineOptions.defaults().withRules(Set.of("S605"), Set.of("TST200"));
    assertThat(new Engine(ALL, o).rules()).doesNotContain(HIDDEN);
  }

  @Test
  void enablingARuleThatIsOnChangesNothing() {
    EngineOptions o = EngineOptions.defaults().withRules(Set.of(), Set.of("TST100"));
    assertThat(new Engine(ALL, o).rules())
        .containsExactlyElementsIn(new Engine(ALL, EngineOptions.defaults()).rules());
  }

  // ---------------------------------------------------------------- globs

  @Test
  void defaultInclude_matchesPythonFilesAtAnyDepth_includingTopLevel() {
    EngineOptions o = EngineOptions.defaults();
    assertThat(o.accepts("setup.py")).isTrue();
    assertThat(o.accepts("./setup.py")).isTrue();
    assertThat(o.accepts("neutron/plugins/ml2/drivers/ovn/mech_driver/mech_driver.py")).isTrue();
    assertThat(o.accepts("neutron\\common\\ovn\\acl.py")).isTrue();
    assertThat(o.accepts("/abs/path/x.py")).isTrue();
    assertThat(o.accepts("x.pyc")).isFalse();
    assertThat(o.accepts("x.py.orig")).isFalse();
    assertThat(o.accepts("README.rst")).isFalse();
    assertThat(o.accepts("bin/neutron-ovn-db-sync-util")).isFalse();
  }

  @Test
  void exclude_testsFolderAtAnyDepth() {
    EngineOptions o =
        EngineOptions.defaults()
            .withPaths(List.of(PathGlob.of("**/*.py")), List.of(PathGlob.of("**/tests/**")));
    assertThat(o.accepts("neutron/tests/unit/ml2/test_mech_driver.py")).isFalse();
    assertThat(o.accepts("tests/test_x.py")).isFalse();
    assertThat(o.accepts("./tests/test_x.py")).isFalse();
    assertThat(o.accepts("neutron/tests_helper.py")).isTrue();
    assertThat(o.accepts("neutron/contests/x.py")).isTrue();
    assertThat(o.accepts("neutron/common/ovn/utils.py")).isTrue();
  }

  @Test
  void globs_singleStarStaysInOneFolder_questionMarkIsOneCharacter() {
    assertThat(PathGlob.of("*.py").matches("setup.py")).isTrue();
    assertThat(PathGlob.of("*.py").matches("a/setup.py")).isFalse();
    assertThat(PathGlob.of("neutron/*/x.py").matches("neutron/a/x.py")).isTrue();
    assertThat(PathGlob.of("neutron/*/x.py").matches("neutron/a/b/x.py")).isFalse();
    assertThat(PathGlob.of("neutron/**").matches("neutron/a/b/x.py")).isTrue();
    assertThat(PathGlob.of("test_?.py").matches("test_a.py")).isTrue();
    assertThat(PathGlob.of("test_?.py").matches("test_ab.py")).isFalse();
    assertThat(PathGlob.of("a.b").matches("aXb")).isFalse();
    assertThat(PathGlob.of("[ab].py").matches("[ab].py")).isTrue();
  }

  @Test
  void emptyInclude_acceptsEverythingNotExcluded() {
    EngineOptions o =
        EngineOptions.defaults().withPaths(List.of(), List.of(PathGlob.of("**/*.txt")));
    assertThat(o.accepts("bin/tool")).isTrue();
    assertThat(o.accepts("docs/notes.txt")).isFalse();
  }

  // ---------------------------------------------------------------- suppressions

  @ParameterizedTest
  @ValueSource(
      strings = {
        "# nosec",
        "#nosec",
        "# nosec B602",
        "# nosec: B602,B603",
        "# nosec B603, B602",
        "# nosec TST100",
        "# noqa: S603",
        "# NOQA:S603",
        "# noqa: E501,S603",
        "# noqa: E501 S603",
        "# security-review: ignore[TST100]",
        "# security-review: ignore[OVN601, TST100]",
        "# security-review: ignore[S603]",
        "# security-review: ignore",
        "# pylint: disable=W0703  # nosec",
      })
  void suppressedBy(String comment) {
    FileResult r = analyze("danger()  " + comment + "\n");
    assertWithMessage(comment).that(r.findings()).isEmpty();
    assertWithMessage(comment).that(r.suppressed()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "# noqa",
        "# noqa E501",
        "# noqa: E501",
        "# nosec B603",
        "# nosec: B101,B603",
        "# security-review: ignore[OVN601]",
        "# security-review: ignore[TST1000]",
        "# noqa: S6031",
        "# nosecurity",
        "# see nosecret",
      })
  void notSuppressedBy(String comment) {
    FileResult r = analyze("danger()  " + comment + "\n");
    assertWithMessage(comment).that(ids(r)).containsExactly("TST100@1");
    assertWithMessage(comment).that(r.suppressed()).isEqualTo(0);
  }

  @Test
  void suppression_onFirstOrLastLineOfMultiLineFinding() {
    assertThat(analyze("danger(  # nosec B602\n    1,\n)\n").suppressed()).isEqualTo(1);
    assertThat(analyze("danger(\n    1,\n)  # nosec B602\n").suppressed()).isEqualTo(1);
    // A line in the middle is neither: the comment belongs to the argument.
    FileResult middle = analyze("danger(\n    1,  # nosec B602\n)\n");
    assertThat(middle).hasFindings("TST100@1");
  }

  @Test
  void suppression_onlyAffectsItsOwnLine() {
    FileResult r = analyze("danger()  # nosec\ndanger()\n");
    assertThat(r).hasFindings("TST100@2");
    assertThat(r.suppressed()).isEqualTo(1);
  }

  @Test
  void suppression_insideAStringIsNoComment() {
    FileResult r = analyze("danger('# nosec')\n");
    assertThat(r).hasFindings("TST100@1");
  }

  @Test
  void suppressedFindingOnUnchangedLine_countsAsUnchanged() {
    FileResult r = analyze(EngineOptions.defaults(), "x = 1\ndanger()  # nosec\n", lines(1));
    assertThat(r.suppressed()).isEqualTo(0);
    assertThat(r.unchanged()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- syntax errors

  private static final String BROKEN =
      "import os\ndanger()\n\n\ndef f(:\n    pass\n\n\nmed_call()\n";

  @Test
  void syntaxError_isAnSr001Finding_andRulesStillRunOnWhatParsed() {
    FileResult r = analyze(BROKEN);
    assertThat(r.parsed()).isFalse();
    assertThat(r.diagnostics()).isNotEmpty();
    List<String> ids = ids(r);
    assertThat(ids).contains("SR001@5");
    assertThat(ids).contains("TST100@2");
    assertThat(ids).contains("TST302@9");
    Finding sr = r.findings().stream().filter(f -> f.ruleId().equals("SR001")).findFirst().get();
    assertThat(sr.severity()).isEqualTo(Severity.LOW);
    assertThat(sr.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(sr.message()).startsWith("Syntax error: ");
  }

  @Test
  void syntaxError_belowSeverityThreshold_isNotReported() {
    EngineOptions o = EngineOptions.defaults().withThresholds(Severity.MEDIUM, Confidence.LOW);
    FileResult r = analyze(o, BROKEN, ChangedLines.ALL);
    assertThat(ids(r)).doesNotContain("SR001@5");
    assertThat(r.belowThreshold()).isAtLeast(1);
  }

  @Test
  void syntaxError_onUnchangedLine_isNotReported() {
    FileResult r = analyze(EngineOptions.defaults(), BROKEN, lines(2));
    assertThat(r).hasFindings("TST100@2");
  }

  @Test
  void syntaxError_canBeSuppressed() {
    FileResult r = analyze("x = (1,  # security-review: ignore[SR001]\n");
    assertThat(r).hasNoFindings();
    assertThat(r.suppressed()).isEqualTo(1);
  }

  /**
   * Engine bug: SR001 is reported even when it is disabled ({@code --disable SR001}, or a project's
   * disabled rules), because the engine adds it whatever the options say.
   */
  @Test
  void syntaxError_disabled_isNotReported() {
    EngineOptions o = EngineOptions.defaults().withRules(Set.of("SR001"), Set.of());
    FileResult r = analyze(o, BROKEN, ChangedLines.ALL);
    assertThat(ids(r)).doesNotContain("SR001@5");
    assertThat(ids(r)).contains("TST100@2");
  }

  /**
   * A rule with a bug: it reports every {@code danger()} call and throws on every {@code bad()}
   * call, in the walk and, when asked to, at the end of the file.
   */
  private static Rule buggy(boolean failAtEnd) {
    return new Rule(meta("TST902", Severity.MEDIUM, Confidence.HIGH, true, null, null)) {
      {
        on(Ast.Call.class, this::visitCall);
      }

      private void visitCall(Ast.Call call, RuleContext ctx) {
        String name = ctx.callName(call);
        if ("bad".equals(name)) {
          throw new NullPointerException("rule bug");
        }
        if ("danger".equals(name)) {
          ctx.report(this, call, "Call of danger.");
        }
      }

      @Override
      public void endFile(RuleContext ctx) {
        if (failAtEnd) {
          throw new IllegalStateException("end of file bug");
        }
      }
    };
  }

  /**
   * A rule that throws is an internal error naming the rule, not a syntax error of the file; the
   * other rules do not notice, and the failing rule goes on with the next statement.
   */
  @Test
  void failingRule_losesOnlyTheStatement_andIsAnInternalErrorNotSr001() {
    Engine engine =
        new Engine(List.of(new SyntaxErrorRule(), buggy(false), DANGER), EngineOptions.defaults());
    String source =
        """
        bad()
        danger()
        def f():
            x = bad(danger())
            danger()
        danger()
        """;
    FileResult r = engine.analyze("a.py", source.getBytes(UTF_8), ChangedLines.ALL);
    // TST902 lost only line 4, the statement it failed in; TST100 lost nothing.
    assertThat(ids(r))
        .containsExactly(
            "TST100@2", "TST902@2", "TST100@4", "TST100@5", "TST902@5", "TST100@6", "TST902@6");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.parsed()).isTrue();
    assertThat(r.complete()).isFalse();
    assertThat(r.ruleFailures()).hasSize(1);
    RuleFailure failure = r.ruleFailures().get(0);
    assertThat(failure.ruleId()).isEqualTo("TST902");
    assertThat(failure.line()).isEqualTo(1);
    assertThat(failure.times()).isEqualTo(2);
    assertThat(failure.error()).startsWith("java.lang.NullPointerException: rule bug at ");
    assertThat(failure.error()).contains("EngineTest");
    assertThat(failure.describe())
        .startsWith("internal error in rule TST902 at line 1 (and 1 more): ");
  }

  @Test
  void ruleFailingAtEndOfFile_keepsItsFindings_andIsAnInternalError() {
    Engine engine = new Engine(List.of(buggy(true), DANGER), EngineOptions.defaults());
    FileResult r = engine.analyze("a.py", "danger()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(ids(r)).containsExactly("TST100@1", "TST902@1");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.ruleFailures()).hasSize(1);
    assertThat(r.ruleFailures().get(0).error())
        .startsWith("java.lang.IllegalStateException: end of file bug at ");
  }

  /**
   * A defect of the tokenizer or parser loses the statement it is in, and is said as what it is: an
   * internal error (exit 2 in the CLI, a line in the review), not a syntax error of valid code.
   */
  @Test
  void frontEndDefect_losesOnlyItsStatement_andIsAnInternalErrorNotSr001() {
    Engine engine =
        new Engine(
            List.of(new SyntaxErrorRule(), DANGER),
            EngineOptions.defaults(),
            content -> {
              ParseResult parsed = PythonParser.parse(content);
              Diagnostic defect =
                  new Diagnostic(2, 0, "internal tokenizer error: java.lang.Error: bug", true);
              return new ParseResult(
                  parsed.module(), parsed.source(), List.of(defect), parsed.comments());
            });
    FileResult r =
        engine.analyze("a.py", "danger()\n\ndanger()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(ids(r)).containsExactly("TST100@1", "TST100@3");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.complete()).isFalse();
    assertThat(r.ruleFailures()).hasSize(1);
    assertThat(r.ruleFailures().get(0).ruleId()).isEqualTo(RuleFailure.PARSER);
    assertThat(r.ruleFailures().get(0).describe())
        .isEqualTo(
            "internal error in the parser at line 2: internal tokenizer error: java.lang.Error:"
                + " bug; that statement was not checked");
  }

  /** Outside every rule's guard the engine still never throws: the file is said to be unchecked. */
  @Test
  void defectOutsideTheRules_isAnInternalErrorOfTheEngine_notAnException() {
    Engine engine =
        new Engine(
            List.of(DANGER),
            EngineOptions.defaults(),
            content -> {
              ParseResult parsed = PythonParser.parse(content);
              // Comments the suppressions cannot read: a stand-in for any defect of ours there.
              return new ParseResult(parsed.module(), parsed.source(), parsed.diagnostics(), null);
            });
    FileResult r = engine.analyze("a.py", "danger()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(r.findings()).isEmpty();
    assertThat(r.complete()).isFalse();
    assertThat(r.ruleFailures()).hasSize(1);
    assertThat(r.ruleFailures().get(0).describe())
        .startsWith("internal error in the engine at line 1: java.lang.NullPointerException");
    assertThat(r.ruleFailures().get(0).describe()).endsWith("; the file was not checked");
  }

  /** A rule that overflows the stack (deep recursion on odd code) fails like any other. */
  @Test
  void ruleOverflowingTheStack_isAnInternalError_andTheOthersGoOn() {
    Rule deep =
        new Rule(meta("TST903", Severity.LOW, Confidence.LOW, true, null, null)) {
          {
            on(Ast.Call.class, (call, ctx) -> recurse(0));
          }

          private int recurse(int n) {
            return recurse(n + 1) + 1;
          }
        };
    Engine engine = new Engine(List.of(deep, DANGER), EngineOptions.defaults());
    FileResult r = engine.analyze("a.py", "danger()\ndanger()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(ids(r)).containsExactly("TST100@1", "TST100@2");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.ruleFailures()).hasSize(1);
    assertThat(r.ruleFailures().get(0).times()).isEqualTo(2);
  }

  /** The f-string tokenizer crash once emptied the module: every finding of the file was lost. */
  @Test
  void fstringBackslashAtEndOfFile_keepsTheFindingsBefore() {
    FileResult r = analyze("danger()\nmed_call()\nf\"\\");
    assertThat(ids(r)).containsExactly("TST100@1", "TST302@2", "SR001@3");
    assertThat(r.diagnostics().get(0).message())
        .isEqualTo("unterminated f-string literal (detected at line 3)");
  }

  /**
   * CPython 3.13 gives up on a 1.5 million term sum (RecursionError while building its tree); our
   * parser reads it, so the file is checked, on the default stack of a Gerrit thread.
   */
  @Test
  void longSum_isNoSyntaxError_andTheFileIsChecked() throws InterruptedException {
    String source = "danger()\nx = " + "a + ".repeat(1_500_000) + "a\nmed_call()\n";
    assertCheckedWithoutDiagnostics(source, 512 * 1024);
  }

  /**
   * CPython accepts a few thousand nested unary operators; so do we, and the file is checked on the
   * default stack of a Gerrit thread.
   */
  @Test
  void longUnaryChain_isNoSyntaxError_andTheFileIsChecked() throws InterruptedException {
    String source = "danger()\nx = " + "not ".repeat(2980) + "-".repeat(2980) + "a\nmed_call()\n";
    assertCheckedWithoutDiagnostics(source, 1024 * 1024);
  }

  /**
   * Analyzes {@code source} on a thread of the given stack size: no diagnostic, and the findings of
   * the first and last lines (around the long line) are reported.
   */
  private void assertCheckedWithoutDiagnostics(String source, long stackSize)
      throws InterruptedException {
    AtomicReference<FileResult> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> result.set(analyze(source)), "small-stack", stackSize);
    t.start();
    t.join();
    FileResult r = result.get();
    assertThat(r).isNotNull();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(ids(r)).containsExactly("TST100@1", "TST302@3");
  }

  // ---------------------------------------------------------------- hostile content

  @Test
  void binaryAndUndecodableContent_neverThrows() {
    Random random = new Random(42);
    List<byte[]> inputs = new ArrayList<>();
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    inputs.add(all);
    for (int i = 0; i < 20; i++) {
      byte[] noise = new byte[1 + random.nextInt(4096)];
      random.nextBytes(noise);
      inputs.add(noise);
    }
    inputs.add(new byte[0]);
    inputs.add(new byte[] {0, 0, 0, 0});
    inputs.add(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    inputs.add("danger()\n".getBytes(StandardCharsets.UTF_16));
    inputs.add("s = 'caf\u00e9'\ndanger()\n".getBytes(StandardCharsets.ISO_8859_1));
    inputs.add("# -*- coding: no-such-codec -*-\ndanger()\n".getBytes(UTF_8));
    inputs.add(
        "# -*- coding: latin-1 -*-\ns = '\u00e9'\ndanger()\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    inputs.add(new byte[] {'x', '=', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '\n'});
    inputs.add(new byte[] {'x', '=', '"', (byte) 0xe2, (byte) 0x82, '\n'});
    inputs.add("danger()\r\nx = 1\rdanger()\n".getBytes(UTF_8));
    inputs.add("\u0000danger()\n".getBytes(UTF_8));
    inputs.add("x = '😀'; danger()  # nosec B603\n".getBytes(UTF_8));
    Engine engine = new Engine(ALL, EngineOptions.defaults());
    for (byte[] input : inputs) {
      FileResult r = engine.analyze("bin.py", input, ChangedLines.ALL);
      assertThat(r).isNotNull();
      assertThat(r.path()).isEqualTo("bin.py");
      for (Finding f : r.findings()) {
        assertThat(f.line()).isAtLeast(1);
        assertThat(f.col()).isAtLeast(0);
      }
    }
  }

  @Test
  void latin1WithCodingDeclaration_isChecked() {
    byte[] src =
        "# -*- coding: latin-1 -*-\ns = '\u00e9'\ndanger()\n".getBytes(StandardCharsets.ISO_8859_1);
    FileResult r = new Engine(ALL, EngineOptions.defaults()).analyze("l.py", src, ChangedLines.ALL);
    assertThat(r).hasFindings("TST100@3");
  }

  @Test
  void astralCharacters_countTwoUtf16Units() {
    FileResult r = analyze("x = '😀'; danger()\n");
    // x = '😀';  -> 'x',' ','=',' ',''', 2 units, ''', ';', ' ' = 10 units before danger.
    assertThat(r).onlyFinding().isAt(1, 10);
  }

  @Test
  void deeplyNestedSource_neverThrows() throws Exception {
    String deep = "danger(" + "(".repeat(50_000) + "1" + ")".repeat(50_000) + ")\n";
    assertThat(DeepStack.call("deep", () -> analyze(deep))).isInstanceOf(FileResult.class);
  }

  // ---------------------------------------------------------------- test paths

  @ParameterizedTest
  @ValueSource(
      strings = {
        "neutron/tests/unit/ml2/test_mech_driver.py",
        "neutron/tests/functional/base.py",
        "tests/x.py",
        "test/x.py",
        "test_foo.py",
        "pkg/test_foo.py",
        "pkg/foo_test.py",
        "pkg/foo_tests.py",
        "dashboards/users/tests.py",
        "pkg/test.py",
        "conftest.py",
        "pkg/conftest.py",
        "dashboards/ports/tests.py",
        "pkg/test.py",
        "neutron\\tests\\unit\\x.py",
      })
  void isTestPath_true(String path) {
    assertThat(Engine.isTestPath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "neutron/plugins/ml2/drivers/ovn/mech_driver/mech_driver.py",
        "neutron/common/ovn/acl.py",
        "pkg/mytests/x.py",
        "pkg/latest/x.py",
        "pkg/attest_x.py",
        "pkg/contest.py",
        "pkg/testing.py",
        "pkg/latests.py",
        "setup.py",
      })
  void isTestPath_false(String path) {
    assertThat(Engine.isTestPath(path)).isFalse();
  }

  /** The test-path pattern as a regular expression said it before string code took over. */
  private static final java.util.regex.Pattern TEST_PATH_AS_REGEX =
      java.util.regex.Pattern.compile(
          "(^|.*/)(tests?/.*|test_[^/]*\\.py|[^/]*_tests?\\.py|tests?\\.py|conftest\\.py)$");

  @Test
  void isTestPath_agreesWithThePatternItReplaced() {
    String[] parts = {
      "test",
      "tests",
      "test_",
      "_test",
      "_tests",
      ".py",
      "conf",
      "conftest.py",
      "x",
      "latest",
      "",
      "/",
      "/",
      "\\",
      "_",
      "py",
      "t",
      "est"
    };
    for (String p : PartStrings.of(parts, 7, 200_000, 18)) {
      assertWithMessage(p)
          .that(Engine.isTestPath(p))
          .isEqualTo(TEST_PATH_AS_REGEX.matcher(p.replace('\\', '/')).matches());
    }
  }

  @Test
  void ruleContext_knowsTestFiles() {
    AtomicReference<Boolean> seen = new AtomicReference<>();
    Rule probe =
        new Rule(meta("TST900", Severity.LOW, Confidence.LOW, true, null, null)) {

          @Override
          public boolean checksTestCode() {
            return true;
          }

          @Override
          public void endFile(RuleContext ctx) {
            seen.set(ctx.isTestFile());
          }
        };
    Engine engine = new Engine(List.of(probe), EngineOptions.defaults());
    engine.analyze("neutron/tests/unit/test_x.py", new byte[0], ChangedLines.ALL);
    assertThat(seen.get()).isTrue();
    engine.analyze("neutron/common/ovn/utils.py", new byte[0], ChangedLines.ALL);
    assertThat(seen.get()).isFalse();
  }

  @Test
  void rulesSkipTestCodeUnlessTheyAskForIt() {
    AtomicReference<String> seen = new AtomicReference<>();
    Rule probe =
        new Rule(meta("TST901", Severity.LOW, Confidence.LOW, true, null, null)) {

          @Override
          public void endFile(RuleContext ctx) {
            seen.set(ctx.path());
          }
        };
    Engine engine = new Engine(List.of(probe), EngineOptions.defaults());
    engine.analyze("neutron/tests/unit/test_x.py", new byte[0], ChangedLines.ALL);
    assertThat(seen.get()).isNull();
    engine.analyze("neutron/common/ovn/utils.py", new byte[0], ChangedLines.ALL);
    assertThat(seen.get()).isEqualTo("neutron/common/ovn/utils.py");
  }

  @Test
  void perFileState_doesNotLeakBetweenFiles() {
    List<Integer> counts = new ArrayList<>();
    Rule counter =
        new Rule(meta("TST901", Severity.LOW, Confidence.LOW, true, null, null)) {
          {
            on(Node.class, this::visitNode);
          }

          private void visitNode(Node node, RuleContext ctx) {
            if (node instanceof Ast.Call) {
              ctx.state(this, () -> new int[1])[0]++;
            }
          }

          @Override
          public void endFile(RuleContext ctx) {
            counts.add(ctx.state(this, () -> new int[1])[0]);
          }
        };
    Engine engine = new Engine(List.of(counter), EngineOptions.defaults());
    engine.analyze("a.py", "f()\ng()\n".getBytes(UTF_8), ChangedLines.ALL);
    engine.analyze("b.py", "f()\n".getBytes(UTF_8), ChangedLines.ALL);
    assertThat(counts).containsExactly(2, 1).inOrder();
  }
}
