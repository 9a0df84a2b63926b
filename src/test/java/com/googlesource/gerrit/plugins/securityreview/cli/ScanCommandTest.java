package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.Run;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.rules.RuleRobustnessTest;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan}: options, exit codes, the three formats and {@code --diff} on a real git repo. */
class ScanCommandTest {
  @TempDir Path tmp;

  private Run scanIn(Path cwd, String... args) {
    return scanWith(TestRules.all(), cwd, args);
  }

  private Run scanWith(List<Rule> rules, Path cwd, String... args) {
    return ScanTesting.scan(rules, cwd, args);
  }

  private Run scan(String... args) {
    return scanIn(tmp, args);
  }

  private Path write(String relative, String content) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, UTF_8);
    return p;
  }

  // ---------------------------------------------------------------- basics and text

  @Test
  void help() {
    Run r = scan("--help");
    assertThat(r.status()).isEqualTo(0);
    for (String option :
        List.of(
            "--format",
            "--diff",
            "--min-severity",
            "--min-confidence",
            "--disable",
            "--enable",
            "--include",
            "--exclude",
            "--list-rules")) {
      assertThat(r.out()).contains(option);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"--help"}, new PrintStream(out, true, UTF_8), System.err);
    assertThat(out.toString(UTF_8)).contains("scan [OPTIONS] [PATH...]");
  }

  @Test
  void defaultPathIsTheCurrentFolder_walkedSorted_hiddenFoldersAndOtherFilesSkipped()
      throws IOException {
    write("b.py", "danger()\n");
    write("a.py", "x = 1\ndanger()\n");
    write("pkg/c.py", "    \ndef f():\n    return danger()\n");
    write(".venv/lib/d.py", "danger()\n");
    write("pkg/.cache/e.py", "danger()\n");
    write("notes.txt", "danger()\n");
    write("bin/tool", "danger()\n");

    Run r = scan();

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    List<String> lines = r.findingLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo(
            "a.py:2:1: TST100 [medium/high] Call of `danger`. It matters. Do something else.");
    assertThat(lines.get(1)).startsWith("b.py:1:1: TST100 [medium/high] ");
    assertThat(lines.get(2)).startsWith("pkg/c.py:3:12: TST100 ");
    assertThat(r.summary()).startsWith("3 files scanned, 3 findings (high 0, medium 3, low 0), ");
    // Each finding names its rule's page; files are separated by a blank line, and the summary
    // follows a blank line.
    String see = "\n  see: java -jar security-review.jar rule TST100\n";
    assertThat(r.out())
        .startsWith(
            lines.get(0)
                + see
                + "\n"
                + lines.get(1)
                + see
                + "\n"
                + lines.get(2)
                + see
                + "\n"
                + r.summary());
  }

  @Test
  void cleanFiles_exit0() throws IOException {
    write("a.py", "x = 1\n");
    write("pkg/b.py", "def f():\n    return 2\n");
    Run r = scan(".");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.out())
        .matches(
            "2 files scanned, 0 findings \\(high 0, medium 0, low 0\\), 0 suppressed, 0 below"
                + " threshold, 0 files with syntax errors, \\d+ ms\nPredicted vote: .*\n");
  }

  @Test
  void pathsAreReportedAsGiven() throws IOException {
    write("pkg/sub/a.py", "danger()\n");
    assertThat(scan("pkg").findingLines().get(0)).startsWith("pkg/sub/a.py:1:1:");
    assertThat(scan("./pkg/").findingLines().get(0)).startsWith("pkg/sub/a.py:1:1:");
    assertThat(scan("pkg/sub/a.py").findingLines().get(0)).startsWith("pkg/sub/a.py:1:1:");
    String abs = tmp.resolve("pkg").toString();
    assertThat(scan(abs).findingLines().get(0)).startsWith(abs + "/sub/a.py:1:1:");
    // Relative to the current folder, even outside it.
    assertThat(scanIn(tmp.resolve("pkg/sub"), "..").findingLines().get(0))
        .startsWith("../sub/a.py:1:1:");
  }

  @Test
  void columnsAreOneBasedCharacters() throws IOException {
    write("a.py", "s = 'é'; danger()\n");
    assertThat(scan().findingLines().get(0)).startsWith("a.py:1:10: ");
  }

  @Test
  void summaryCountsSuppressedAndBelowThreshold() throws IOException {
    write("a.py", "danger()  # nosec\ndanger()  # noqa: S603\nmeh()\nrisky()\n");
    Run r = scan("--min-severity", "medium");
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.summary())
        .contains("1 finding (high 1, medium 0, low 0), 2 suppressed, 1 below threshold");
  }

  @Test
  void fileThatDoesNotParse_isAnSr001Finding() throws IOException {
    write("bad.py", "danger()\ndef f(:\n    pass\n");
    Run r = scan();
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.findingLines()).hasSize(2);
    assertThat(r.findingLines().get(1)).startsWith("bad.py:2:7: SR001 [low/high] Syntax error: ");
    assertThat(r.summary()).contains("1 file with syntax errors");

    // SR001 is of low severity: a medium threshold drops it.
    write("bad.py", "def f(:\n    pass\n");
    assertThat(scan("--min-severity=medium").status()).isEqualTo(0);
  }

  @Test
  void deeplyNestedFile_doesNotCrash() throws IOException {
    write("deep.py", "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n");
    write("z.py", "danger()\n");
    Run r = scan();
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("z.py:1:1: TST100");
  }

  @Test
  void binaryFile_isScannedWithoutError() throws IOException {
    Path p = tmp.resolve("blob.py");
    byte[] bytes = new byte[512];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    Files.write(p, bytes);
    Run r = scan();
    assertThat(r.status()).isNotEqualTo(2);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void internalErrorOnOneFile_isReported_othersStillChecked_exit2() throws IOException {
    write("a.py", "boom()\n");
    write("b.py", "danger()\n");
    Run r = scan();
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("a.py: internal error: java.lang.AssertionError: boom at ");
    assertThat(r.out()).contains("b.py:1:1: TST100");
    assertThat(r.summary()).contains("1 file not scanned (see errors)");
  }

  @Test
  void ruleThatThrows_isAnInternalError_restOfFileChecked_exit2() throws IOException {
    write("a.py", "crash()\ndanger()\n");
    write("b.py", "danger()\n");
    Run r = scanWith(TestRules.withCrashingRule(), tmp, "--min-severity", "medium");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "a.py: internal error in rule TST901 at line 1: java.lang.NullPointerException: rule"
                + " bug at ");
    assertThat(r.findingLines()).hasSize(2);
    assertThat(r.out()).contains("a.py:2:1: TST100");
    assertThat(r.out()).contains("b.py:1:1: TST100");
    assertThat(r.out()).doesNotContain("SR001");
    assertThat(r.summary()).contains("0 files with syntax errors");
    assertThat(r.summary()).contains("1 internal error (see errors)");
    assertThat(r.summary()).doesNotContain("not scanned");
  }

  @Test
  void ruleThatThrows_inJsonAndSarif() throws IOException {
    write("a.py", "danger()\n\ncrash()\n");
    Run json = scanWith(TestRules.withCrashingRule(), tmp, "--format", "json");
    assertThat(json.status()).isEqualTo(2);
    JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
    JsonArray errors = doc.getAsJsonArray("errors");
    assertThat(errors).hasSize(1);
    JsonObject e = errors.get(0).getAsJsonObject();
    assertThat(e.get("path").getAsString()).isEqualTo("a.py");
    assertThat(e.get("ruleId").getAsString()).isEqualTo("TST901");
    assertThat(e.get("line").getAsInt()).isEqualTo(3);
    assertThat(e.get("message").getAsString())
        .startsWith("internal error in rule TST901 at line 3");
    JsonObject summary = doc.getAsJsonObject("summary");
    assertThat(summary.get("internalErrors").getAsInt()).isEqualTo(1);
    assertThat(summary.get("filesNotScanned").getAsInt()).isEqualTo(0);
    assertThat(summary.get("filesWithSyntaxErrors").getAsInt()).isEqualTo(0);
    assertThat(summary.get("findings").getAsInt()).isEqualTo(1);

    Run sarif = scanWith(TestRules.withCrashingRule(), tmp, "--format", "sarif");
    assertThat(sarif.status()).isEqualTo(2);
    JsonObject run =
        JsonParser.parseString(sarif.out())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertThat(invocation.get("executionSuccessful").getAsBoolean()).isFalse();
    JsonObject note =
        invocation.getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject();
    assertThat(note.get("level").getAsString()).isEqualTo("error");
    JsonObject rule = note.getAsJsonObject("associatedRule");
    assertThat(rule.get("id").getAsString()).isEqualTo("TST901");
    int index = rule.get("index").getAsInt();
    JsonObject descriptor =
        run.getAsJsonObject("tool")
            .getAsJsonObject("driver")
            .getAsJsonArray("rules")
            .get(index)
            .getAsJsonObject();
    assertThat(descriptor.get("id").getAsString()).isEqualTo("TST901");
    JsonObject location =
        note.getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation");
    assertThat(location.getAsJsonObject("artifactLocation").get("uri").getAsString())
        .isEqualTo("a.py");
    assertThat(location.getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(3);
    assertThat(run.getAsJsonArray("results")).hasSize(1);
  }

  /**
   * {@code f"\} at the very end of a file made the tokenizer throw and the module come back empty:
   * nothing was checked, and under {@code --min-severity medium} the scan said all was well.
   */
  @Test
  void fstringBackslashAtEndOfFile_findingsBeforeItStillReported() throws IOException {
    Files.write(tmp.resolve("a.py"), "danger()\nf\"\\".getBytes(UTF_8));
    Run r = scan("--min-severity", "medium");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.out()).contains("a.py:1:1: TST100");
    assertThat(r.err()).isEmpty();
    Run all = scan();
    assertThat(all.out())
        .contains("a.py:2:1: SR001 [low/high] Syntax error: unterminated f-string");
  }

  /**
   * Code on which OVN602, OVN603 and PY301 once threw (see {@link RuleRobustnessTest}): with every
   * rule, the findings after it are reported and the exit status is that of the findings.
   */
  @Test
  void codeThatOnceCrashedRules_allFindingsReported_exitAsTheFindingsSay() throws IOException {
    write("driver.py", RuleRobustnessTest.COMPUTED_HANDLER_TYPES);
    write("client.py", RuleRobustnessTest.EMPTY_HANDLER_BODY);
    Run r = scanWith(Rules.all(), tmp, "--min-severity", "medium");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.findingLines().stream().map(l -> l.replaceAll(" \\[.*", "")))
        .containsExactly(
            "client.py:9:9: OVN602",
            "driver.py:20:9: OVN603",
            "driver.py:36:9: OVN602",
            "driver.py:42:28: PY301")
        .inOrder();
    assertThat(r.summary()).contains("1 file with syntax errors");
    assertThat(r.summary()).doesNotContain("internal error");
  }

  // ---------------------------------------------------------------- thresholds and rules

  @Test
  void minSeverity() throws IOException {
    write("a.py", "meh()\ndanger()\nrisky()\n");
    assertThat(scan().findingLines()).hasSize(3);
    assertThat(scan("--min-severity", "medium").findingLines()).hasSize(2);
    Run high = scan("--min-severity", "HIGH");
    assertThat(high.findingLines())
        .containsExactly(
            "a.py:3:1: TST101 [high/medium] Call of `risky`. It matters. Do something else.");
    assertThat(high.status()).isEqualTo(1);
    write("a.py", "meh()\ndanger()\n");
    assertThat(scan("--min-severity", "high").status()).isEqualTo(0);
  }

  @Test
  void minConfidence() throws IOException {
    write("a.py", "meh()\ndanger()\nrisky()\n");
    assertThat(scan("--min-confidence", "medium").findingLines()).hasSize(2);
    Run r = scan("--min-confidence=high");
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).contains("TST100");
  }

  @Test
  void badLevels_exit2() {
    Run r = scan("--min-severity", "critical");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--min-severity must be low, medium or high, not 'critical'");
    assertThat(r.err()).contains("scan --help");
    assertThat(scan("--min-confidence", "sure").status()).isEqualTo(2);
    assertThat(scan("--min-confidence").status()).isEqualTo(2);
  }

  @Test
  void disable_byOurIdBanditIdOrRuffCode_repeatableAndCommaSeparated() throws IOException {
    write("a.py", "danger()\nrisky()\nmeh()\n");
    for (String id : List.of("TST100", "b602", "S603")) {
      Run r = scan("--disable", id);
      assertWithMessage(id).that(r.findingLines()).hasSize(2);
      assertThat(r.out()).doesNotContain("TST100");
    }
    assertThat(scan("--disable", "TST100,TST101", "--disable=TST102").status()).isEqualTo(0);
  }

  @Test
  void enable_turnsOnRuleThatIsOffByDefault() throws IOException {
    write("a.py", "hidden()\n");
    assertThat(scan().status()).isEqualTo(0);
    for (String id : List.of("TST200", "B605", "s605")) {
      Run r = scan("--enable", id);
      assertWithMessage(id)
          .that(r.findingLines())
          .containsExactly(
              "a.py:1:1: TST200 [high/high] Call of `hidden`. It matters. Do something else.");
    }
  }

  @Test
  void unknownRuleId_warns_butBadIdSyntaxIsAnError() throws IOException {
    write("a.py", "x = 1\n");
    Run r = scan("--disable", "B999");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err()).contains("warning: --disable: no rule has the id B999");
    r = scan("--disable", "not-an-id");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'not-an-id' is not a rule id");
    assertThat(scan("--enable", ",").status()).isEqualTo(2);
  }

  @Test
  void listRules_text() {
    Run r = scan("--list-rules");
    assertThat(r.status()).isEqualTo(0);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .matches("ID +NAME +SEVERITY +CONFIDENCE +DEFAULT +BANDIT +RUFF +TITLE");
    assertThat(lines).hasSize(TestRules.all().size() + 1);
    assertThat(lines.get(1))
        .matches("SR001 +syntax-error +low +high +on +- +- +File does not parse as Python 3");
    assertThat(lines.get(2))
        .matches("TST100 +test-tst100 +medium +high +on +B602 +S603 +Test rule TST100");
    assertThat(lines.get(5))
        .matches("TST200 +test-tst200 +high +high +off +B605 +S605 +Test rule TST200");
  }

  @Test
  void listRules_json() {
    Run r = scan("--list-rules", "--format", "json", "--enable", "TST200", "--disable", "TST100");
    assertThat(r.status()).isEqualTo(0);
    JsonArray rules = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("rules");
    assertThat(rules.size()).isEqualTo(TestRules.all().size());
    JsonObject tst100 = rules.get(1).getAsJsonObject();
    assertThat(tst100.get("id").getAsString()).isEqualTo("TST100");
    assertThat(tst100.get("banditId").getAsString()).isEqualTo("B602");
    assertThat(tst100.get("enabledByDefault").getAsBoolean()).isTrue();
    assertThat(tst100.get("enabled").getAsBoolean()).isFalse();
    JsonObject tst200 = rules.get(4).getAsJsonObject();
    assertThat(tst200.get("enabledByDefault").getAsBoolean()).isFalse();
    assertThat(tst200.get("enabled").getAsBoolean()).isTrue();
    assertThat(rules.get(0).getAsJsonObject().get("ruffCode").isJsonNull()).isTrue();
  }

  // ---------------------------------------------------------------- globs

  @Test
  void exclude_testsFolders() throws IOException {
    write("neutron/tests/unit/test_a.py", "danger()\n");
    write("tests/test_b.py", "danger()\n");
    write("neutron/common/c.py", "danger()\n");
    Run r = scan("--exclude", "**/tests/**");
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).startsWith("neutron/common/c.py:");
    assertThat(scan("--exclude=**/tests/**", "--exclude", "neutron/common/*").status())
        .isEqualTo(0);
  }

  @Test
  void include_replacesTheDefault() throws IOException {
    write("a.py", "danger()\n");
    write("bin/tool", "danger()\n");
    write("b.pyw", "danger()\n");
    Run r = scan("--include", "bin/*", "--include", "*.pyw");
    assertThat(r.findingLines()).hasSize(2);
    assertThat(r.out()).contains("b.pyw:1:1");
    assertThat(r.out()).contains("bin/tool:1:1");
    assertThat(r.out()).doesNotContain("a.py:");
  }

  @Test
  void explicitFile_isCheckedWhateverItsName_butExcludeStillApplies() throws IOException {
    write("bin/tool", "danger()\n");
    assertThat(scan("bin/tool").findingLines()).hasSize(1);
    assertThat(scan("--exclude", "bin/**", "bin/tool").findingLines()).isEmpty();
  }

  @Test
  void fileNamedTwice_isCheckedOnce() throws IOException {
    write("a.py", "danger()\n");
    assertThat(scan("a.py", ".", "./a.py").findingLines()).hasSize(1);
  }

  /**
   * A file reached again through a link is checked once, under the path it is first reached by;
   * a linked folder is not followed inside a walk (this one would loop).
   */
  @Test
  void fileReachedThroughALink_isCheckedOnce() throws IOException {
    write("pkg/a.py", "danger()\n");
    write("pkg/sub/c.py", "danger()\n");
    Files.createSymbolicLink(tmp.resolve("pkg/b.py"), tmp.resolve("pkg/a.py"));
    Files.createSymbolicLink(tmp.resolve("pkg/sub/d.py"), tmp.resolve("pkg/sub/c.py"));
    Files.createSymbolicLink(tmp.resolve("pkg/loop"), tmp.resolve("pkg"));
    assertThat(paths(scan("pkg").findingLines())).containsExactly("pkg/a.py", "pkg/sub/c.py");
    assertThat(paths(scan("pkg/sub/d.py", "pkg").findingLines()))
        .containsExactly("pkg/sub/d.py", "pkg/a.py");
  }

  private static List<String> paths(List<String> findingLines) {
    return findingLines.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
  }

  @Test
  void noFiles_warns_exit0() throws IOException {
    write("docs/readme.txt", "x");
    Run r = scan("docs");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err()).contains("warning: no files to scan in docs");
  }

  /**
   * A folder below the path that cannot be read hides its files: the scan says so as an error and
   * exits 2, as {@code parse} does, after checking the rest. (Skipped where the user reads any
   * folder whatever its mode, such as root.)
   */
  @Test
  void unreadableSubfolder_isAnError_restStillChecked_exit2() throws IOException {
    write("pkg/ok.py", "danger()\n");
    Path locked = write("pkg/locked/hidden_from_us.py", "danger()\n").getParent();
    Files.setPosixFilePermissions(locked, Set.of());
    try {
      Assumptions.assumeFalse(
          Files.isReadable(locked), "this user reads folders whatever their permissions");
      Run r = scan("pkg");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("pkg/locked: cannot read: ");
      assertThat(r.out()).contains("pkg/ok.py:1:1: TST100");
      assertThat(r.summary()).contains("1 file not scanned (see errors)");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void fileBudget_aFileThatRunsOutIsReportedAsNotFullyChecked() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      big.append("danger()\n");
    }
    write("big.py", big.toString());
    Run r = scan("--file-budget", "0.000001", "big.py");
    assertThat(r.out()).contains("SR001");
    assertThat(r.out()).contains("review stopped at line");
    assertThat(r.out()).contains("time budget");

    assertThat(scan("--file-budget", "0", "big.py").err())
        .contains("--file-budget must be a positive number of seconds, not '0'");
  }

  // ---------------------------------------------------------------- usage errors

  @Test
  void usageErrors_exit2_withMessage() {
    Map<List<String>, String> cases =
        Map.of(
            List.of("--frobnicate"), "unknown option '--frobnicate'",
            List.of("--format", "xml"), "--format must be 'text', 'json' or 'sarif', not 'xml'",
            List.of("--format"), "--format needs a value",
            List.of("--diff="), "--diff needs a git ref",
            List.of("--diff", "--format"), "--format needs a value",
            List.of("--include", ""), "--include needs a glob",
            List.of("no/such/path.py"), "no such file or folder: no/such/path.py");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      Run r = scan(c.getKey().toArray(String[]::new));
      assertWithMessage(c.getKey().toString()).that(r.status()).isEqualTo(2);
      assertWithMessage(c.getKey().toString()).that(r.err()).contains(c.getValue());
      assertWithMessage(c.getKey().toString()).that(r.out()).isEmpty();
    }
  }

  @Test
  void missingPath_nothingIsScanned() throws IOException {
    write("a.py", "danger()\n");
    Run r = scan("a.py", "missing.py");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void doubleDash_endsOptions() throws IOException {
    write("--odd.py", "danger()\n");
    Run r = scan("--", "--odd.py");
    assertThat(r.findingLines()).hasSize(1);
  }

  // ---------------------------------------------------------------- JSON

  @Test
  void json_holdsEveryFindingFieldAndTheSummary() throws IOException {
    write("pkg/a.py", "x = 1\nrisky()  # comment\ndanger()  # nosec\nmeh()\n");
    write("pkg/b.py", "def f(:\n");
    Run r = scan("--format", "json", "--min-severity", "medium");
    assertThat(r.status()).isEqualTo(1);
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(doc.getAsJsonObject("tool").get("name").getAsString()).isEqualTo("security-review");
    assertThat(doc.getAsJsonObject("tool").get("version").getAsString()).isEqualTo(Main.version());
    assertThat(doc.get("positions").getAsString()).contains("1-based");
    JsonArray findings = doc.getAsJsonArray("findings");
    assertThat(findings.size()).isEqualTo(1);
    JsonObject f = findings.get(0).getAsJsonObject();
    assertThat(f.get("ruleId").getAsString()).isEqualTo("TST101");
    assertThat(f.get("title").getAsString()).isEqualTo("Test rule TST101");
    assertThat(f.get("severity").getAsString()).isEqualTo("high");
    assertThat(f.get("confidence").getAsString()).isEqualTo("medium");
    assertThat(f.get("category").getAsString())
        .isEqualTo("PY4xx templates, assertions, permissions and debug hooks");
    assertThat(f.get("path").getAsString()).isEqualTo("pkg/a.py");
    assertThat(f.get("line").getAsInt()).isEqualTo(2);
    assertThat(f.get("column").getAsInt()).isEqualTo(1);
    assertThat(f.get("endLine").getAsInt()).isEqualTo(2);
    assertThat(f.get("endColumn").getAsInt()).isEqualTo(8);
    assertThat(f.get("message").getAsString()).startsWith("Call of `risky`.");
    JsonObject fix = f.getAsJsonObject("fix");
    assertThat(fix.get("description").getAsString()).isEqualTo("Call safe() instead");
    JsonObject edit = fix.getAsJsonArray("edits").get(0).getAsJsonObject();
    assertThat(edit.get("line").getAsInt()).isEqualTo(2);
    assertThat(edit.get("column").getAsInt()).isEqualTo(1);
    assertThat(edit.get("endColumn").getAsInt()).isEqualTo(6);
    assertThat(edit.get("replacement").getAsString()).isEqualTo("safe");
    assertThat(doc.getAsJsonArray("errors").size()).isEqualTo(0);
    JsonObject s = doc.getAsJsonObject("summary");
    assertThat(s.get("filesScanned").getAsInt()).isEqualTo(2);
    assertThat(s.get("findings").getAsInt()).isEqualTo(1);
    assertThat(s.getAsJsonObject("bySeverity").get("high").getAsInt()).isEqualTo(1);
    assertThat(s.get("suppressed").getAsInt()).isEqualTo(1);
    assertThat(s.get("belowThreshold").getAsInt()).isEqualTo(2); // meh() and SR001
    assertThat(s.get("filesWithSyntaxErrors").getAsInt()).isEqualTo(1);
    assertThat(s.get("filesNotScanned").getAsInt()).isEqualTo(0);
  }

  @Test
  void json_findingWithoutFix_andErrors() throws IOException {
    write("a.py", "danger()\n");
    write("b.py", "boom()\n");
    Run r = scan("--format=json");
    assertThat(r.status()).isEqualTo(2);
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(doc.getAsJsonArray("findings").get(0).getAsJsonObject().get("fix").isJsonNull())
        .isTrue();
    JsonObject e = doc.getAsJsonArray("errors").get(0).getAsJsonObject();
    assertThat(e.get("path").getAsString()).isEqualTo("b.py");
    assertThat(e.get("message").getAsString()).contains("boom");
  }

  @Test
  void json_empty() {
    Run r = scan("--format", "json");
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(doc.getAsJsonArray("findings").size()).isEqualTo(0);
    assertThat(doc.getAsJsonObject("summary").get("filesScanned").getAsInt()).isEqualTo(0);
  }

  // ---------------------------------------------------------------- SARIF

  private JsonObject sarif(String... args) {
    List<String> all = new ArrayList<>(List.of("--format", "sarif"));
    all.addAll(List.of(args));
    Run r = scan(all.toArray(String[]::new));
    assertThat(r.status()).isAnyOf(0, 1);
    JsonObject log = JsonParser.parseString(r.out()).getAsJsonObject();
    checkSarif(log);
    return log;
  }

  /**
   * The SARIF 2.1.0 requirements GitHub code scanning enforces, and those of the schema for the
   * objects we write: required properties, types, 1-based positions, rule indexes.
   */
  static void checkSarif(JsonObject log) {
    assertThat(log.get("$schema").getAsString())
        .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").getAsString()).isEqualTo("2.1.0");
    JsonArray runs = log.getAsJsonArray("runs");
    assertThat(runs.size()).isEqualTo(1);
    JsonObject run = runs.get(0).getAsJsonObject();
    assertThat(run.get("columnKind").getAsString()).isEqualTo("utf16CodeUnits");
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertThat(driver.get("name").getAsString()).isEqualTo("security-review");
    assertThat(driver.get("version").getAsString()).isNotEmpty();
    assertThat(driver.get("informationUri").getAsString()).startsWith("https://");
    JsonArray rules = driver.getAsJsonArray("rules");
    Set<String> ids = new HashSet<>();
    for (JsonElement e : rules) {
      JsonObject rule = e.getAsJsonObject();
      String id = rule.get("id").getAsString();
      assertWithMessage("unique rule ids").that(ids.add(id)).isTrue();
      assertThat(rule.get("name").getAsString()).isNotEmpty();
      assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).isNotEmpty();
      assertThat(rule.getAsJsonObject("fullDescription").get("text").getAsString()).isNotEmpty();
      assertThat(rule.get("helpUri").getAsString()).matches("https://\\S+/" + id + "\\.md");
      assertThat(rule.getAsJsonObject("help").get("text").getAsString()).isNotEmpty();
      assertThat(rule.getAsJsonObject("help").get("markdown").getAsString()).startsWith("# " + id);
      assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString())
          .isAnyOf("error", "warning", "note");
      JsonObject props = rule.getAsJsonObject("properties");
      assertThat(props.getAsJsonArray("tags").get(0).getAsString()).isEqualTo("security");
      assertThat(props.get("precision").getAsString()).isAnyOf("low", "medium", "high");
      assertThat(props.get("security-severity").getAsString()).isAnyOf("8.0", "5.0", "2.0");
    }
    JsonObject base = run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%");
    assertThat(base.get("uri").getAsString()).matches("file:///.*/");
    JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertThat(invocation.get("executionSuccessful").isJsonPrimitive()).isTrue();
    for (JsonElement e : run.getAsJsonArray("results")) {
      JsonObject result = e.getAsJsonObject();
      String ruleId = result.get("ruleId").getAsString();
      int index = result.get("ruleIndex").getAsInt();
      assertThat(rules.get(index).getAsJsonObject().get("id").getAsString()).isEqualTo(ruleId);
      String level = result.get("level").getAsString();
      assertThat(level).isAnyOf("error", "warning", "note");
      assertThat(level)
          .isEqualTo(
              rules
                  .get(index)
                  .getAsJsonObject()
                  .getAsJsonObject("defaultConfiguration")
                  .get("level")
                  .getAsString());
      assertThat(result.getAsJsonObject("message").get("text").getAsString()).isNotEmpty();
      JsonArray locations = result.getAsJsonArray("locations");
      assertThat(locations.size()).isEqualTo(1);
      JsonObject physical = locations.get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
      checkArtifact(physical.getAsJsonObject("artifactLocation"));
      checkRegion(physical.getAsJsonObject("region"));
      assertThat(
              result
                  .getAsJsonObject("partialFingerprints")
                  .get("primaryLocationLineHash")
                  .getAsString())
          .matches("[0-9a-f]{16}:\\d+");
      if (result.has("fixes")) {
        for (JsonElement fx : result.getAsJsonArray("fixes")) {
          JsonObject fix = fx.getAsJsonObject();
          assertThat(fix.getAsJsonObject("description").get("text").getAsString()).isNotEmpty();
          JsonArray changes = fix.getAsJsonArray("artifactChanges");
          assertThat(changes.size()).isAtLeast(1);
          for (JsonElement ch : changes) {
            checkArtifact(ch.getAsJsonObject().getAsJsonObject("artifactLocation"));
            JsonArray replacements = ch.getAsJsonObject().getAsJsonArray("replacements");
            assertThat(replacements.size()).isAtLeast(1);
            for (JsonElement rep : replacements) {
              checkRegion(rep.getAsJsonObject().getAsJsonObject("deletedRegion"));
              assertThat(rep.getAsJsonObject().getAsJsonObject("insertedContent").has("text"))
                  .isTrue();
            }
          }
        }
      }
    }
  }

  private static void checkArtifact(JsonObject artifact) {
    String uri = artifact.get("uri").getAsString();
    assertThat(uri).doesNotContain("\\");
    assertThat(uri).doesNotContain(" ");
    if (!uri.startsWith("file:")) {
      assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo("%SRCROOT%");
      assertThat(uri).doesNotMatch("^/.*");
    }
  }

  private static void checkRegion(JsonObject region) {
    int startLine = region.get("startLine").getAsInt();
    assertThat(startLine).isAtLeast(1);
    assertThat(region.get("startColumn").getAsInt()).isAtLeast(1);
    if (region.has("endLine")) {
      assertThat(region.get("endLine").getAsInt()).isAtLeast(startLine);
    }
    if (region.has("endColumn")) {
      assertThat(region.get("endColumn").getAsInt()).isAtLeast(1);
      if (region.get("endLine").getAsInt() == startLine) {
        assertThat(region.get("endColumn").getAsInt())
            .isAtLeast(region.get("startColumn").getAsInt());
      }
    }
  }

  private static JsonObject run0(JsonObject log) {
    return log.getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  private static List<JsonObject> results(JsonObject log) {
    List<JsonObject> list = new ArrayList<>();
    run0(log).getAsJsonArray("results").forEach(e -> list.add(e.getAsJsonObject()));
    return list;
  }

  @Test
  void sarif_structure() throws IOException {
    write("pkg/a.py", "s = 'é'; risky()\ndanger(\n    1)\nmeh()\n");
    write("pkg/b.py", "def f(:\n");
    JsonObject log = sarif();
    JsonObject driver = run0(log).getAsJsonObject("tool").getAsJsonObject("driver");
    assertThat(driver.get("version").getAsString()).isEqualTo(Main.version());
    List<String> ruleIds = new ArrayList<>();
    driver
        .getAsJsonArray("rules")
        .forEach(e -> ruleIds.add(e.getAsJsonObject().get("id").getAsString()));
    // The rules that ran; TST200 is off by default.
    assertThat(ruleIds).containsExactly("SR001", "TST100", "TST101", "TST102", "TST900").inOrder();
    JsonObject tst101 = driver.getAsJsonArray("rules").get(2).getAsJsonObject();
    assertThat(tst101.getAsJsonObject("defaultConfiguration").get("level").getAsString())
        .isEqualTo("error");
    assertThat(tst101.getAsJsonObject("properties").get("precision").getAsString())
        .isEqualTo("medium");
    assertThat(tst101.getAsJsonObject("properties").get("security-severity").getAsString())
        .isEqualTo("8.0");
    assertThat(tst101.get("helpUri").getAsString())
        .isEqualTo(
            "https://gerrit.googlesource.com/plugins/security-review/+/refs/heads/master"
                + "/resources/Documentation/rules/TST101.md");

    List<JsonObject> results = results(log);
    assertThat(results.stream().map(r -> r.get("ruleId").getAsString()).toList())
        .containsExactly("TST101", "TST100", "TST102", "SR001")
        .inOrder();

    JsonObject risky = results.get(0);
    assertThat(risky.get("level").getAsString()).isEqualTo("error");
    JsonObject loc =
        risky
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation");
    assertThat(loc.getAsJsonObject("artifactLocation").get("uri").getAsString())
        .isEqualTo("pkg/a.py");
    JsonObject region = loc.getAsJsonObject("region");
    assertThat(region.get("startLine").getAsInt()).isEqualTo(1);
    assertThat(region.get("startColumn").getAsInt()).isEqualTo(10);
    assertThat(region.get("endLine").getAsInt()).isEqualTo(1);
    assertThat(region.get("endColumn").getAsInt()).isEqualTo(17);
    JsonObject replacement =
        risky
            .getAsJsonArray("fixes")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("artifactChanges")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("replacements")
            .get(0)
            .getAsJsonObject();
    JsonObject deleted = replacement.getAsJsonObject("deletedRegion");
    assertThat(deleted.get("startColumn").getAsInt()).isEqualTo(10);
    assertThat(deleted.get("endColumn").getAsInt()).isEqualTo(15);
    assertThat(replacement.getAsJsonObject("insertedContent").get("text").getAsString())
        .isEqualTo("safe");

    JsonObject danger = results.get(1);
    assertThat(danger.get("level").getAsString()).isEqualTo("warning");
    assertThat(danger.has("fixes")).isFalse();
    JsonObject multi =
        danger
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("region");
    assertThat(multi.get("startLine").getAsInt()).isEqualTo(2);
    assertThat(multi.get("endLine").getAsInt()).isEqualTo(3);
    assertThat(multi.get("endColumn").getAsInt()).isEqualTo(7);
    assertThat(results.get(2).get("level").getAsString()).isEqualTo("note");
    assertThat(
            run0(log)
                .getAsJsonArray("invocations")
                .get(0)
                .getAsJsonObject()
                .get("executionSuccessful")
                .getAsBoolean())
        .isTrue();
  }

  @Test
  void sarif_fingerprintsAreStable_whenLinesMoveOrAreReindented() throws IOException {
    write("a.py", "danger()\ndanger()\n");
    List<String> before =
        results(sarif()).stream()
            .map(
                r ->
                    r.getAsJsonObject("partialFingerprints")
                        .get("primaryLocationLineHash")
                        .getAsString())
            .toList();
    assertThat(before.get(0)).endsWith(":1");
    assertThat(before.get(1)).endsWith(":2");
    assertThat(before.get(0).split(":")[0]).isEqualTo(before.get(1).split(":")[0]);

    write("a.py", "x = 1\n\nif x:\n    danger( )\ndanger()\n");
    List<String> after =
        results(sarif()).stream()
            .map(
                r ->
                    r.getAsJsonObject("partialFingerprints")
                        .get("primaryLocationLineHash")
                        .getAsString())
            .toList();
    assertThat(after).isEqualTo(before);

    write("b.py", "danger()\n");
    JsonObject log = sarif("b.py");
    String other =
        results(log)
            .get(0)
            .getAsJsonObject("partialFingerprints")
            .get("primaryLocationLineHash")
            .getAsString();
    assertThat(other).isNotEqualTo(before.get(0));
  }

  @Test
  void sarif_unusualPathsAreEncoded_absolutePathsAreFileUris() throws IOException {
    write("my dir/é.py", "danger()\n");
    JsonObject log = sarif();
    JsonObject artifact =
        results(log)
            .get(0)
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("artifactLocation");
    assertThat(artifact.get("uri").getAsString()).isEqualTo("my%20dir/%C3%A9.py");

    log = sarif(tmp.resolve("my dir").toString());
    artifact =
        results(log)
            .get(0)
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("artifactLocation");
    assertThat(artifact.get("uri").getAsString()).startsWith("file:///");
    assertThat(artifact.get("uri").getAsString()).endsWith("/my%20dir/%C3%A9.py");
    assertThat(artifact.has("uriBaseId")).isFalse();
  }

  @Test
  void sarif_empty_andWithErrors() throws IOException {
    JsonObject log = sarif();
    assertThat(results(log)).isEmpty();
    write("b.py", "boom()\n");
    Run r = scan("--format", "sarif");
    assertThat(r.status()).isEqualTo(2);
    log = JsonParser.parseString(r.out()).getAsJsonObject();
    checkSarif(log);
    JsonObject invocation = run0(log).getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertThat(invocation.get("executionSuccessful").getAsBoolean()).isFalse();
    assertThat(invocation.getAsJsonArray("toolExecutionNotifications").size()).isEqualTo(1);
  }

  @Test
  void sarif_syntaxErrorRegionHasNoEmptyRange() throws IOException {
    write("b.py", "x = 1\ndef f(:\n");
    JsonObject region =
        results(sarif())
            .get(0)
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("region");
    assertThat(region.get("startLine").getAsInt()).isEqualTo(2);
    assertThat(region.get("startColumn").getAsInt()).isEqualTo(7);
    assertThat(region.has("endColumn")).isFalse();
  }

  @Test
  void sarif_encodePath_andLineHash() {
    assertThat(Sarif.encodePath("a/b_c-d.e~f.py")).isEqualTo("a/b_c-d.e~f.py");
    assertThat(Sarif.encodePath("a b#?%.py")).isEqualTo("a%20b%23%3F%25.py");
    assertThat(Sarif.encodePath("x:y.py")).isEqualTo("x%3Ay.py");
    assertThat(Sarif.lineHash("A1", "p.py", "  f( x )"))
        .isEqualTo(Sarif.lineHash("A1", "p.py", "f(x)"));
    assertThat(Sarif.lineHash("A1", "p.py", "f(x)"))
        .isNotEqualTo(Sarif.lineHash("A2", "p.py", "f(x)"));
    assertThat(Sarif.lineHash("A1", "p.py", "f(x)"))
        .isNotEqualTo(Sarif.lineHash("A1", "q.py", "f(x)"));
    assertThat(Sarif.level(com.googlesource.gerrit.plugins.securityreview.engine.Severity.LOW))
        .isEqualTo("note");
  }

  // ---------------------------------------------------------------- --diff

  private void git(Path dir, String... args) throws Exception {
    ScanTesting.git(dir, args);
  }

  private Path repo() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Files.writeString(
        repo.resolve("mod.py"), "danger()\nx = 1\ndanger()\ny = 2\ndanger()\n", UTF_8);
    Files.writeString(repo.resolve("other.py"), "danger()\n", UTF_8);
    Files.writeString(repo.resolve("gone.py"), "danger()\n", UTF_8);
    Files.createDirectories(repo.resolve("sub"));
    Files.writeString(repo.resolve("sub/s.py"), "x = 1\n", UTF_8);
    Files.writeString(repo.resolve(".gitignore"), "ignored.py\n", UTF_8);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    return repo;
  }

  @Test
  void diff_reportsOnlyFindingsOnChangedLines_andUntrackedFiles() throws Exception {
    Path repo = repo();
    // Line 1 deleted, line 3 modified (now line 2), line 5 kept (now 4), one line added (5). The
    // added line repeats a statement the change deleted: a move, pre-existing, not new.
    Files.writeString(
        repo.resolve("mod.py"), "x = 1\ndanger(3)\ny = 2\ndanger()\ndanger()  # new\n", UTF_8);
    Files.delete(repo.resolve("gone.py"));
    Files.writeString(repo.resolve("new.py"), "meh()\ndanger()\n", UTF_8);
    Files.writeString(repo.resolve("staged.py"), "risky()\n", UTF_8);
    git(repo, "add", "staged.py");
    Files.writeString(repo.resolve("ignored.py"), "danger()\n", UTF_8);
    Files.writeString(repo.resolve("sub/s.py"), "x = 1\n\n\n", UTF_8); // only blank lines added

    Run r = scanIn(repo, "--diff", "HEAD");

    assertWithMessage(r.err()).that(r.status()).isEqualTo(1);
    assertThat(r.findingLines().stream().map(l -> l.substring(0, l.indexOf(" ["))).toList())
        .containsExactly(
            "mod.py:2:1: TST100",
            "new.py:1:1: TST102",
            "new.py:2:1: TST100",
            "staged.py:1:1: TST101")
        .inOrder();
    assertThat(r.summary()).startsWith("4 files scanned, 4 findings");
    assertThat(r.summary()).contains("1 on unchanged lines, 1 pre-existing on changed lines");
  }

  @Test
  void diff_json_andSarif() throws Exception {
    Path repo = repo();
    Files.writeString(repo.resolve("other.py"), "danger()\nrisky()\n", UTF_8);
    Run json = scanIn(repo, "--diff", "HEAD", "--format", "json");
    JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(doc.getAsJsonArray("findings").size()).isEqualTo(1);
    assertThat(doc.getAsJsonObject("summary").get("onUnchangedLines").getAsInt()).isEqualTo(1);
    Run sarif = scanIn(repo, "--diff=HEAD", "--format=sarif");
    JsonObject log = JsonParser.parseString(sarif.out()).getAsJsonObject();
    checkSarif(log);
    assertThat(results(log)).hasSize(1);
  }

  @Test
  void diff_noChanges_exit0_withAWarningThatSaysWhy() throws Exception {
    Path repo = repo();
    Run r = scanIn(repo, "--diff", "HEAD");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.summary()).startsWith("0 files scanned, 0 findings");
    assertThat(r.err())
        .isEqualTo(
            "security-review: warning: --diff: nothing to scan: no file changed between HEAD and"
                + " the working tree\n");
  }

  @Test
  void diff_fromASubfolder_reportsPathsRelativeToIt_andLimitsToPaths() throws Exception {
    Path repo = repo();
    Files.writeString(repo.resolve("sub/s.py"), "x = 1\ndanger()\n", UTF_8);
    Files.writeString(repo.resolve("other.py"), "danger()\ndanger()\n", UTF_8);

    Run r = scanIn(repo.resolve("sub"), "--diff", "HEAD");
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).startsWith("s.py:2:1: TST100");

    r = scanIn(repo.resolve("sub"), "--diff", "HEAD", "..");
    assertThat(r.findingLines().stream().map(l -> l.substring(0, l.indexOf(": "))).toList())
        .containsExactly("../other.py:2:1", "../sub/s.py:2:1")
        .inOrder();

    r = scanIn(repo, "--diff", "HEAD", "other.py");
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).startsWith("other.py:2:1:");

    r = scanIn(repo, "--diff", "HEAD", "--exclude", "sub/**");
    assertThat(r.findingLines()).hasSize(1);
  }

  @Test
  void diff_againstAnOlderCommit() throws Exception {
    Path repo = repo();
    Files.writeString(repo.resolve("other.py"), "danger()\ndanger()\n", UTF_8);
    git(repo, "commit", "-q", "-am", "second");
    Files.writeString(repo.resolve("other.py"), "danger()\ndanger()\ndanger()\n", UTF_8);
    assertThat(scanIn(repo, "--diff", "HEAD").findingLines()).hasSize(1);
    assertThat(scanIn(repo, "--diff", "HEAD~1").findingLines()).hasSize(2);
  }

  @Test
  void diff_unknownRef_exit2_withGitsMessage() throws Exception {
    Path repo = repo();
    Run r = scanIn(repo, "--diff", "no-such-branch");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-branch");
    assertThat(r.err()).contains("git diff failed");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void diff_outsideAGitCheckout_exit2() throws Exception {
    Path plain = tmp.resolve("plain");
    Files.createDirectories(plain);
    Run r = scanIn(plain, "--diff", "HEAD");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--diff needs a git checkout");
    assertThat(r.err()).contains("not inside a git work tree");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void diff_fileWhoseChangeOnlyDeletesLines_isChecked() throws Exception {
    Path repo = repo();
    Files.writeString(repo.resolve("mod.py"), "danger()\nx = 1\ndanger()\ndanger()\n", UTF_8);
    Run r = scanIn(repo, "--diff", "HEAD");
    assertThat(r.status()).isEqualTo(0);
    // Checked for the change-level rules, as the plugin checks it; its findings are unchanged.
    assertThat(r.summary()).startsWith("1 file scanned, 0 findings");
    assertThat(r.summary()).contains("3 on unchanged lines, 0 pre-existing on changed lines");
  }

  // ------------------------------------------------- --diff compares with the base, real rules

  /** An agent module with four findings: PY104 twice, PY103 and PY101. */
  private static final String AGENT =
      """
      import subprocess

      import yaml


      class RouterAgent(object):

          def __init__(self, conf):
              self.conf = conf

          def plug(self, device):
              cmd = 'ip link set %s up' % device
              subprocess.call(cmd, shell=True)

          def ping(self, host):
              subprocess.call('ping -c 1 %s' % host, shell=True)

          def load(self, blob):
              return yaml.load(blob)

          def evaluate(self, expr):
              return eval(expr)
      """;

  /** {@link #AGENT} in a fresh repository, committed. */
  private Path agentRepo(String path) throws Exception {
    Path repo = tmp.resolve("agent-repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, AGENT, UTF_8);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "agent");
    return repo;
  }

  private Run realScan(Path cwd, String... args) {
    return scanWith(Rules.all(), cwd, args);
  }

  /** The rule ids of the findings, in order. */
  private static List<String> ruleIds(Run r) {
    // After "PATH:LINE:COL: ", whatever the path holds.
    return r.findingLines().stream()
        .map(l -> l.replaceFirst("^.*:\\d+:\\d+: (\\S+) \\[.*$", "$1"))
        .toList();
  }

  @Test
  void diff_blackStyleReformat_isNotNew_butCountedAsPreexisting() throws Exception {
    Path repo = agentRepo("agent.py");
    String reformatted =
        """
        import subprocess

        import yaml


        class RouterAgent(object):
            def __init__(self, conf):
                self.conf = conf

            def plug(self, device):
                cmd = "ip link set %s up" % device
                subprocess.call(
                    cmd,
                    shell=True,  # the command is a string
                )

            def ping(self, host):
                # One probe is enough.
                subprocess.call(
                    f"ping -c 1 {host}",
                    shell=True,
                )

            def load(self, blob):
                return yaml.load(
                    blob,
                )

            def evaluate(self, expr):
                return eval(expr)  # trusted input only
        """;
    Files.writeString(repo.resolve("agent.py"), reformatted, UTF_8);
    git(repo, "commit", "-q", "-am", "black");

    // The reformatted module still has the four findings, on lines the commit changed.
    assertThat(ruleIds(realScan(repo, "agent.py")))
        .containsExactly("PY104", "PY104", "PY103", "PY101")
        .inOrder();
    Run r = realScan(repo, "--diff", "HEAD~1");
    assertWithMessage(r.out() + r.err()).that(r.status()).isEqualTo(0);
    assertThat(r.findingLines()).isEmpty();
    assertThat(r.summary()).startsWith("1 file scanned, 0 findings");
    assertThat(preexisting(r)).isEqualTo(4);
  }

  /** The number in the summary's "N pre-existing on changed lines". */
  private static int preexisting(Run r) {
    Matcher m = Pattern.compile("(\\d+) pre-existing on changed lines").matcher(r.summary());
    assertWithMessage(r.summary()).that(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void diff_functionMovedWithinItsClass_isNotNew() throws Exception {
    Path repo = agentRepo("agent.py");
    String evaluate = "    def evaluate(self, expr):\n        return eval(expr)\n";
    String moved =
        AGENT
            .replace("\n" + evaluate, "")
            .replace("    def __init__", evaluate + "\n    def __init__");
    assertThat(moved).isNotEqualTo(AGENT);
    Files.writeString(repo.resolve("agent.py"), moved, UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    assertWithMessage(r.out() + r.err()).that(r.status()).isEqualTo(0);
    assertThat(r.findingLines()).isEmpty();
    assertThat(preexisting(r)).isEqualTo(1);
  }

  @Test
  void diff_newFlaggedCallInAnOldFunction_isTheOneFinding() throws Exception {
    Path repo = agentRepo("agent.py");
    Files.writeString(
        repo.resolve("agent.py"),
        AGENT.replace(
            "        subprocess.call('ping -c 1 %s' % host, shell=True)\n",
            "        subprocess.call('ping -c 1 %s' % host, shell=True)\n"
                + "        subprocess.call('arping -c 1 %s' % host, shell=True)\n"),
        UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    assertWithMessage(r.out() + r.err()).that(r.status()).isEqualTo(1);
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).startsWith("agent.py:17:9: PY104 ");
    assertThat(preexisting(r)).isEqualTo(0);
  }

  @Test
  void diff_copyOfAnOldFlaggedCall_isNew() throws Exception {
    Path repo = agentRepo("agent.py");
    String call = "        return eval(expr)\n";
    Files.writeString(repo.resolve("agent.py"), AGENT.replace(call, call + call), UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    // The base has one such call: the second one is what the change adds.
    assertThat(ruleIds(r)).containsExactly("PY101");
    assertThat(r.findingLines().get(0)).startsWith("agent.py:23:");
  }

  @Test
  void diff_renamedFile_keepsItsFindingsOld_unusualNamesToo() throws Exception {
    Path repo = agentRepo("agents/l3 agent.py");
    git(repo, "mv", "agents/l3 agent.py", "agents/routér agent.py");
    Path renamed = repo.resolve("agents/routér agent.py");
    Files.writeString(
        renamed,
        AGENT.replace("return eval(expr)", "return eval(expr)  # expressions from the config"),
        UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    assertWithMessage(r.out() + r.err()).that(r.status()).isEqualTo(0);
    assertThat(r.summary()).startsWith("1 file scanned, 0 findings");
    assertThat(preexisting(r)).isEqualTo(1);
    assertThat(r.summary()).contains("3 on unchanged lines");

    // The same edit without the rename history is a new file: everything in it is new.
    git(repo, "rm", "-q", "--cached", "-f", "agents/routér agent.py");
    Run added = realScan(repo, "--diff", "HEAD");
    assertThat(ruleIds(added)).containsExactly("PY104", "PY104", "PY103", "PY101");
    assertThat(added.findingLines().get(0)).startsWith("agents/routér agent.py:13:");
  }

  @Test
  void diff_removedSuppression_makesTheFindingNew() throws Exception {
    Path repo = tmp.resolve("agent-repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    String suppressed =
        AGENT.replace("return yaml.load(blob)", "return yaml.load(blob)  # nosec B506");
    Files.writeString(repo.resolve("agent.py"), suppressed, UTF_8);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "agent");
    Files.writeString(repo.resolve("agent.py"), AGENT, UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    assertThat(ruleIds(r)).containsExactly("PY103");
    assertThat(r.findingLines().get(0)).startsWith("agent.py:19:16: PY103 ");
    assertThat(preexisting(r)).isEqualTo(0);
  }

  @Test
  void diff_untrackedFile_allFindingsNew_evenIfCopiedFromATrackedOne() throws Exception {
    Path repo = agentRepo("agent.py");
    Files.writeString(repo.resolve("agent_copy.py"), AGENT, UTF_8);

    Run r = realScan(repo, "--diff", "HEAD");
    assertThat(r.findingLines().stream().map(l -> l.substring(0, l.indexOf(": "))).toList())
        .containsExactly(
            "agent_copy.py:13:9",
            "agent_copy.py:16:9",
            "agent_copy.py:19:16",
            "agent_copy.py:22:16")
        .inOrder();
    assertThat(preexisting(r)).isEqualTo(0);
  }

  @Test
  void diff_json_hasFingerprintsAndPreexisting_sarifHasThePartialFingerprint() throws Exception {
    Path repo = agentRepo("agent.py");
    // The ping call moves below load (pre-existing); a new eval in plug is what the change adds.
    String ping =
        "    def ping(self, host):\n        subprocess.call('ping -c 1 %s' % host, shell=True)\n";
    String changed =
        AGENT
            .replace(ping + "\n", "")
            .replace("    def evaluate", ping + "\n    def evaluate")
            .replace(
                "        subprocess.call(cmd, shell=True)\n",
                "        subprocess.call(cmd, shell=True)\n        eval(device)\n");
    Files.writeString(repo.resolve("agent.py"), changed, UTF_8);

    JsonObject doc =
        JsonParser.parseString(realScan(repo, "--diff", "HEAD", "--format", "json").out())
            .getAsJsonObject();
    JsonArray findings = doc.getAsJsonArray("findings");
    assertThat(findings.size()).isEqualTo(1);
    JsonObject f = findings.get(0).getAsJsonObject();
    assertThat(f.get("ruleId").getAsString()).isEqualTo("PY101");
    String fingerprint = f.get("fingerprint").getAsString();
    assertThat(fingerprint).matches("[0-9a-f]{16}");
    assertThat(doc.getAsJsonObject("summary").get("preexisting").getAsInt()).isEqualTo(1);

    // The fingerprint does not depend on the position: a whole-file scan gives the same one.
    JsonArray all =
        JsonParser.parseString(realScan(repo, "--format", "json", "agent.py").out())
            .getAsJsonObject()
            .getAsJsonArray("findings");
    assertThat(all.size()).isEqualTo(5);
    Set<String> fingerprints = new HashSet<>();
    for (JsonElement e : all) {
      fingerprints.add(e.getAsJsonObject().get("fingerprint").getAsString());
    }
    assertThat(fingerprints).hasSize(5);
    assertThat(fingerprints).contains(fingerprint);
    assertThat(doc.getAsJsonObject("summary").get("onUnchangedLines").getAsInt()).isEqualTo(3);

    JsonObject log =
        JsonParser.parseString(realScan(repo, "--diff", "HEAD", "--format", "sarif").out())
            .getAsJsonObject();
    checkSarif(log);
    List<JsonObject> results = results(log);
    assertThat(results).hasSize(1);
    JsonObject partial = results.get(0).getAsJsonObject("partialFingerprints");
    assertThat(partial.get(Sarif.FINGERPRINT_KEY).getAsString()).isEqualTo(fingerprint);
    assertThat(partial.get("primaryLocationLineHash").getAsString()).matches("[0-9a-f]{16}:1");
    JsonObject props = run0(log).getAsJsonObject("properties");
    assertThat(props.get("preexisting").getAsInt()).isEqualTo(1);
    assertThat(props.get("onUnchangedLines").getAsInt()).isEqualTo(3);
  }

  @Test
  void gitDiffParseRaw_renamesAndDeletions() {
    String z = "0".repeat(40);
    String raw =
        String.join(
            "\0",
            ":100644 100644 " + "a".repeat(40) + " " + z + " M",
            "pkg/a b.py",
            ":100644 100644 " + "b".repeat(40) + " " + "c".repeat(40) + " R087",
            "old/x.py",
            "new/é\ty.py",
            ":100644 000000 " + "d".repeat(40) + " " + z + " D",
            "gone.py",
            ":000000 100644 " + z + " " + z + " A",
            "added.py",
            "");
    List<GitDiff.RawEntry> entries = GitDiff.parseRaw(raw);
    assertThat(entries)
        .containsExactly(
            new GitDiff.RawEntry('M', "100644", "a".repeat(40), "pkg/a b.py", "pkg/a b.py"),
            new GitDiff.RawEntry('R', "100644", "b".repeat(40), "old/x.py", "new/é\ty.py"),
            new GitDiff.RawEntry('D', "100644", "d".repeat(40), "gone.py", "gone.py"),
            new GitDiff.RawEntry('A', "000000", z, "added.py", "added.py"))
        .inOrder();
  }

  @Test
  void gitDiffParse_hunkHeaders() {
    String diff =
        String.join(
            "\n",
            "diff --git a/a.py b/a.py",
            "index 1..2 100644",
            "--- a/a.py",
            "+++ b/a.py",
            "@@ -1 +1 @@",
            "-x",
            "+y",
            "@@ -5,2 +5,0 @@ def f():",
            "-a",
            "-b",
            "@@ -9,0 +8,3 @@",
            "+++ not a header",
            "+b",
            "+c",
            "diff --git a/gone.py b/gone.py",
            "deleted file mode 100644",
            "--- a/gone.py",
            "+++ /dev/null",
            "@@ -1,2 +0,0 @@",
            "-a",
            "-b",
            "diff --git a/new.py b/new.py",
            "new file mode 100644",
            "--- /dev/null",
            "+++ b/new.py",
            "@@ -0,0 +1,2 @@",
            "+a",
            "+b",
            "diff --git \"a/sp\\303\\251cial \\\"q\\\".py\" \"b/sp\\303\\251cial \\\"q\\\".py\"",
            "--- \"a/sp\\303\\251cial \\\"q\\\".py\"",
            "+++ \"b/sp\\303\\251cial \\\"q\\\".py\"",
            "@@ -3 +3,2 @@",
            "+x",
            "+y",
            "diff --git a/img.png b/img.png",
            "Binary files a/img.png and b/img.png differ",
            "");
    Map<String, List<int[]>> files = GitDiff.parse(diff);
    assertThat(files.keySet()).containsExactly("a.py", "new.py", "spécial \"q\".py").inOrder();
    assertThat(ranges(files.get("a.py"))).containsExactly("1-1", "8-10").inOrder();
    assertThat(ranges(files.get("new.py"))).containsExactly("1-2");
    assertThat(ranges(files.get("spécial \"q\".py"))).containsExactly("3-4");
  }

  private static List<String> ranges(List<int[]> ranges) {
    return ranges.stream().map(r -> r[0] + "-" + r[1]).toList();
  }

  @Test
  void gitUnquote() {
    assertThat(GitDiff.unquote("b/plain.py")).isEqualTo("b/plain.py");
    assertThat(GitDiff.unquote("\"b/a\\tb\\\\c.py\"")).isEqualTo("b/a\tb\\c.py");
  }

  // ---------------------------------------------------------------- java -jar

  /**
   * Under {@code java -jar} the Gerrit API is absent: nothing the CLI loads may use Gerrit, Guice
   * or Flogger classes.
   */
  @Test
  void cliAndWhatItLoads_useNoGerritClasses() throws IOException {
    Path root = Path.of("src/main/java/com/googlesource/gerrit/plugins/securityreview");
    List<String> offenders = new ArrayList<>();
    for (String room : List.of("cli", "engine", "python", "rules")) {
      try (Stream<Path> files = Files.walk(root.resolve(room))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(f, UTF_8)) {
            if (line.matches(
                "\\s*import\\s+(static\\s+)?(com\\.google\\.gerrit|com\\.google\\.common"
                    + "|com\\.google\\.inject|com\\.google\\.gson)\\..*")) {
              offenders.add(f + ": " + line.strip());
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
