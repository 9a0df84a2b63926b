package com.googlesource.gerrit.plugins.securityreview.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command-line handling of {@link Main}. The first group needs no working parser (argument errors
 * are caught before any file is parsed); the tests marked "parser contract" rely on {@code
 * PythonParser.parse} returning a result with diagnostics for invalid code.
 */
class MainTest {
  @TempDir Path tmp;

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = Main.run(args, o, e);
    }
    return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  private Path write(String relative, String content) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, UTF_8);
    return p;
  }

  // --- Top level -----------------------------------------------------------------------------

  @Test
  void noArguments_printsUsageOnStderr_andExits2() {
    Run r = run();
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Usage:"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void help_printsUsageOnStdout_andExits0() {
    for (String flag : List.of("--help", "-h", "help")) {
      Run r = run(flag);
      assertEquals(0, r.status(), flag);
      assertTrue(r.out().contains("Usage:"), r.out());
      assertTrue(r.out().contains("parse [--format text|json] PATH..."), r.out());
      assertEquals("", r.err());
    }
  }

  @Test
  void version_printsNameAndVersion() {
    for (String flag : List.of("--version", "-V")) {
      Run r = run(flag);
      assertEquals(0, r.status());
      assertEquals("security-review " + Main.version() + System.lineSeparator(), r.out());
      assertFalse(Main.version().isBlank());
    }
  }

  @Test
  void version_isDevOutsideAJar() {
    // Tests run from a classes folder, which has no manifest.
    if (MainTest.class
        .getProtectionDomain()
        .getCodeSource()
        .getLocation()
        .getPath()
        .endsWith("/")) {
      assertEquals("dev", Main.version());
    }
  }

  @Test
  void unknownCommand_exits2_withMessage() {
    Run r = run("frobnicate");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
    assertTrue(r.err().contains("--help"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownTopLevelOption_exits2() {
    Run r = run("--frobnicate");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option '--frobnicate'"), r.err());
  }

  // --- parse: argument errors (no parser needed) ---------------------------------------------

  @Test
  void parseHelp_exits0() {
    Run r = run("parse", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("--format json"), r.out());
  }

  @Test
  void parseWithoutPath_exits2() {
    Run r = run("parse");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no PATH given"), r.err());
    assertTrue(r.err().contains("parse --help"), r.err());
  }

  @Test
  void parseUnknownOption_exits2() {
    Run r = run("parse", "--strict", "x.py");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option '--strict'"), r.err());
  }

  @Test
  void parseBadFormat_exits2() {
    Run r = run("parse", "--format", "xml", "x.py");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("'text' or 'json'"), r.err());

    r = run("parse", "--format=yaml", "x.py");
    assertEquals(2, r.status());

    r = run("parse", "x.py", "--format");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--format needs a value"), r.err());
  }

  @Test
  void parseMissingPath_exits2_beforeParsingAnything() throws IOException {
    Path good = write("good.py", "x = 1\n");
    String missing = tmp.resolve("no/such/file.py").toString();
    Run r = run("parse", good.toString(), missing);
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no such file or folder: " + missing), r.err());
    assertEquals("", r.out(), "nothing is parsed when a path is missing");
  }

  @Test
  void doubleDash_endsOptions() {
    Run r = run("parse", "--", "--format");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no such file or folder: --format"), r.err());
  }

  // --- parse: finding files (no parser needed) -----------------------------------------------

  @Test
  void collect_walksFoldersSorted_skipsHiddenFoldersAndNonPython() throws Exception {
    write("pkg/b.py", "");
    write("pkg/a.py", "");
    write("pkg/sub/c.py", "");
    write("pkg/.venv/lib/site.py", "");
    write("pkg/.hidden.py", "");
    write("pkg/notes.txt", "");
    write("pkg/script", "");
    Path root = tmp.resolve("pkg");

    List<Path> files = ParseCommand.collect(List.of(root.toString()));

    assertEquals(
        List.of(
            root.resolve(".hidden.py"),
            root.resolve("a.py"),
            root.resolve("b.py"),
            root.resolve("sub/c.py")),
        files);
  }

  @Test
  void collect_explicitFileIsTakenWhateverItsName_andDuplicatesDropped() throws Exception {
    Path script = write("bin/tool", "print('hi')\n");
    Path a = write("bin/a.py", "");

    List<Path> files =
        ParseCommand.collect(
            List.of(script.toString(), tmp.resolve("bin").toString(), a.toString()));

    assertEquals(List.of(script, a), files);
  }

  @Test
  void collect_hiddenFolderNamedOnTheCommandLineIsWalked() throws Exception {
    write(".config/x.py", "");
    List<Path> files = ParseCommand.collect(List.of(tmp.resolve(".config").toString()));
    assertEquals(List.of(tmp.resolve(".config/x.py")), files);
  }

  @Test
  void folderWithoutPythonFiles_warns_andExits0() throws IOException {
    write("docs/readme.txt", "hello");
    Run r = run("parse", tmp.resolve("docs").toString());
    assertEquals(0, r.status());
    assertTrue(r.err().contains("no Python files found"), r.err());
    assertTrue(r.out().startsWith("0 files, 0 lines, 0 files with syntax errors"), r.out());
  }

  // --- Output helpers (no parser needed) -----------------------------------------------------

  @Test
  void json_quote_escapesEverythingOutsidePrintableAscii() {
    assertEquals("\"plain\"", Json.quote("plain"));
    assertEquals("\"a\\\"b\\\\c\"", Json.quote("a\"b\\c"));
    assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", Json.quote("\n\r\t\b\f\u0000\u001f"));
    assertEquals("\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"", Json.quote("café € 😀"));
    assertEquals("\"\\u007f\"", Json.quote("\u007f"));
    assertEquals("null", Json.quote(null));
    String tricky = "x\"\\\n\u2028é😀\u0001/";
    assertEquals(tricky, JsonParser.parseString(Json.quote(tricky)).getAsString());
  }

  @Test
  void writeJson_isValidJson() {
    List<ParseCommand.FileReport> reports =
        List.of(
            new ParseCommand.FileReport("ok.py", 3, List.of(), null),
            new ParseCommand.FileReport(
                "dir/\"odd\".py", 2, List.of(new ParseCommand.Problem(2, 9, "expected ':'")), null),
            new ParseCommand.FileReport("gone.py", 0, List.of(), "cannot read: denied"));

    JsonObject doc =
        JsonParser.parseString(ParseCommand.writeJson(reports, 5, 1, 1, 7)).getAsJsonObject();

    JsonArray files = doc.getAsJsonArray("files");
    assertEquals(3, files.size());
    assertTrue(files.get(0).getAsJsonObject().get("ok").getAsBoolean());
    JsonObject second = files.get(1).getAsJsonObject();
    assertEquals("dir/\"odd\".py", second.get("path").getAsString());
    assertFalse(second.get("ok").getAsBoolean());
    JsonObject d = second.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
    assertEquals(2, d.get("line").getAsInt());
    assertEquals(9, d.get("column").getAsInt());
    assertEquals("expected ':'", d.get("message").getAsString());
    assertEquals("cannot read: denied", files.get(2).getAsJsonObject().get("error").getAsString());
    JsonObject summary = doc.getAsJsonObject("summary");
    assertEquals(3, summary.get("files").getAsInt());
    assertEquals(5, summary.get("lines").getAsInt());
    assertEquals(1, summary.get("filesWithSyntaxErrors").getAsInt());
    assertEquals(1, summary.get("filesNotParsed").getAsInt());

    JsonObject empty =
        JsonParser.parseString(ParseCommand.writeJson(List.of(), 0, 0, 0, 0)).getAsJsonObject();
    assertEquals(0, empty.getAsJsonArray("files").size());
  }

  @Test
  void countLines_likeAnEditor() {
    assertEquals(0, ParseCommand.countLines(new byte[0]));
    assertEquals(1, ParseCommand.countLines("x = 1".getBytes(UTF_8)));
    assertEquals(1, ParseCommand.countLines("x = 1\n".getBytes(UTF_8)));
    assertEquals(2, ParseCommand.countLines("x = 1\n\n".getBytes(UTF_8)));
  }

  @Test
  void summary_format() {
    assertEquals(
        "1 file, 1 line, 0 files with syntax errors, 3 ms", ParseCommand.summary(1, 1, 0, 0, 3));
    assertEquals(
        "3 files, 120 lines, 1 file with syntax errors, 2 not parsed (see errors), 15 ms",
        ParseCommand.summary(3, 120, 1, 2, 15));
  }

  // --- parse: parser contract ----------------------------------------------------------------

  @Test
  void parseValidFile_printsOk_andExits0() throws IOException {
    Path f = write("ok.py", "import os\n\n\ndef f(x):\n    return os.path.join(x, 'a')\n");
    Run r = run("parse", f.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(f + ": OK"), r.out().lines().limit(1).toList(), "first line reports the file");
    assertTrue(
        r.out().lines().toList().get(1).startsWith("1 file, 5 lines, 0 files with syntax errors"),
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void parseSyntaxError_printsPathLineColumn_andExits1() throws IOException {
    Path good = write("src/a_good.py", "x = 1\n");
    Path bad = write("src/b_bad.py", "x = 1\nfor y in x\n    pass\n");
    Run r = run("parse", tmp.resolve("src").toString());
    assertEquals(1, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(good + ": OK", lines.get(0));
    assertTrue(lines.get(1).matches("\\Q" + bad + "\\E:2:\\d+: .+"), lines.get(1));
    assertTrue(
        lines.get(lines.size() - 1).startsWith("2 files, 4 lines, 1 file with syntax errors"),
        r.out());
  }

  @Test
  void parseJson_reportsEachFile() throws IOException {
    Path good = write("a.py", "x = 1\n");
    Path bad = write("b.py", "def f(:\n");
    Run r = run("parse", "--format", "json", good.toString(), bad.toString());
    assertEquals(1, r.status(), r.err());
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonArray files = doc.getAsJsonArray("files");
    assertEquals(good.toString(), files.get(0).getAsJsonObject().get("path").getAsString());
    assertTrue(files.get(0).getAsJsonObject().get("ok").getAsBoolean());
    JsonObject b = files.get(1).getAsJsonObject();
    assertFalse(b.get("ok").getAsBoolean());
    assertEquals(
        1, b.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("line").getAsInt());
    assertEquals(1, doc.getAsJsonObject("summary").get("filesWithSyntaxErrors").getAsInt());
  }

  @Test
  void parseUndecodableFile_isADiagnostic_notACrash() throws IOException {
    Path f = tmp.resolve("latin1.py");
    Files.write(f, new byte[] {'s', ' ', '=', ' ', '"', (byte) 0xe9, '"', '\n'});
    Run r = run("parse", f.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().startsWith(f + ":1:"), r.out());
  }
}
