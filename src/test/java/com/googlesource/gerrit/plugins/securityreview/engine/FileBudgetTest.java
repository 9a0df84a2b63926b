package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A file whose analysis runs out of time, or whose worker is interrupted, stops and says so. */
class FileBudgetTest {
  private static final String PATH = "neutron/agent/linux/big.py";

  /** One function of many flagged calls: each line draws a PY1xx finding. */
  private static byte[] manyFindings(int lines) {
    StringBuilder b = new StringBuilder("import subprocess\n\n\ndef run(cmd):\n");
    for (int i = 0; i < lines; i++) {
      b.append("    subprocess.call(cmd + '").append(i).append("', shell=True)\n");
    }
    return b.toString().getBytes(UTF_8);
  }

  private static Engine engine(Duration budget) {
    return new Engine(Rules.all(), EngineOptions.defaults().withFileBudget(budget));
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void exceededBudget_stopsWithAFindingThatSaysWhereAndWhy() {
    FileResult r =
        engine(Duration.ofMillis(3)).analyze(PATH, manyFindings(40_000), ChangedLines.ALL);

    assertThat(r.diagnostics()).hasSize(1);
    String why = r.diagnostics().get(0).message();
    assertThat(why).contains("review stopped at line");
    assertThat(why).contains("time budget of 3 ms");
    Finding stopped =
        r.findings().stream().filter(f -> f.ruleId().equals("SR001")).findFirst().orElseThrow();
    assertThat(stopped.message()).startsWith("Not fully checked: review stopped at line");
    assertThat(stopped.line()).isEqualTo(r.diagnostics().get(0).line());
    // What was found before the stop is kept; the rest of the file was not reached.
    long found = r.findings().stream().filter(f -> !f.ruleId().equals("SR001")).count();
    assertThat(found).isLessThan(40_000);
    assertThat(
            r.findings().stream()
                .filter(f -> !f.ruleId().equals("SR001"))
                .allMatch(f -> f.line() <= stopped.line()))
        .isTrue();
  }

  @Test
  void interruptedWorker_stopsAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    FileResult r =
        engine(Duration.ofMinutes(1)).analyze(PATH, manyFindings(2_000), ChangedLines.ALL);

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).message()).contains("the review was interrupted");
  }

  @Test
  void defaultBudget_checksARealSizedFileWhole() {
    FileResult r =
        engine(EngineOptions.DEFAULT_FILE_BUDGET)
            .analyze(PATH, manyFindings(2_000), ChangedLines.ALL);

    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.findings().stream().filter(f -> f.line() == 2_004).count()).isAtLeast(1);
  }

  @Test
  void budgetMustBePositive() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> EngineOptions.defaults().withFileBudget(Duration.ZERO));
  }
}
