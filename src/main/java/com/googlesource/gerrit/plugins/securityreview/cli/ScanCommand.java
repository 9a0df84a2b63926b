package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Scanned;
import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code scan [OPTIONS] [PATH...]}: runs the security rules over Python files, folders or the
 * changes of a git checkout, and reports the findings as text, JSON or SARIF.
 *
 * <p>Exit status: 0 no finding at or above the thresholds, 1 at least one, 2 a usage error, a
 * missing path, a git failure, or a file that could not be checked (unreadable, or an internal
 * error, reported on stderr while the other files are still checked).
 */
final class ScanCommand {
  static final String SUMMARY =
      """
        scan [OPTIONS] [PATH...]
            Run the security rules over Python files and folders (default: the
            current folder), or over what a change since a git ref introduces
            (--diff REF). Text, JSON or SARIF output. Exit status 1 when a finding
            meets the thresholds. 'scan --help' lists the options.
      """;

  static final String HELP =
      """
      Usage: java -jar security-review.jar scan [OPTIONS] [--] [PATH...]

      Runs the security rules over Python code. A PATH is a file (checked whatever
      its name, unless an --exclude glob matches it) or a folder (every file below
      it that the --include globs admit, in sorted order, skipping folders whose
      name starts with '.'). Without PATH: the current folder.

      Options:
        --format text|json|sarif  output format (default text): 'PATH:LINE:COL: ID
                                  [severity/confidence] message' per finding, then a
                                  summary; json: one document; sarif: SARIF 2.1.0
        --diff REF                review the change since REF as the plugin reviews a
                                  patch set: the working tree (staged or not) against
                                  REF, each changed file compared with its version at
                                  REF (renames followed). Reports the findings the
                                  change introduces on changed lines, plus the
                                  change-level rules; findings the file already had
                                  (reformatted or moved code) are counted as
                                  pre-existing, not listed. Untracked files that git
                                  does not ignore count as new.
        --min-severity LEVEL      low (default), medium or high
        --min-confidence LEVEL    low (default), medium or high
        --disable ID[,ID...]      turn rules off: our ids, Bandit ids or Ruff codes
        --enable ID[,ID...]       turn on rules that are off by default
        --include GLOB            files to check in folders (default **/*.py); each
                                  --include replaces the default
        --exclude GLOB            files to skip, e.g. '**/tests/**'
        --list-rules              list the rules (text, or json with --format json)
        -h, --help                show this help
        --                        end of options: every later argument is a PATH

      Globs: '*' within a folder, '**' across folders ('**/' also matches no
      folder), '?' one character; matched against the path as reported. Repeat
      --disable, --enable, --include and --exclude as often as needed.

      Positions are 1-based; columns count UTF-16 code units (characters).

      Exit status: 0 no finding at or above the thresholds, 1 at least one (a file
      that does not parse is an SR001 finding of low severity), 2 usage error,
      missing path, git failure, or a file that could not be checked.
      """;

  static final String HELP_COMMAND = "scan --help";

  /**
   * Stack of the analysis threads: the parser and the tree walk recurse over nested source, and a
   * pathological file must not crash the scan.
   */
  private static final long STACK_SIZE = 256L << 20;

  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  /**
   * One file to check: where it is, how it is reported, which of its lines count, and with {@code
   * --diff} its base version (null for a plain scan).
   */
  record Target(Path file, String path, ChangedLines changed, BaseVersion base) {}

  /** The parsed command line. */
  record Args(
      Format format, String diffRef, boolean listRules, EngineOptions engine, List<String> paths) {}

  private final PrintStream out;
  private final PrintStream err;
  private final Path cwd;
  private final List<Rule> allRules;

  /**
   * @param cwd the folder relative paths are resolved against and reported relative to
   * @param allRules every rule there is (the engine picks those that are on)
   */
  ScanCommand(PrintStream out, PrintStream err, Path cwd, List<Rule> allRules) {
    this.out = out;
    this.err = err;
    this.cwd = cwd.toAbsolutePath().normalize();
    this.allRules = allRules;
  }

  int run(String[] argv) throws UsageException {
    Args args = parse(argv);
    if (args == null) {
      out.print(HELP);
      return Main.EXIT_OK;
    }
    warnUnknownIds("--disable", args.engine().disabled());
    warnUnknownIds("--enable", args.engine().enabled());
    if (args.listRules()) {
      out.print(
          args.format() == Format.JSON
              ? listRulesJson(args.engine())
              : listRulesText(args.engine()));
      return Main.EXIT_OK;
    }

    long start = System.nanoTime();
    List<Target> targets;
    if (args.diffRef() != null) {
      try {
        targets = diffTargets(args);
      } catch (GitDiff.GitException e) {
        err.println(Main.NAME + ": " + e.getMessage());
        return Main.EXIT_ERROR;
      }
    } else {
      targets = walkTargets(args);
      if (targets.isEmpty()) {
        err.println(Main.NAME + ": warning: no files to scan in " + String.join(" ", args.paths()));
      }
    }

    Engine engine = new Engine(allRules, args.engine());
    ScanReport report = scan(engine, targets, args.diffRef() != null, start);
    for (Problem p : report.errors()) {
      err.println(Main.NAME + ": " + p.path() + ": " + p.message());
    }
    String version = Main.version();
    switch (args.format()) {
      case TEXT -> out.print(report.text());
      case JSON -> out.print(report.json(version));
      case SARIF ->
          out.print(
              Sarif.write(
                  report,
                  engine.rules().stream().map(Rule::meta).toList(),
                  allRules.stream().map(Rule::meta).toList(),
                  version,
                  cwd));
    }
    if (!report.errors().isEmpty()) {
      return Main.EXIT_ERROR;
    }
    return report.findings().isEmpty() ? Main.EXIT_OK : Main.EXIT_PROBLEMS;
  }

  // ------------------------------------------------------------------ command line

  /** Parses the arguments; null when help was asked for. */
  static Args parse(String[] argv) throws UsageException {
    Format format = Format.TEXT;
    String diff = null;
    boolean listRules = false;
    Severity severity = Severity.LOW;
    Confidence confidence = Confidence.LOW;
    Set<String> disabled = new LinkedHashSet<>();
    Set<String> enabled = new LinkedHashSet<>();
    List<PathGlob> include = new ArrayList<>();
    List<PathGlob> exclude = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean options = true;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!options || a.equals("-") || !a.startsWith("-")) {
        paths.add(a);
        continue;
      }
      if (a.equals("--")) {
        options = false;
        continue;
      }
      if (a.equals("-h") || a.equals("--help")) {
        return null;
      }
      if (a.equals("--list-rules")) {
        listRules = true;
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      switch (name) {
        case "--format",
            "--diff",
            "--min-severity",
            "--min-confidence",
            "--disable",
            "--enable",
            "--include",
            "--exclude" -> {
          if (value == null) {
            if (i + 1 >= argv.length) {
              throw new UsageException("scan: " + name + " needs a value", HELP_COMMAND);
            }
            value = argv[++i];
          }
        }
        default -> throw new UsageException("scan: unknown option '" + a + "'", HELP_COMMAND);
      }
      switch (name) {
        case "--format" ->
            format =
                switch (value) {
                  case "text" -> Format.TEXT;
                  case "json" -> Format.JSON;
                  case "sarif" -> Format.SARIF;
                  default ->
                      throw new UsageException(
                          "scan: --format must be 'text', 'json' or 'sarif', not '" + value + "'",
                          HELP_COMMAND);
                };
        case "--diff" -> {
          if (value.isBlank() || value.startsWith("-")) {
            throw new UsageException(
                "scan: --diff needs a git ref (a commit, branch or tag), not '" + value + "'",
                HELP_COMMAND);
          }
          diff = value;
        }
        case "--min-severity" -> {
          severity = Severity.parse(value);
          if (severity == null) {
            throw new UsageException(
                "scan: --min-severity must be low, medium or high, not '" + value + "'",
                HELP_COMMAND);
          }
        }
        case "--min-confidence" -> {
          confidence = Confidence.parse(value);
          if (confidence == null) {
            throw new UsageException(
                "scan: --min-confidence must be low, medium or high, not '" + value + "'",
                HELP_COMMAND);
          }
        }
        case "--disable" -> disabled.addAll(ids(name, value));
        case "--enable" -> enabled.addAll(ids(name, value));
        case "--include" -> include.add(glob(name, value));
        case "--exclude" -> exclude.add(glob(name, value));
        default -> throw new IllegalStateException(name);
      }
    }
    if (include.isEmpty()) {
      include = EngineOptions.defaults().include();
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    EngineOptions engine =
        new EngineOptions(severity, confidence, disabled, enabled, include, exclude);
    return new Args(format, diff, listRules, engine, List.copyOf(paths));
  }

  private static List<String> ids(String option, String value) throws UsageException {
    List<String> ids = new ArrayList<>();
    for (String id : value.split(",")) {
      String t = id.strip();
      if (!t.isEmpty()) {
        if (!t.matches("[A-Za-z]+[0-9]+")) {
          throw new UsageException(
              "scan: " + option + ": '" + t + "' is not a rule id (such as OVN601, B602 or S602)",
              HELP_COMMAND);
        }
        ids.add(t.toUpperCase(Locale.ROOT));
      }
    }
    if (ids.isEmpty()) {
      throw new UsageException("scan: " + option + " needs at least one rule id", HELP_COMMAND);
    }
    return ids;
  }

  private static PathGlob glob(String option, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(
          "scan: " + option + " needs a glob, such as '**/*.py'", HELP_COMMAND);
    }
    return PathGlob.of(value.replace('\\', '/'));
  }

  /** An id that names no rule is most likely a typo: say so, but go on (Bandit lists are long). */
  private void warnUnknownIds(String option, Set<String> ids) {
    Set<String> known = new HashSet<>();
    for (Rule r : allRules) {
      for (String id : r.meta().suppressionIds()) {
        known.add(id.toUpperCase(Locale.ROOT));
      }
    }
    for (String id : ids) {
      if (!known.contains(id)) {
        err.println(Main.NAME + ": warning: " + option + ": no rule has the id " + id);
      }
    }
  }

  // ------------------------------------------------------------------ files

  /** A command-line path: as given (for reporting), resolved, and its real location. */
  private record Root(String arg, String display, Path path, Path real) {}

  private List<Root> roots(List<String> args) throws UsageException {
    List<Root> roots = new ArrayList<>();
    for (String arg : args) {
      Path given;
      try {
        given = Path.of(arg);
      } catch (InvalidPathException e) {
        throw new UsageException(
            "scan: invalid path '" + arg + "': " + e.getReason(), HELP_COMMAND);
      }
      Path resolved = cwd.resolve(given).normalize();
      if (!Files.exists(resolved)) {
        throw new UsageException("no such file or folder: " + arg, HELP_COMMAND);
      }
      if (!Files.isDirectory(resolved) && !Files.isRegularFile(resolved)) {
        throw new UsageException("not a regular file or folder: " + arg, HELP_COMMAND);
      }
      String display = slashes(given.normalize().toString());
      Path real;
      try {
        real = resolved.toRealPath();
      } catch (IOException e) {
        throw new UsageException("cannot read " + arg + ": " + e.getMessage(), HELP_COMMAND);
      }
      roots.add(new Root(arg, display, resolved, real));
    }
    return roots;
  }

  /**
   * Every file under the paths: a file as named (unless excluded), a folder walked for the files
   * the globs admit, sorted, hidden folders skipped. A file reached twice is checked once.
   */
  private List<Target> walkTargets(Args args) throws UsageException {
    EngineOptions options = args.engine();
    List<Target> targets = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Root root : roots(args.paths())) {
      if (Files.isRegularFile(root.path())) {
        if (!excluded(options, root.display()) && seen.add(root.real())) {
          targets.add(new Target(root.path(), root.display(), ChangedLines.ALL, null));
        }
        continue;
      }
      List<Target> found = new ArrayList<>();
      try {
        Files.walkFileTree(
            root.path(),
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root.path()) && hidden(dir.getFileName())) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String display = join(root.display(), root.path().relativize(file));
                if (Files.isRegularFile(file) && options.accepts(display)) {
                  found.add(new Target(file, display, ChangedLines.ALL, null));
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                err.println(Main.NAME + ": warning: cannot read " + file + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UsageException("cannot read folder " + root.arg() + ": " + e.getMessage());
      }
      found.sort(Comparator.comparing(Target::path));
      for (Target t : found) {
        if (seen.add(realPath(t.file()))) {
          targets.add(t);
        }
      }
    }
    return targets;
  }

  /**
   * The changed files under the paths, with their changed lines and base versions. The same filters
   * apply as for a walk: a changed file named on the command line is taken unless excluded; the
   * others must pass the globs and lie in no hidden folder below the path they were found under.
   *
   * <p>The engine sees every path, new, base and {@link BaseVersion#changedPaths}, in the form
   * findings are reported in (see {@link #display}), so that a change-level rule can compare them
   * and the test-path logic treats both versions of a file alike; from the top of the checkout
   * these are the repository paths the plugin uses.
   */
  private List<Target> diffTargets(Args args) throws UsageException, GitDiff.GitException {
    List<Root> roots = roots(args.paths());
    GitDiff.Result diff = GitDiff.changedSince(cwd, args.diffRef(), args.paths());
    Path top = realPath(diff.topLevel());
    Path here = realPath(cwd);
    Set<String> changedPaths = new LinkedHashSet<>();
    for (String p : diff.changedPaths()) {
      changedPaths.add(display(roots, here, top.resolve(p).normalize()));
    }
    EngineOptions options = args.engine();

    record Found(Path file, String path, GitDiff.FileChange change) {}
    List<Found> found = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Map.Entry<String, GitDiff.FileChange> e : diff.changed().entrySet()) {
      Path file = top.resolve(e.getKey()).normalize();
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !seen.add(file)) {
        continue;
      }
      for (Root root : roots) {
        if (!file.startsWith(root.real())) {
          continue;
        }
        Path rel = root.real().relativize(file);
        boolean named = rel.toString().isEmpty();
        String display = named ? root.display() : join(root.display(), rel);
        boolean take =
            named ? !excluded(options, display) : !inHiddenFolder(rel) && options.accepts(display);
        if (take) {
          found.add(new Found(file, display, e.getValue()));
        }
        break;
      }
    }

    List<String> blobIds = new ArrayList<>();
    for (Found f : found) {
      if (f.change().baseBlob() != null) {
        blobIds.add(f.change().baseBlob());
      }
    }
    Map<String, byte[]> blobs = GitDiff.readBlobs(top, blobIds);
    List<Target> targets = new ArrayList<>();
    for (Found f : found) {
      GitDiff.FileChange c = f.change();
      BaseVersion base =
          c.baseBlob() == null
              ? BaseVersion.added(f.path(), changedPaths)
              : new BaseVersion(
                  display(roots, here, top.resolve(c.basePath()).normalize()),
                  blobs.get(c.baseBlob()),
                  changedPaths);
      targets.add(new Target(f.file(), f.path(), c.lines(), base));
    }
    targets.sort(Comparator.comparing(Target::path));
    return targets;
  }

  /**
   * How a file of the checkout (existing or not) is reported: below a path argument, relative to
   * the first one that holds it, as a walk reports it; elsewhere, relative to the current folder.
   */
  private static String display(List<Root> roots, Path here, Path file) {
    for (Root root : roots) {
      if (file.startsWith(root.real())) {
        Path rel = root.real().relativize(file);
        return rel.toString().isEmpty() ? root.display() : join(root.display(), rel);
      }
    }
    return slashes(here.relativize(file).toString());
  }

  private static boolean excluded(EngineOptions options, String path) {
    return options.exclude().stream().anyMatch(g -> g.matches(path));
  }

  private static boolean inHiddenFolder(Path rel) {
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      if (hidden(rel.getName(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hidden(Path name) {
    return name != null && name.toString().startsWith(".") && !name.toString().equals("..");
  }

  private static String join(String base, Path rel) {
    String r = slashes(rel.toString());
    return base.isEmpty() ? r : base.endsWith("/") ? base + r : base + "/" + r;
  }

  private static String slashes(String p) {
    return p.replace('\\', '/');
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  // ------------------------------------------------------------------ scanning

  /**
   * Checks the files on a few threads with large stacks, and gathers the results in the order of
   * {@code targets}. A file that cannot be read, or on which the engine fails, becomes a {@link
   * Problem}; the other files are still checked.
   */
  private static ScanReport scan(Engine engine, List<Target> targets, boolean diff, long start) {
    int threads = Math.max(1, Math.min(targets.size(), Math.min(8, cpus())));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(null, r, Main.NAME + "-scan", STACK_SIZE);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Target t : targets) {
        futures.add(pool.submit(() -> check(engine, t)));
      }
      List<Scanned> files = new ArrayList<>();
      List<Problem> errors = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        Object r;
        try {
          r = futures.get(i).get();
        } catch (ExecutionException e) {
          r = new Problem(targets.get(i).path(), "internal error: " + describe(e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          r = new Problem(targets.get(i).path(), "interrupted");
        }
        if (r instanceof Scanned s) {
          files.add(s);
        } else {
          errors.add((Problem) r);
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new ScanReport(List.copyOf(files), List.copyOf(errors), millis, diff);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Checks one file: a {@link Scanned} or a {@link Problem}. */
  static Object check(Engine engine, Target t) {
    byte[] content;
    try {
      content = Files.readAllBytes(t.file());
    } catch (IOException e) {
      return new Problem(t.path(), "cannot read: " + e.getMessage());
    }
    FileResult result;
    try {
      result =
          t.base() == null
              ? engine.analyze(t.path(), content, t.changed())
              : engine.analyze(t.path(), content, t.changed(), t.base());
    } catch (RuntimeException | StackOverflowError e) {
      return new Problem(t.path(), "internal error while checking: " + describe(e));
    }
    String[] lines = lines(content);
    List<String> texts = new ArrayList<>(result.findings().size());
    for (Finding f : result.findings()) {
      texts.add(f.line() >= 1 && f.line() <= lines.length ? lines[f.line() - 1] : "");
    }
    return new Scanned(result, List.copyOf(texts));
  }

  /** The exception and where it was thrown, so that a bug report can name the rule. */
  static String describe(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("com.googlesource.")) {
        return e + " at " + frame;
      }
    }
    StackTraceElement[] frames = e.getStackTrace();
    return frames.length == 0 ? e.toString() : e + " at " + frames[0];
  }

  /** The lines of a file as text, for line hashes only: UTF-8, bad bytes replaced. */
  private static String[] lines(byte[] content) {
    String s = new String(content, StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    return s.split("\r\n|\r|\n", -1);
  }

  // ------------------------------------------------------------------ --list-rules

  private String listRulesText(EngineOptions options) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "ID", "NAME", "SEVERITY", "CONFIDENCE", "DEFAULT", "BANDIT", "RUFF", "TITLE"
        });
    for (Rule r : allRules) {
      RuleMeta m = r.meta();
      rows.add(
          new String[] {
            m.id(),
            m.name(),
            m.severity().label(),
            m.confidence().label(),
            m.enabledByDefault() ? "on" : "off",
            m.banditId() == null ? "-" : m.banditId(),
            m.ruffCode() == null ? "-" : m.ruffCode(),
            m.title()
          });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].length() + 2));
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  /**
   * {@code {"rules": [{"id", "name", "title", "severity", "confidence", "category",
   * "enabledByDefault", "enabled", "banditId", "ruffCode"}]}}; {@code enabled} says whether the
   * rule runs under the given --enable and --disable.
   */
  private String listRulesJson(EngineOptions options) {
    StringBuilder b = new StringBuilder("{\n  \"rules\": [");
    for (int i = 0; i < allRules.size(); i++) {
      RuleMeta m = allRules.get(i).meta();
      b.append(i == 0 ? "\n    " : ",\n    ").append("{\"id\": ");
      Json.appendQuoted(b, m.id());
      b.append(", \"name\": ");
      Json.appendQuoted(b, m.name());
      b.append(", \"title\": ");
      Json.appendQuoted(b, m.title());
      b.append(", \"severity\": ");
      Json.appendQuoted(b, m.severity().label());
      b.append(", \"confidence\": ");
      Json.appendQuoted(b, m.confidence().label());
      b.append(", \"category\": ");
      Json.appendQuoted(b, m.category());
      b.append(", \"enabledByDefault\": ").append(m.enabledByDefault());
      b.append(", \"enabled\": ").append(options.isOn(m));
      b.append(", \"banditId\": ").append(Json.quote(m.banditId()));
      b.append(", \"ruffCode\": ").append(Json.quote(m.ruffCode()));
      b.append('}');
    }
    b.append(allRules.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return b.toString();
  }
}
