package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.Run;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of long scans: on a terminal only, rewritten in place, cleared at the end. */
class ProgressLineTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, UTF_8);
  private long now = 1_000_000_000L;

  private ProgressLine line(boolean terminal, int total) {
    ProgressLine line = new ProgressLine(err, terminal, () -> now);
    line.total(total);
    return line;
  }

  private String printed() {
    return bytes.toString(UTF_8);
  }

  private void advanceMillis(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void onATerminal_showsFilesDoneOfTotalAndElapsed_rewrittenInPlace_atMostFiveTimesASecond() {
    ProgressLine p = line(true, 1000);
    assertThat(printed()).isEqualTo("\rsecurity-review: 0 of 1000 files, 0s");
    p.fileDone();
    advanceMillis(100);
    p.fileDone();
    assertThat(printed()).isEqualTo("\rsecurity-review: 0 of 1000 files, 0s");
    advanceMillis(1400);
    p.fileDone();
    assertThat(printed())
        .isEqualTo(
            "\rsecurity-review: 0 of 1000 files, 0s" + "\rsecurity-review: 3 of 1000 files, 1s");
  }

  /**
   * Files checked while the walk was still finding more count, and are shown once the total is
   * known, even when no file is left to check.
   */
  @Test
  void filesDoneBeforeTheTotalIsKnown_count_andAreDrawnWithTheTotal() {
    ProgressLine p = new ProgressLine(err, true, () -> now);
    p.fileDone();
    p.fileDone();
    assertThat(printed()).isEmpty();
    p.total(1000);
    assertThat(printed()).isEqualTo("\rsecurity-review: 2 of 1000 files, 0s");
    p.fileDone();
    assertThat(printed()).isEqualTo("\rsecurity-review: 2 of 1000 files, 0s");
    advanceMillis(200);
    p.fileDone();
    assertThat(printed())
        .isEqualTo(
            "\rsecurity-review: 2 of 1000 files, 0s" + "\rsecurity-review: 4 of 1000 files, 0s");
  }

  @Test
  void close_clearsTheLine_soThatWhatFollowsStartsClean() {
    ProgressLine p = line(true, 301);
    p.fileDone();
    p.close();
    String shown = "security-review: 0 of 301 files, 0s";
    String cleared = "\r" + shown + "\r" + " ".repeat(shown.length()) + "\r";
    assertThat(printed()).isEqualTo(cleared);
    p.close();
    assertThat(printed()).isEqualTo(cleared);
  }

  @Test
  void notOnATerminal_orAShortScan_printsNothing() {
    ProgressLine notTerminal = line(false, 5000);
    ProgressLine shortScan = line(true, ProgressLine.MIN_FILES);
    for (int i = 0; i < 5000; i++) {
      notTerminal.fileDone();
      advanceMillis(300);
    }
    for (int i = 0; i < ProgressLine.MIN_FILES; i++) {
      shortScan.fileDone();
      advanceMillis(300);
    }
    notTerminal.close();
    shortScan.close();
    assertThat(printed()).isEmpty();
  }

  @Test
  void elapsed_inSeconds_thenMinutesAndSeconds() {
    assertThat(ProgressLine.line(3, 7, TimeUnit.MILLISECONDS.toNanos(59_999)))
        .isEqualTo("security-review: 3 of 7 files, 59s");
    assertThat(ProgressLine.line(3, 7, TimeUnit.SECONDS.toNanos(65)))
        .isEqualTo("security-review: 3 of 7 files, 1m05s");
    assertThat(ProgressLine.line(3, 7, TimeUnit.SECONDS.toNanos(3600)))
        .isEqualTo("security-review: 3 of 7 files, 60m00s");
  }

  // ---------------------------------------------------------------- scan

  private void files(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      Files.writeString(tmp.resolve(String.format("m%04d.py", i)), "x = 1\n", UTF_8);
    }
    Files.writeString(tmp.resolve("m0000.py"), "danger()\n", UTF_8);
  }

  @Test
  void scan_onATerminal_ofMoreThanMinFiles_showsProgressOnStderr_andClearsItBeforeTheReport()
      throws IOException {
    files(ProgressLine.MIN_FILES + 1);

    Run r = ScanTesting.scanOnTerminal(TestRules.all(), tmp, "--format", "json");

    assertThat(r.status()).isEqualTo(1);
    // The line is drawn as soon as the walk is complete (files done during the walk count, and may
    // be all of them); then at most five lines a second, the last one cleared.
    Pattern progress =
        Pattern.compile(
            "\\r"
                + "security-review: \\d+ of 301 files, \\d+s(\\r"
                + "security-review: \\d+ of 301 files, \\d+s)*\\r"
                + " +\\r");
    assertWithMessage(r.err()).that(progress.matcher(r.err()).matches()).isTrue();
    // The report on stdout is untouched.
    assertThat(r.out()).startsWith("{");
    assertThat(r.out()).doesNotContain("\r");
  }

  @Test
  void scan_notOnATerminal_orOfFewFiles_showsNoProgress() throws IOException {
    files(ProgressLine.MIN_FILES + 1);
    Run notTerminal = ScanTesting.scan(TestRules.all(), tmp);
    assertThat(notTerminal.status()).isEqualTo(1);
    assertThat(notTerminal.err()).isEmpty();

    Files.delete(tmp.resolve("m0300.py"));
    Run shortScan = ScanTesting.scanOnTerminal(TestRules.all(), tmp);
    assertThat(shortScan.summary()).startsWith("300 files scanned");
    assertThat(shortScan.err()).isEmpty();
  }
}
