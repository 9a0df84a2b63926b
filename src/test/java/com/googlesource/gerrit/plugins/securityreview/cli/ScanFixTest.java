package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.git;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.Run;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --fix}: the rules' fixes applied as Gerrit would apply the bot's suggestions, only
 * where safe, with what changed on stderr; with {@code --diff} in a real git repository, only on
 * changed lines.
 */
class ScanFixTest {
  @TempDir Path tmp;

  /** Flags every call of {@code callee}, offering the fix {@code edits} makes. */
  private static final class FixingRule extends Rule {
    interface Edits {
      List<Fix.Edit> of(Ast.Call call, RuleContext ctx);
    }

    FixingRule(String id, String callee, Edits edits) {
      super(TestRules.meta(id, Severity.HIGH, Confidence.HIGH, true, null, null));
      on(
          Ast.Call.class,
          (call, ctx) -> {
            if (callee.equals(ctx.callName(call))) {
              ctx.report(this, call, "Call of `" + callee + "`.", new Fix(id, edits.of(call, ctx)));
            }
          });
    }
  }

  /**
   * The CLI tests' rules (TST101 turns {@code risky()} into {@code safe()}) and: FIX001, the same
   * fix as TST101's; FIX002, a fix of {@code risky()} that overlaps it; FIX003, one that breaks
   * {@code broken()}; FIX004, one for {@code far()} that points past the end of the file; FIX005, a
   * two-line fix of {@code spread(...)}; FIX006, a fix of {@code twice()} whose two edits overlap.
   */
  private static List<Rule> rules(String... extra) {
    List<Rule> rules = new ArrayList<>(TestRules.all());
    for (String id : extra) {
      rules.add(
          switch (id) {
            case "FIX001" ->
                new FixingRule(
                    id, "risky", (call, ctx) -> List.of(ctx.replace(call.func(), "safe")));
            case "FIX002" ->
                new FixingRule(id, "risky", (call, ctx) -> List.of(ctx.replace(call, "safe(0)")));
            case "FIX003" ->
                new FixingRule(id, "broken", (call, ctx) -> List.of(ctx.replace(call.func(), "(")));
            case "FIX004" ->
                new FixingRule(id, "far", (call, ctx) -> List.of(new Fix.Edit(99, 0, 99, 3, "x")));
            case "FIX005" ->
                new FixingRule(
                    id,
                    "spread",
                    (call, ctx) ->
                        List.of(
                            ctx.replace(call.func(), "gathered"),
                            ctx.replace(call.args().get(call.args().size() - 1), "0")));
            case "FIX006" ->
                new FixingRule(
                    id,
                    "twice",
                    (call, ctx) ->
                        List.of(
                            ctx.replace(call.func(), "once"), ctx.replace(call.func(), "again")));
            default -> throw new IllegalArgumentException(id);
          });
    }
    return rules;
  }

  private Run scan(List<Rule> rules, Path cwd, String... args) {
    return ScanTesting.scan(rules, cwd, args);
  }

  private Run scan(String... args) {
    return scan(rules(), tmp, args);
  }

  private Path write(String relative, String content) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, UTF_8);
    return p;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, UTF_8);
  }

  private static List<String> errLines(Run r) {
    return r.err().lines().toList();
  }

  @Test
  void appliesTheFix_reportsIt_andTheReportAndExitStatusTellWhatIsLeft() throws IOException {
    Path a = write("pkg/a.py", "import os\nrisky()\ndanger()\nx = risky(1)\n");
    write("pkg/b.py", "danger()\n");

    Run r = scan("--fix", "pkg");

    assertThat(read(a)).isEqualTo("import os\nsafe()\ndanger()\nx = safe(1)\n");
    assertThat(errLines(r))
        .containsExactly(
            "security-review: fixed pkg/a.py:2:1: TST101 Call safe() instead",
            "security-review: fixed pkg/a.py:4:5: TST101 Call safe() instead",
            "security-review: --fix: 2 fixes applied in 1 file")
        .inOrder();
    assertWithMessage(r.out()).that(r.status()).isEqualTo(1);
    assertThat(r.findingLines().stream().map(l -> l.substring(0, l.indexOf(" ["))).toList())
        .containsExactly("pkg/a.py:3:1: TST100", "pkg/b.py:1:1: TST100")
        .inOrder();
    assertThat(r.summary()).startsWith("2 files scanned, 2 findings");
  }

  @Test
  void everythingFixed_exit0_jsonReportsNoFinding() throws IOException {
    Path a = write("a.py", "risky()\n");
    Run r = scan("--fix", "--format", "json", "a.py");
    assertWithMessage(r.err()).that(r.status()).isEqualTo(0);
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(doc.getAsJsonArray("findings").size()).isEqualTo(0);
    assertThat(doc.getAsJsonObject("summary").get("filesScanned").getAsInt()).isEqualTo(1);
    assertThat(read(a)).isEqualTo("safe()\n");
    // Nothing is left to fix.
    Run again = scan("--fix", "a.py");
    assertThat(again.status()).isEqualTo(0);
    assertThat(again.err()).isEqualTo("security-review: --fix: no finding reported has a fix\n");
  }

  @Test
  void onlyReportedFindingsAreFixed_notSuppressedOnesNorThoseBelowTheThresholds()
      throws IOException {
    Path a = write("a.py", "risky()  # nosec\n");
    Path b = write("b.py", "risky()\n");
    scan("--fix", "a.py");
    scan("--fix", "--min-confidence", "high", "b.py");
    assertThat(read(a)).isEqualTo("risky()  # nosec\n");
    assertThat(read(b)).isEqualTo("risky()\n");
  }

  @Test
  void keepsLineEndings_byteOrderMark_andNonAsciiColumns() throws IOException {
    Path a = tmp.resolve("a.py");
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    String body = "s = 'héllo 😀'; risky()\r\nt = 1\rrisky(s)\r\n";
    Files.write(a, concat(bom, body.getBytes(UTF_8)));

    Run r = scan("--fix", "a.py");

    assertWithMessage(r.err()).that(r.status()).isEqualTo(0);
    assertThat(Files.readAllBytes(a))
        .isEqualTo(concat(bom, "s = 'héllo 😀'; safe()\r\nt = 1\rsafe(s)\r\n".getBytes(UTF_8)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void overlappingFix_isLeftOut_identicalFixCountsAsApplied() throws IOException {
    Path a = write("a.py", "risky()\n");
    Run r = scan(rules("FIX001", "FIX002"), tmp, "--fix", "a.py");

    assertThat(read(a)).isEqualTo("safe()\n");
    // Findings at one position come in the order of their rule ids.
    assertThat(errLines(r))
        .containsExactly(
            "security-review: fixed a.py:1:1: FIX001 FIX001",
            "security-review: not fixed a.py:1:1: FIX002 FIX002: it overlaps the fix of FIX001 at"
                + " 1:1",
            "security-review: fixed a.py:1:1: TST101 Call safe() instead",
            "security-review: --fix: 2 fixes applied in 1 file, 1 left out")
        .inOrder();
    // The fix taken resolves FIX002's finding too: the check after fixing finds nothing left.
    assertWithMessage(r.out()).that(r.status()).isEqualTo(0);
  }

  @Test
  void fixThatWouldBreakTheSyntax_leavesTheWholeFileAlone() throws IOException {
    Path a = write("a.py", "risky()\nbroken()\n");
    Run r = scan(rules("FIX003"), tmp, "--fix", "a.py");

    assertThat(read(a)).isEqualTo("risky()\nbroken()\n");
    assertThat(errLines(r))
        .containsExactly(
            "security-review: not fixed a.py:1:1: TST101 Call safe() instead: with the fixes the"
                + " file would not parse (line 2: '(' was never closed)",
            "security-review: not fixed a.py:2:1: FIX003 FIX003: with the fixes the file would"
                + " not parse (line 2: '(' was never closed)",
            "security-review: --fix: 0 fixes applied in 0 files, 2 left out")
        .inOrder();
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void fixOutsideTheFile_orWithOverlappingEdits_isLeftOut_theOthersApplied() throws IOException {
    Path a = write("a.py", "far()\ntwice()\nrisky()\n");
    Run r = scan(rules("FIX004", "FIX006"), tmp, "--fix", "a.py");
    assertThat(read(a)).isEqualTo("far()\ntwice()\nsafe()\n");
    assertThat(errLines(r))
        .containsExactly(
            "security-review: not fixed a.py:1:1: FIX004 FIX004: its edit at 99:1 lies outside"
                + " the file",
            "security-review: not fixed a.py:2:1: FIX006 FIX006: its edits overlap",
            "security-review: fixed a.py:3:1: TST101 Call safe() instead",
            "security-review: --fix: 1 fix applied in 1 file, 2 left out")
        .inOrder();
  }

  @Test
  void fileThatDoesNotParse_isLeftAlone() throws IOException {
    Path a = write("a.py", "risky()\ndef broken(:\n");
    Run r = scan("--fix", "a.py");
    assertThat(read(a)).isEqualTo("risky()\ndef broken(:\n");
    assertThat(r.err())
        .contains(
            "not fixed a.py: fixes are applied only to files that parse, and this one does not"
                + " (line 2:");
  }

  @Test
  void fileInAnotherEncoding_isLeftAlone() throws IOException {
    Path latin1 = tmp.resolve("latin1.py");
    byte[] content = "# -*- coding: latin-1 -*-\ns = 'é'; risky()\n".getBytes(ISO_8859_1);
    Files.write(latin1, content);
    // Also UTF-8 bytes, but the declaration makes them other characters, in other columns.
    Path mojibake = tmp.resolve("mojibake.py");
    byte[] other = "# -*- coding: latin-1 -*-\ns = 'é'; risky()\n".getBytes(UTF_8);
    Files.write(mojibake, other);

    Run r = scan("--fix", "latin1.py", "mojibake.py");

    assertThat(Files.readAllBytes(latin1)).isEqualTo(content);
    assertThat(Files.readAllBytes(mojibake)).isEqualTo(other);
    assertThat(errLines(r))
        .containsExactly(
            "security-review: not fixed latin1.py: fixes are applied only to UTF-8 files, and"
                + " this one is not",
            "security-review: not fixed mojibake.py: fixes are applied only to UTF-8 files, and"
                + " this one is not",
            "security-review: --fix: 0 fixes applied in 0 files, 2 left out")
        .inOrder();
  }

  @Test
  void rewritesAtomically_keepingPermissionsAndSymbolicLinks_leavingNoTemporaryFile()
      throws IOException {
    Path real = write("real/tool.py", "risky()\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-x---"));
    Path link = tmp.resolve("src/tool.py");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, real);

    Run r = scan("--fix", "src/tool.py");

    assertWithMessage(r.err()).that(r.status()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(read(real)).isEqualTo("safe()\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rwxr-x---");
    try (Stream<Path> files = Files.list(real.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("tool.py");
    }
  }

  // ---------------------------------------------------------------- with --diff

  @Test
  void withDiff_fixesOnlyOnChangedLines_andRechecksTheChange() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("a.py"), "risky()\nspread(\n    1)\nx = 1\n", UTF_8);
    Files.writeString(repo.resolve("b.py"), "y = 1\n", UTF_8);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    // The call spread(...) gets a new argument on its second line: a finding new on a changed
    // line, whose fix would also edit the unchanged first line. The old risky() is not changed.
    Files.writeString(repo.resolve("a.py"), "risky()\nspread(\n    2)\nx = 1\nrisky(x)\n", UTF_8);
    Files.writeString(repo.resolve("b.py"), "y = 1\nrisky(y)\n", UTF_8);

    Run r = scan(rules("FIX005"), repo, "--diff", "HEAD", "--fix");

    assertThat(read(repo.resolve("a.py"))).isEqualTo("risky()\nspread(\n    2)\nx = 1\nsafe(x)\n");
    assertThat(read(repo.resolve("b.py"))).isEqualTo("y = 1\nsafe(y)\n");
    assertThat(errLines(r))
        .containsExactly(
            "security-review: not fixed a.py:2:1: FIX005 FIX005: it edits lines the change does"
                + " not touch",
            "security-review: fixed a.py:5:1: TST101 Call safe() instead",
            "security-review: fixed b.py:2:1: TST101 Call safe() instead",
            "security-review: --fix: 2 fixes applied in 2 files, 1 left out")
        .inOrder();
    assertThat(r.findingLines()).hasSize(1);
    assertThat(r.findingLines().get(0)).startsWith("a.py:2:1: FIX005");
    assertThat(r.summary()).startsWith("2 files scanned, 1 finding");

    // Without --diff, every line may change.
    Run all = scan(rules("FIX005"), repo, "--fix", "a.py");
    assertThat(read(repo.resolve("a.py"))).isEqualTo("safe()\ngathered(\n    0)\nx = 1\nsafe(x)\n");
    assertThat(all.status()).isEqualTo(0);
  }
}
