package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code parse [--format text|json] PATH...}: parses Python files and reports syntax errors.
 *
 * <p>Text output: one line per file, {@code PATH: OK}, or one line per diagnostic, {@code
 * PATH:LINE:COLUMN: MESSAGE}, then a summary line. Lines and columns are 1-based; columns count
 * characters, as CPython's {@code SyntaxError.offset} does. JSON output: one document on stdout
 * with the same facts (see {@link #writeJson}).
 */
final class ParseCommand {
  static final String SUMMARY =
      """
        parse [--format text|json] PATH...
            Parse Python files and report syntax errors. A PATH is a file (parsed
            whatever its name) or a folder (every *.py file below it, sorted, hidden
            folders skipped). Exit status 1 when any file has a syntax error.
      """;

  private static final String HELP =
      """
      Usage: java -jar security-review.jar parse [--format text|json] [--] PATH...

      Parses each Python file with security-review's own parser (CPython 3.14
      grammar, with 3.15's lazy imports) and reports what CPython would reject.

      Options:
        --format text  (default) 'PATH: OK' per clean file, 'PATH:LINE:COL: MESSAGE'
                       per syntax error, then a summary line
        --format json  one JSON document: {"files": [...], "summary": {...}}
        -h, --help     show this help
        --             end of options: every later argument is a PATH

      Folders are walked recursively: every *.py file, in sorted order, skipping
      folders whose name starts with '.'. Lines and columns are 1-based; columns
      count characters.

      Exit status: 0 all files parsed, 1 a syntax error in at least one file,
      2 usage error, unreadable path or internal error.
      """;

  private static final String HELP_COMMAND = "parse --help";

  enum Format {
    TEXT,
    JSON
  }

  /** One parsed (or unreadable) file. */
  record FileReport(String path, int lines, List<Problem> diagnostics, String error) {
    boolean ok() {
      return error == null && diagnostics.isEmpty();
    }
  }

  /** A diagnostic in 1-based line and character column. */
  record Problem(int line, int column, String message) {}

  private final PrintStream out;
  private final PrintStream err;

  ParseCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) throws UsageException {
    Format format = Format.TEXT;
    List<String> paths = new ArrayList<>();
    boolean options = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("-h") || a.equals("--help"))) {
        out.print(HELP);
        return Main.EXIT_OK;
      } else if (options && a.equals("--format")) {
        if (i + 1 >= args.length) {
          throw new UsageException("--format needs a value: text or json", HELP_COMMAND);
        }
        format = format(args[++i]);
      } else if (options && a.startsWith("--format=")) {
        format = format(a.substring("--format=".length()));
      } else if (options && a.startsWith("-") && !a.equals("-")) {
        throw new UsageException("parse: unknown option '" + a + "'", HELP_COMMAND);
      } else {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("parse: no PATH given", HELP_COMMAND);
    }

    List<Path> files = collect(paths);
    if (files.isEmpty()) {
      err.println(Main.NAME + ": warning: no Python files found in " + String.join(" ", paths));
    }

    long start = System.nanoTime();
    List<FileReport> reports = new ArrayList<>(files.size());
    for (Path file : files) {
      FileReport r = parseOne(file);
      reports.add(r);
      if (r.error() != null) {
        err.println(Main.NAME + ": " + r.path() + ": " + r.error());
      }
      if (format == Format.TEXT && (r.error() == null || !r.diagnostics().isEmpty())) {
        writeText(r);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    int lines = 0;
    int withErrors = 0;
    int unreadable = 0;
    for (FileReport r : reports) {
      lines += r.lines();
      if (r.error() != null) {
        unreadable++;
      } else if (!r.diagnostics().isEmpty()) {
        withErrors++;
      }
    }
    if (format == Format.JSON) {
      out.print(writeJson(reports, lines, withErrors, unreadable, millis));
    } else {
      out.println(summary(reports.size(), lines, withErrors, unreadable, millis));
    }
    if (unreadable > 0) {
      return Main.EXIT_ERROR;
    }
    return withErrors > 0 ? Main.EXIT_PROBLEMS : Main.EXIT_OK;
  }

  private static Format format(String value) throws UsageException {
    return switch (value) {
      case "text" -> Format.TEXT;
      case "json" -> Format.JSON;
      default ->
          throw new UsageException(
              "--format must be 'text' or 'json', not '" + value + "'", HELP_COMMAND);
    };
  }

  /**
   * Expands the command-line paths into the files to parse: a file as it is, a folder into its
   * {@code *.py} files (sorted, hidden folders and symbolic links to folders skipped). A path named
   * twice is parsed once. Fails on the first path that does not exist or cannot be read.
   */
  static List<Path> collect(List<String> args) throws UsageException {
    List<Path> files = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String arg : args) {
      Path root;
      try {
        root = Path.of(arg);
      } catch (InvalidPathException e) {
        throw new UsageException("invalid path '" + arg + "': " + e.getReason());
      }
      if (!Files.exists(root)) {
        throw new UsageException("no such file or folder: " + arg);
      }
      List<Path> found = new ArrayList<>();
      if (Files.isDirectory(root)) {
        try {
          Files.walkFileTree(
              root,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                  if (!dir.equals(root) && isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                  }
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                  Path name = file.getFileName();
                  if (name != null
                      && name.toString().endsWith(".py")
                      && Files.isRegularFile(file)) {
                    found.add(file);
                  }
                  return FileVisitResult.CONTINUE;
                }
              });
        } catch (IOException e) {
          throw new UsageException("cannot read folder " + arg + ": " + describe(e));
        }
        found.sort(null);
      } else if (Files.isRegularFile(root)) {
        found.add(root);
      } else {
        throw new UsageException("not a regular file or folder: " + arg);
      }
      for (Path f : found) {
        if (seen.add(identity(f))) {
          files.add(f);
        }
      }
    }
    return files;
  }

  private static boolean isHidden(Path dir) {
    Path name = dir.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static Path identity(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static FileReport parseOne(Path file) {
    String path = file.toString();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      return new FileReport(path, 0, List.of(), "cannot read: " + describe(e));
    }
    ParseResult result;
    try {
      result = PythonParser.parse(content);
    } catch (RuntimeException | StackOverflowError e) {
      // The parser promises never to throw; if it does, say so and go on with the next file.
      return new FileReport(
          path, countLines(content), List.of(), "internal error in the parser: " + e);
    }
    SourceText source = result.source();
    int lines = source != null ? countLines(source) : countLines(content);
    List<Problem> problems = new ArrayList<>();
    List<String> defects = new ArrayList<>();
    List<Diagnostic> diagnostics = result.diagnostics() == null ? List.of() : result.diagnostics();
    for (Diagnostic d : diagnostics) {
      if (d.internal()) {
        // A defect of ours, not of the file: the statement at that line went unparsed.
        defects.add("line " + d.line() + ": " + d.message());
        continue;
      }
      int column = source != null ? source.charColumn(d.line(), d.col()) : d.col();
      problems.add(new Problem(d.line(), Math.max(0, column) + 1, d.message()));
    }
    return new FileReport(
        path, lines, problems, defects.isEmpty() ? null : String.join("; ", defects));
  }

  /** Lines as an editor counts them: a final newline does not start another line. */
  static int countLines(SourceText source) {
    String text = source.text();
    int n = source.lineCount();
    return text.isEmpty() || text.endsWith("\n") ? n - 1 : n;
  }

  static int countLines(byte[] content) {
    int n = 0;
    for (byte b : content) {
      if (b == '\n') {
        n++;
      }
    }
    return content.length > 0 && content[content.length - 1] != '\n' ? n + 1 : n;
  }

  private void writeText(FileReport r) {
    if (r.diagnostics().isEmpty()) {
      out.println(r.path() + ": OK");
      return;
    }
    for (Problem p : r.diagnostics()) {
      out.println(r.path() + ":" + p.line() + ":" + p.column() + ": " + p.message());
    }
  }

  static String summary(int files, int lines, int withErrors, int unreadable, long millis) {
    StringBuilder b = new StringBuilder();
    b.append(plural(files, "file")).append(", ").append(plural(lines, "line")).append(", ");
    b.append(withErrors).append(withErrors == 1 ? " file" : " files").append(" with syntax errors");
    if (unreadable > 0) {
      b.append(", ").append(unreadable).append(" not parsed (see errors)");
    }
    b.append(", ").append(String.format(Locale.ROOT, "%d ms", millis));
    return b.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /**
   * The JSON document:
   *
   * <pre>
   * {
   *   "files": [
   *     {"path": "a.py", "lines": 10, "ok": true, "diagnostics": []},
   *     {"path": "b.py", "lines": 4, "ok": false,
   *      "diagnostics": [{"line": 2, "column": 9, "message": "expected ':'"}]},
   *     {"path": "c.py", "lines": 0, "ok": false, "diagnostics": [], "error": "cannot read: ..."}
   *   ],
   *   "summary": {"files": 3, "lines": 14, "filesWithSyntaxErrors": 1, "filesNotParsed": 1,
   *               "millis": 3}
   * }
   * </pre>
   */
  static String writeJson(
      List<FileReport> reports, int lines, int withErrors, int unreadable, long millis) {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"files\": [");
    for (int i = 0; i < reports.size(); i++) {
      FileReport r = reports.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    {\"path\": ");
      Json.appendQuoted(b, r.path());
      b.append(", \"lines\": ").append(r.lines());
      b.append(", \"ok\": ").append(r.ok());
      b.append(", \"diagnostics\": [");
      for (int j = 0; j < r.diagnostics().size(); j++) {
        Problem p = r.diagnostics().get(j);
        b.append(j == 0 ? "" : ", ");
        b.append("{\"line\": ").append(p.line());
        b.append(", \"column\": ").append(p.column());
        b.append(", \"message\": ");
        Json.appendQuoted(b, p.message());
        b.append('}');
      }
      b.append(']');
      if (r.error() != null) {
        b.append(", \"error\": ");
        Json.appendQuoted(b, r.error());
      }
      b.append('}');
    }
    b.append(reports.isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"summary\": {\"files\": ").append(reports.size());
    b.append(", \"lines\": ").append(lines);
    b.append(", \"filesWithSyntaxErrors\": ").append(withErrors);
    b.append(", \"filesNotParsed\": ").append(unreadable);
    b.append(", \"millis\": ").append(millis);
    b.append("}\n}\n");
    return b.toString();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
