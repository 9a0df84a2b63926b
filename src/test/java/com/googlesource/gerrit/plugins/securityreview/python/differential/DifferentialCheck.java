package com.googlesource.gerrit.plugins.securityreview.python.differential;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.python.AstDumper;
import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Differential check of {@link PythonParser} against CPython's {@code ast}: parses every {@code
 * .py} file of a Python installation with both and compares the trees node for node, positions
 * included, as text written by {@link AstDumper} and by {@code tools/differential/cpython_dump.py}.
 *
 * <p>Run from the repository root: {@code ./run differential --show-diffs 10 --out
 * target/differential.txt}, which is
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.googlesource.gerrit.plugins.securityreview.python.differential.DifferentialCheck \
 *   -Dexec.args="--show-diffs 10 --out target/differential.txt"
 * </pre>
 *
 * <p>Options: {@code --python python3}, {@code --script tools/differential/cpython_dump.py}, {@code
 * --limit N}, {@code --sample-every K}, {@code --stdlib-only}, {@code --show-diffs N}, {@code --out
 * report.txt}, {@code --dump-dir DIR} (writes both dumps of each mismatch), {@code --min-fidelity
 * 99.5}, {@code --fstring-part-positions} / {@code --no-fstring-part-positions} (default: as the
 * interpreter, on from 3.12), {@code --stack-size BYTES}, {@code --timeout SECONDS}, {@code
 * --quiet}; files or folders as positional arguments replace the default corpus (the interpreter's
 * standard library and site-packages).
 *
 * <p>Exit status 0 when the fidelity reaches {@code --min-fidelity}, nothing crashed and every file
 * CPython rejects got a diagnostic; 1 otherwise; 2 on a usage or setup error. Files that CPython
 * gives up on only for a limit of its own (a {@code RecursionError} or {@code MemoryError}, as for
 * a chain of 100,000 attribute accesses) are reported but not required to get a diagnostic. A crash
 * is any {@link Throwable} out of {@link PythonParser#parse(byte[])} (a {@link StackOverflowError}
 * included; the parser runs on a thread of the JVM's default stack size unless {@code --stack-size}
 * says otherwise) or a parse that takes longer than {@code --timeout}.
 */
public final class DifferentialCheck {
  /** Where {@code cpython_dump.py} lives, relative to the repository root. */
  public static final String SCRIPT = "tools/differential/cpython_dump.py";

  private static final Pattern POSITION_AT_END =
      Pattern.compile(
          "lineno=(\\d+), col_offset=(\\d+), end_lineno=(\\d+), end_col_offset=(\\d+)$");

  /** What to check and how. */
  public static final class Options {
    public String python = "python3";
    public Path script;
    public final List<Path> roots = new ArrayList<>();
    public boolean stdlibOnly;
    public int limit;
    public int sampleEvery = 1;
    public int showDiffs;
    public Path out;
    public Path dumpDir;
    public double minFidelity = 99.5;
    public Boolean fstringPartPositions;
    public long stackSize;
    public long timeoutSeconds = 120;
    public boolean quiet;
    public PrintStream log = System.out;
  }

  /** One file that did not compare equal, or that we rejected or missed or crashed on. */
  public record Failure(String kind, String path, String reason) {}

  /** A group of mismatches with the same first difference, for the summary. */
  public static final class Group {
    public final String key;
    public int count;
    public final String example;

    Group(String key, String example) {
      this.key = key;
      this.example = example;
    }
  }

  /** The outcome of a run. */
  public static final class Report {
    public String python = "?";
    public boolean fstringPartPositions;
    public int files;
    public int accepted;
    public int equal;
    public int different;
    public int falseRejections;
    public int crashes;
    public int rejected;
    public int rejectedDiagnosed;
    public int missed;

    /** Rejected files whose error CPython places on a line: how many of ours are there too. */
    public int rejectedWithLine;

    public int rejectedSameLine;
    public int rejectedSameLineAndColumn;

    /** Accepted by us, rejected by CPython only for a recursion or memory limit of its own. */
    public int missedLimits;

    public int skipped;
    public long ourNanos;
    public long totalNanos;
    public final List<Failure> failures = new ArrayList<>();
    public final Map<String, Group> mismatchGroups = new LinkedHashMap<>();
    public final Map<String, Group> falseRejectionGroups = new LinkedHashMap<>();

    /** Percentage of the files CPython accepts that compare equal. */
    public double fidelity() {
      return accepted == 0 ? 100.0 : 100.0 * equal / accepted;
    }

    public boolean passed(double minFidelity) {
      return fidelity() >= minFidelity && crashes == 0 && missed == 0;
    }

    public String summaryLine() {
      return String.format(
              Locale.ROOT,
              "fidelity: %.2f%% (%d/%d accepted files equal), crashes: %d, rejected files"
                  + " diagnosed: %d/%d",
              fidelity(),
              equal,
              accepted,
              crashes,
              rejectedDiagnosed,
              rejected - missedLimits)
          + (missedLimits == 0
              ? ""
              : " (and " + missedLimits + " accepted that CPython rejects for its own limits)");
    }
  }

  private DifferentialCheck() {}

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--python" -> o.python = args[++i];
          case "--script" -> o.script = Paths.get(args[++i]);
          case "--limit" -> o.limit = Integer.parseInt(args[++i]);
          case "--sample-every" -> o.sampleEvery = Integer.parseInt(args[++i]);
          case "--stdlib-only" -> o.stdlibOnly = true;
          case "--show-diffs" -> o.showDiffs = Integer.parseInt(args[++i]);
          case "--out" -> o.out = Paths.get(args[++i]);
          case "--dump-dir" -> o.dumpDir = Paths.get(args[++i]);
          case "--min-fidelity" -> o.minFidelity = Double.parseDouble(args[++i]);
          case "--fstring-part-positions" -> o.fstringPartPositions = true;
          case "--no-fstring-part-positions", "--legacy" -> o.fstringPartPositions = false;
          case "--stack-size" -> o.stackSize = parseSize(args[++i]);
          case "--timeout" -> o.timeoutSeconds = Long.parseLong(args[++i]);
          case "--quiet" -> o.quiet = true;
          case "-h", "--help" -> {
            usage(System.out);
            return;
          }
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            o.roots.add(Paths.get(a));
          }
        }
      }
    } catch (RuntimeException e) {
      System.err.println("differential: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    Report r;
    try {
      r = run(o);
    } catch (IOException e) {
      System.err.println("differential: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(r.passed(o.minFidelity) ? 0 : 1);
  }

  private static void usage(PrintStream s) {
    s.println(
        "usage: DifferentialCheck [--python python3] [--script "
            + SCRIPT
            + "] [--limit N] [--sample-every K] [--stdlib-only] [--show-diffs N] [--out FILE]"
            + " [--dump-dir DIR] [--min-fidelity 99.5] [--[no-]fstring-part-positions]"
            + " [--stack-size BYTES] [--timeout SECONDS] [--quiet] [FILE|DIR ...]");
  }

  private static long parseSize(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) {
      mult = 1L << 10;
    } else if (t.endsWith("m")) {
      mult = 1L << 20;
    } else if (t.endsWith("g")) {
      mult = 1L << 30;
    }
    if (mult != 1) {
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * mult;
  }

  // ------------------------------------------------------------------ corpus

  /** Finds {@code cpython_dump.py}: the given path, else {@value #SCRIPT} here or above. */
  public static Path locateScript(Path given) throws IOException {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new IOException("no such script: " + given);
      }
      return given.toAbsolutePath();
    }
    String prop = System.getProperty("differential.script");
    if (prop != null) {
      return locateScript(Paths.get(prop));
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(SCRIPT);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException("cannot find " + SCRIPT + " in the working folder or above it");
  }

  /** The interpreter's standard library folders and its site-packages folders. */
  public record Roots(String version, List<Path> stdlib, List<Path> site) {}

  public static Roots roots(String python, Path script) throws IOException {
    String out = runForOutput(List.of(python, script.toString(), "--roots"));
    JsonObject o = JsonParser.parseString(out.trim()).getAsJsonObject();
    List<Path> stdlib = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("stdlib")) {
      stdlib.add(Paths.get(e.getAsString()));
    }
    List<Path> site = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("site")) {
      site.add(Paths.get(e.getAsString()));
    }
    return new Roots(o.get("python").getAsString(), stdlib, site);
  }

  /**
   * Every {@code .py} file under the given files and folders, leaving out those under {@code
   * exclude}, deduplicated by real path and sorted.
   */
  public static List<Path> corpus(List<Path> roots, List<Path> exclude) throws IOException {
    List<Path> excluded = new ArrayList<>();
    for (Path p : exclude) {
      if (Files.exists(p)) {
        excluded.add(p.toRealPath());
      }
    }
    TreeSet<String> files = new TreeSet<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      if (Files.isRegularFile(root)) {
        files.add(root.toRealPath().toString());
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (!p.getFileName().toString().endsWith(".py") || !Files.isRegularFile(p)) {
            continue;
          }
          Path real;
          try {
            real = p.toRealPath();
          } catch (IOException e) {
            continue;
          }
          boolean skip = false;
          for (Path x : excluded) {
            if (real.startsWith(x) || p.toAbsolutePath().startsWith(x)) {
              skip = true;
              break;
            }
          }
          if (!skip) {
            files.add(real.toString());
          }
        }
      }
    }
    List<Path> result = new ArrayList<>();
    for (String f : files) {
      result.add(Paths.get(f));
    }
    return result;
  }

  /** The files of a run: the positional roots, or the interpreter's library, sampled. */
  public static List<Path> files(Options o, Path script) throws IOException {
    List<Path> all;
    if (!o.roots.isEmpty()) {
      all = corpus(o.roots, List.of());
    } else {
      Roots r = roots(o.python, script);
      if (o.stdlibOnly) {
        all = corpus(r.stdlib(), r.site());
      } else {
        List<Path> both = new ArrayList<>(r.stdlib());
        both.addAll(r.site());
        all = corpus(both, List.of());
      }
    }
    return sample(all, o.sampleEvery, o.limit);
  }

  static List<Path> sample(List<Path> all, int every, int limit) {
    List<Path> files = new ArrayList<>();
    int k = Math.max(1, every);
    for (int i = 0; i < all.size(); i += k) {
      if (limit > 0 && files.size() >= limit) {
        break;
      }
      files.add(all.get(i));
    }
    return files;
  }

  static String runForOutput(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + rc);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }

  /** Python's count of lines: newlines, plus one for a last line without one. */
  public static int countLines(byte[] data) {
    int n = 0;
    for (byte b : data) {
      if (b == '\n') {
        n++;
      }
    }
    if (data.length > 0 && data[data.length - 1] != '\n') {
      n++;
    }
    return n;
  }

  /** Writes the paths, one a line, to a temporary file for {@code cpython_dump.py --list}. */
  public static Path writeList(List<Path> files) throws IOException {
    Path list = Files.createTempFile("differential-files", ".txt");
    list.toFile().deleteOnExit();
    StringBuilder b = new StringBuilder();
    for (Path f : files) {
      b.append(f).append('\n');
    }
    Files.writeString(list, b, StandardCharsets.UTF_8);
    return list;
  }

  // ------------------------------------------------------------------ run

  /** Our side of one file. */
  private record Ours(ParseResult result, String dump, Throwable crash, String crashWhere) {}

  /**
   * For the tests: runs the check with a few mismatches shown and a per-file timeout of a minute,
   * prints the report to standard output and returns it with the outcome.
   */
  static Report runForTest(Options o, StringBuilder report) throws IOException {
    o.showDiffs = 10;
    o.timeoutSeconds = 60;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    o.log = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Report r = run(o);
    report.append(buffer.toString(StandardCharsets.UTF_8));
    System.out.println(report);
    return r;
  }

  /** Runs the check and prints the report to {@code o.log}. */
  public static Report run(Options o) throws IOException {
    long start = System.nanoTime();
    PrintStream log = o.log;
    Path script = locateScript(o.script);
    List<Path> files = files(o, script);
    Path list = writeList(files);
    Report r = new Report();
    List<String> cmd = new ArrayList<>(List.of(o.python, script.toString(), "--list"));
    cmd.add(list.toString());
    if (o.fstringPartPositions != null) {
      cmd.add(o.fstringPartPositions ? "--fstring-part-positions" : "--no-fstring-part-positions");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process proc = pb.start();
    proc.getOutputStream().close();
    ExecutorService[] executor = {newExecutor(o.stackSize)};
    int shown = 0;
    PrintWriter out =
        o.out == null
            ? null
            : new PrintWriter(Files.newBufferedWriter(o.out, StandardCharsets.UTF_8));
    if (o.dumpDir != null) {
      Files.createDirectories(o.dumpDir);
    }
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8), 1 << 20)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new IOException("no output from " + String.join(" ", cmd));
      }
      JsonObject header = JsonParser.parseString(headerLine).getAsJsonObject();
      r.python = header.get("python").getAsString();
      r.fstringPartPositions = header.get("fstring_part_positions").getAsBoolean();
      if (!o.quiet) {
        log.printf(
            "python %s (%s), f-string part positions: %s; %d files%n",
            r.python, header.get("executable").getAsString(), r.fstringPartPositions, files.size());
      }
      for (int index = 0; index < files.size(); index++) {
        if (!o.quiet && index > 0 && index % 2000 == 0) {
          log.printf("... %d/%d files%n", index, files.size());
        }
        String line = in.readLine();
        if (line == null) {
          throw new IOException(
              "cpython_dump.py stopped after " + index + " of " + files.size() + " files");
        }
        JsonObject rec = JsonParser.parseString(line).getAsJsonObject();
        line = null;
        Path path = files.get(index);
        String p = path.toString();
        if (!rec.get("path").getAsString().equals(p)) {
          throw new IOException("out of step: expected " + p + ", got " + rec.get("path"));
        }
        boolean cpythonOk = rec.get("ok").getAsBoolean();
        if (!cpythonOk && (rec.has("io_error") || rec.has("dump_error"))) {
          r.skipped++;
          fail(r, out, "SKIPPED", p, rec.get("error").getAsString());
          continue;
        }
        byte[] data;
        try {
          data = Files.readAllBytes(path);
        } catch (IOException e) {
          r.skipped++;
          fail(r, out, "SKIPPED", p, "cannot read: " + e);
          continue;
        }
        r.files++;
        String expected = cpythonOk ? rec.get("dump").getAsString() : null;
        String cpythonError = cpythonOk ? null : rec.get("error").getAsString();
        int errorLine = rec.has("lineno") ? rec.get("lineno").getAsInt() : -1;
        int errorOffset = rec.has("offset") ? rec.get("offset").getAsInt() : -1;
        rec = null;
        Ours ours = parseOurs(data, r.fstringPartPositions, o, executor, r);
        if (cpythonOk) {
          r.accepted++;
        } else {
          r.rejected++;
        }
        if (ours.crash() != null) {
          r.crashes++;
          fail(r, out, "CRASH", p, ours.crashWhere() + ": " + describe(ours.crash()));
          if (!o.quiet) {
            log.println("CRASH " + p + " (" + ours.crashWhere() + "): " + ours.crash());
            StackTraceElement[] st = ours.crash().getStackTrace();
            for (int k = 0; k < Math.min(st.length, 12); k++) {
              log.println("    at " + st[k]);
            }
          }
          continue;
        }
        List<Diagnostic> diags = ours.result().diagnostics();
        if (!cpythonOk) {
          if (diags.isEmpty()) {
            if (isCpythonLimit(cpythonError)) {
              r.missedLimits++;
              fail(r, out, "MISSED_LIMIT", p, "CPython: " + cpythonError);
            } else {
              r.missed++;
              fail(r, out, "MISSED", p, "CPython: " + cpythonError);
            }
          } else {
            r.rejectedDiagnosed++;
            if (errorLine > 0) {
              r.rejectedWithLine++;
              Diagnostic d = diags.get(0);
              boolean sameLine = d.line() == errorLine;
              // CPython's offset counts characters from 1; our column counts bytes from 0.
              boolean sameCol = sameLine && errorOffset == charColumn(data, d.line(), d.col()) + 1;
              if (sameLine) {
                r.rejectedSameLine++;
              }
              if (sameCol) {
                r.rejectedSameLineAndColumn++;
              } else {
                fail(r, out, "ERROR_POSITION", p, "ours " + d + " | CPython " + cpythonError);
              }
            }
          }
          continue;
        }
        if (!diags.isEmpty()) {
          r.falseRejections++;
          Diagnostic d = diags.get(0);
          fail(
              r,
              out,
              "FALSE_REJECTION",
              p,
              d + (diags.size() > 1 ? " (+" + (diags.size() - 1) + ")" : ""));
          group(r.falseRejectionGroups, normaliseMessage(d.message()), p + ":" + d);
          if (shown < o.showDiffs) {
            shown++;
            log.println("FALSE REJECTION " + p + ":" + d);
            printSourceLine(log, data, d.line(), d.col());
          }
          continue;
        }
        if (expected.equals(ours.dump())) {
          r.equal++;
          continue;
        }
        r.different++;
        Mismatch m = mismatch(expected, ours.dump());
        group(r.mismatchGroups, m.key, p + (m.line > 0 ? ":" + m.line + ":" + (m.col + 1) : ""));
        fail(r, out, "DIFFERENT", p, m.describe());
        if (o.dumpDir != null) {
          String base = String.format(Locale.ROOT, "%05d-%s", index, path.getFileName());
          Files.writeString(o.dumpDir.resolve(base + ".cpython.txt"), expected);
          Files.writeString(o.dumpDir.resolve(base + ".ours.txt"), ours.dump());
        }
        if (shown < o.showDiffs) {
          shown++;
          log.println("DIFFERENT " + p + " [" + m.key + "]" + m.where());
          if (m.line > 0) {
            printSourceLine(log, data, m.line, m.col);
          }
          log.println("  cpython: " + m.expectedContext);
          log.println("  ours:    " + m.oursContext);
        }
      }
    } finally {
      executor[0].shutdownNow();
      if (out != null) {
        out.close();
      }
      proc.destroy();
    }
    try {
      proc.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    r.totalNanos = System.nanoTime() - start;
    print(r, o);
    return r;
  }

  /**
   * Whether CPython gave up for a limit of its implementation rather than for the grammar:
   * "RecursionError: maximum recursion depth exceeded during ast construction" (3.13, for a chain
   * of 100,000 attributes) or "MemoryError: Parser stack overflowed".
   */
  static boolean isCpythonLimit(String error) {
    return error.startsWith("RecursionError") || error.startsWith("MemoryError");
  }

  private static ExecutorService newExecutor(long stackSize) {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread t = new Thread(null, runnable, "differential-parser", stackSize);
          t.setDaemon(true);
          return t;
        });
  }

  private static Ours parseOurs(
      byte[] data, boolean fstringPartPositions, Options o, ExecutorService[] executor, Report r) {
    Future<Ours> f =
        executor[0].submit(
            () -> {
              ParseResult result;
              long t0 = System.nanoTime();
              try {
                result = PythonParser.parse(data);
              } catch (Throwable t) {
                return new Ours(null, null, t, "PythonParser.parse");
              } finally {
                r.ourNanos += System.nanoTime() - t0;
              }
              if (result == null || result.module() == null || result.diagnostics() == null) {
                return new Ours(
                    null,
                    null,
                    new NullPointerException("null result, module or diagnostics"),
                    "PythonParser.parse");
              }
              if (!result.diagnostics().isEmpty()) {
                return new Ours(result, null, null, null);
              }
              try {
                return new Ours(
                    result, AstDumper.dump(result.module(), fstringPartPositions), null, null);
              } catch (Throwable t) {
                return new Ours(result, null, t, "AstDumper.dump");
              }
            });
    try {
      return f.get(o.timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      executor[0].shutdownNow();
      executor[0] = newExecutor(o.stackSize);
      return new Ours(
          null,
          null,
          new TimeoutException("no result after " + o.timeoutSeconds + " s"),
          "PythonParser.parse");
    } catch (ExecutionException e) {
      return new Ours(null, null, e.getCause(), "PythonParser.parse");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Ours(null, null, e, "interrupted");
    }
  }

  private static String describe(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    String where = st.length > 0 ? " at " + st[0] : "";
    return t.getClass().getSimpleName()
        + (t.getMessage() != null ? ": " + t.getMessage() : "")
        + where;
  }

  private static void fail(Report r, PrintWriter out, String kind, String path, String reason) {
    r.failures.add(new Failure(kind, path, reason));
    if (out != null) {
      out.println(kind + " " + path + " " + reason);
    }
  }

  private static void group(Map<String, Group> groups, String key, String example) {
    groups.computeIfAbsent(key, k -> new Group(k, example)).count++;
  }

  private static String normaliseMessage(String m) {
    String s = m.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  // ------------------------------------------------------------------ mismatch analysis

  /** Where two dumps first differ. */
  static final class Mismatch {
    int index;
    String key;
    int line;
    int col;
    String expectedContext;
    String oursContext;

    String where() {
      return line > 0 ? " near line " + line + ", col " + (col + 1) : "";
    }

    String describe() {
      return "[" + key + "]" + where() + " cpython: " + expectedContext + " | ours: " + oursContext;
    }
  }

  static Mismatch mismatch(String expected, String ours) {
    Mismatch m = new Mismatch();
    int n = Math.min(expected.length(), ours.length());
    int i = 0;
    while (i < n && expected.charAt(i) == ours.charAt(i)) {
      i++;
    }
    m.index = i;
    // Back up to the start of the token, so that 12 vs 13 shows as the whole number.
    int t = i;
    while (t > 0 && isTokenChar(expected.charAt(t - 1))) {
      t--;
    }
    m.expectedContext = context(expected, t);
    m.oursContext = context(ours, t);
    Scan s = scan(expected, i);
    String node = s.nodes.isEmpty() ? "(top)" : s.nodes.get(s.nodes.size() - 1);
    String field = s.fields.isEmpty() ? "" : s.fields.get(s.fields.size() - 1);
    String key = node + (field == null || field.isEmpty() ? "" : "." + field);
    if (!(field != null
        && (field.equals("lineno")
            || field.equals("col_offset")
            || field.equals("end_lineno")
            || field.equals("end_col_offset")))) {
      key += ": " + token(expected, t) + " vs " + token(ours, t);
    }
    m.key = key;
    // The position of the innermost located node around the difference.
    for (int k = s.opens.size() - 1; k >= 0; k--) {
      int close = matchingClose(expected, s.opens.get(k));
      if (close < 0) {
        continue;
      }
      String tail = expected.substring(Math.max(s.opens.get(k), close - 100), close);
      Matcher pm = POSITION_AT_END.matcher(tail);
      if (pm.find()) {
        m.line = Integer.parseInt(pm.group(1));
        m.col = Integer.parseInt(pm.group(2));
        break;
      }
    }
    return m;
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-';
  }

  private static String token(String s, int t) {
    if (t >= s.length()) {
      return "<end>";
    }
    int e = t;
    if (s.charAt(t) == '"') {
      e = skipString(s, t);
    } else {
      while (e < s.length() && isTokenChar(s.charAt(e))) {
        e++;
      }
      if (e == t) {
        e = t + 1;
      }
    }
    String tok = s.substring(t, Math.min(e, s.length()));
    return tok.length() > 24 ? tok.substring(0, 24) + "…" : tok;
  }

  private static String context(String s, int at) {
    int from = Math.max(0, at - 120);
    int to = Math.min(s.length(), at + 100);
    return (from > 0 ? "…" : "")
        + s.substring(from, at)
        + "⟦"
        + s.substring(at, to)
        + (to < s.length() ? "…" : "");
  }

  /** The nodes, fields and open parentheses around index {@code at} of a dump. */
  private static final class Scan {
    final List<String> nodes = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    final List<Integer> opens = new ArrayList<>();
  }

  private static Scan scan(String s, int at) {
    Scan sc = new Scan();
    int i = 0;
    int identStart = -1;
    List<Boolean> kinds = new ArrayList<>(); // true: node, false: list
    while (i < at && i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        i = skipString(s, i);
        identStart = -1;
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '_') {
        if (identStart < 0) {
          identStart = i;
        }
        i++;
        continue;
      }
      String ident = identStart >= 0 ? s.substring(identStart, i) : null;
      identStart = -1;
      switch (c) {
        case '(' -> {
          sc.nodes.add(ident == null ? "?" : ident);
          sc.fields.add(null);
          sc.opens.add(i);
          kinds.add(true);
        }
        case ')' -> {
          if (!kinds.isEmpty() && kinds.remove(kinds.size() - 1)) {
            sc.nodes.remove(sc.nodes.size() - 1);
            sc.fields.remove(sc.fields.size() - 1);
            sc.opens.remove(sc.opens.size() - 1);
          }
        }
        case '[' -> kinds.add(false);
        case ']' -> {
          if (!kinds.isEmpty()) {
            kinds.remove(kinds.size() - 1);
          }
        }
        case '=' -> {
          if (ident != null
              && !sc.fields.isEmpty()
              && !kinds.isEmpty()
              && kinds.get(kinds.size() - 1)) {
            sc.fields.set(sc.fields.size() - 1, ident);
          }
        }
        default -> {}
      }
      i++;
    }
    return sc;
  }

  private static int skipString(String s, int i) {
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '"') {
        return j + 1;
      } else {
        j++;
      }
    }
    return j;
  }

  private static int matchingClose(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        i = skipString(s, i);
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    return -1;
  }

  /** The 0-based character column of a 0-based UTF-8 byte column of a line of the file. */
  static int charColumn(byte[] data, int line, int byteCol) {
    int l = 1;
    int start = 0;
    for (int i = 0; i < data.length && l < line; i++) {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= data.length || data[i + 1] != '\n'))) {
        l++;
        start = i + 1;
      }
    }
    int chars = 0;
    for (int i = start; i < Math.min(data.length, start + byteCol); i++) {
      if ((data[i] & 0xc0) != 0x80) {
        chars++;
      }
    }
    return chars;
  }

  private static void printSourceLine(PrintStream log, byte[] data, int line, int col) {
    int l = 1;
    int start = 0;
    for (int i = 0; i < data.length && l < line; i++) {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= data.length || data[i + 1] != '\n'))) {
        l++;
        start = i + 1;
      }
    }
    if (l != line) {
      return;
    }
    int end = start;
    while (end < data.length && data[end] != '\n' && data[end] != '\r') {
      end++;
    }
    String text = new String(data, start, end - start, StandardCharsets.UTF_8);
    if (text.length() > 160) {
      text = text.substring(0, 160) + "…";
    }
    log.println("  source " + line + ": " + text);
  }

  // ------------------------------------------------------------------ report

  private static void print(Report r, Options o) {
    PrintStream log = o.log;
    if (!r.mismatchGroups.isEmpty()) {
      log.println("mismatches by node.field at the first difference (count, example):");
      printGroups(log, r.mismatchGroups);
    }
    if (!r.falseRejectionGroups.isEmpty()) {
      log.println("false rejections by our first diagnostic (count, example):");
      printGroups(log, r.falseRejectionGroups);
    }
    int listed = 0;
    for (Failure f : r.failures) {
      if ((f.kind().startsWith("MISSED") || f.kind().equals("CRASH") || f.kind().equals("SKIPPED"))
          && listed++ < 20) {
        log.println(f.kind() + " " + f.path() + " " + f.reason());
      }
    }
    log.printf("files: %d (skipped %d)%n", r.files, r.skipped);
    log.printf("CPython accepted: %d%n", r.accepted);
    log.printf("  equal: %d%n", r.equal);
    log.printf("  different: %d%n", r.different);
    log.printf("  we reported a diagnostic (false rejection): %d%n", r.falseRejections);
    log.printf("crashes: %d%n", r.crashes);
    log.printf("CPython rejected: %d%n", r.rejected);
    log.printf("  we also reported a diagnostic: %d%n", r.rejectedDiagnosed);
    log.printf("  we accepted (missed): %d%n", r.missed);
    log.printf(
        "  our first diagnostic at CPython's error line: %d/%d, line and column: %d/%d%n",
        r.rejectedSameLine, r.rejectedWithLine, r.rejectedSameLineAndColumn, r.rejectedWithLine);
    if (r.missedLimits > 0) {
      log.printf(
          "  we accepted, CPython hit a recursion or memory limit (not counted): %d%n",
          r.missedLimits);
    }
    log.printf(
        Locale.ROOT,
        "time: our parser %.1f s (single thread, cold JVM), whole run %.1f s%n",
        r.ourNanos / 1e9,
        r.totalNanos / 1e9);
    log.println(r.summaryLine());
  }

  private static void printGroups(PrintStream log, Map<String, Group> groups) {
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingInt((Group g) -> -g.count).thenComparing(g -> g.key));
    int n = 0;
    for (Group g : sorted) {
      if (n++ >= 40) {
        log.printf("  ... %d more groups%n", sorted.size() - 40);
        break;
      }
      log.printf("  %5d  %s   e.g. %s%n", g.count, g.key, g.example);
    }
  }
}
