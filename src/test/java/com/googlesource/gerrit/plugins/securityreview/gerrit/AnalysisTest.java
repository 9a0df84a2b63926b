package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.ChangedFile;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** What a review says and votes when a rule throws on a file of the patch set. */
public class AnalysisTest {
  private static final ProjectSettings SETTINGS = ProjectSettings.defaults("Security-Review");

  private static Analysis analyze(String source) {
    ChangedFile file = new ChangedFile("pkg/a.py", source.getBytes(UTF_8), ChangedLines.ALL, null);
    PatchSetFiles files = new PatchSetFiles(List.of(file), List.of(), false, Set.of("pkg/a.py"));
    return Analysis.of(
        new Engine(TestRules.withCrashingRule(), SETTINGS.engineOptions()), files, SETTINGS);
  }

  @Test
  public void ruleThatThrows_isNamedInTheSummary_andTheReviewIsIncomplete() {
    Analysis a = analyze("x = 1\ncrash()\n");
    assertThat(a.findings()).isEmpty();
    assertThat(a.syntaxErrors()).isEmpty();
    assertThat(a.internalErrors()).hasSize(1);
    // Not a clean file: nobody knows what the failed rule would have found.
    assertThat(a.vote()).isEqualTo((short) 0);
    assertThat(a.complete("pkg/a.py")).isFalse();
    String summary =
        ReviewBuilder.summary(
            a, 1, new ReviewBuilder.Counts(0, 0, 0, 0), ReviewBuilder.Unposted.NONE, 10);
    assertThat(summary).contains("the review is incomplete");
    assertThat(summary)
        .contains(
            "Internal errors (a rule failed; its findings in that statement are missing):\n"
                + "* pkg/a.py: internal error in rule TST901 at line 2:"
                + " java.lang.NullPointerException: rule bug at ");
    assertThat(summary).doesNotContain("Syntax errors");
  }

  @Test
  public void ruleThatThrows_theOtherFindingsStillCount() {
    Analysis a = analyze("crash()\ndanger()\n");
    assertThat(a.findings()).hasSize(1);
    assertThat(a.findings().get(0).ruleId()).isEqualTo("TST100");
    assertThat(a.vote()).isEqualTo(SETTINGS.voteOnFindings());
  }

  @Test
  public void cleanFile_votesClean() {
    Analysis a = analyze("x = 1\n");
    assertThat(a.internalErrors()).isEmpty();
    assertThat(a.vote()).isEqualTo(SETTINGS.voteOnClean());
    assertThat(
            ReviewBuilder.summary(
                a, 1, new ReviewBuilder.Counts(0, 0, 0, 0), ReviewBuilder.Unposted.NONE, 10))
        .doesNotContain("Internal errors");
  }
}
