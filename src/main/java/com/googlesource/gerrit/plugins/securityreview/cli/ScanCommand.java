package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanOptions.Format;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanTargets.Target;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code scan [OPTIONS] [PATH...]}: runs the security rules over Python files, folders or the
 * changes of a git checkout, and reports the findings as text, JSON or SARIF.
 *
 * <p>The stages: {@link ScanOptions} parses the command line, {@link RuleListing} answers {@code
 * --list-rules}, {@link ScanTargets} picks the files ({@link DiffBase} the base of a {@code
 * --diff}), {@link ScanRun} checks them (with a {@link ProgressLine} on a terminal), {@link
 * ScanFix} applies the fixes of {@code --fix}, {@link ScanReport} and {@link Sarif} render the
 * result.
 *
 * <p>Exit status: 0 no finding at or above the thresholds, 1 at least one, 2 a usage error, a
 * missing path, a git failure, or a file that could not be checked fully (unreadable, or an
 * internal error, such as a rule that threw; reported on stderr while the other rules and files are
 * still checked).
 */
final class ScanCommand {
  static final String SUMMARY =
      """
        scan [OPTIONS] [PATH...]
            Run the security rules over Python files and folders (default: the
            current folder), or over what a change introduces: the next upload
            (--diff) or the change since a git ref (--diff REF), with the bot's
            settings (--config project.config). Applies the rules' fixes with
            --fix. Text, JSON or SARIF output, ending with the vote the bot would
            cast. Exit status 1 when a finding meets the thresholds. 'scan --help'
            lists the options.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Path cwd;
  private final List<Rule> allRules;
  private final boolean stderrIsTerminal;

  /**
   * @param cwd the folder relative paths are resolved against and reported relative to
   * @param allRules every rule there is (the engine picks those that are on)
   */
  ScanCommand(PrintStream out, PrintStream err, Path cwd, List<Rule> allRules) {
    this(out, err, cwd, allRules, ProgressLine.stderrIsTerminal());
  }

  /**
   * @param stderrIsTerminal whether {@code err} is a terminal, where progress is shown
   */
  ScanCommand(
      PrintStream out, PrintStream err, Path cwd, List<Rule> allRules, boolean stderrIsTerminal) {
    this.out = out;
    this.err = err;
    this.cwd = cwd.toAbsolutePath().normalize();
    this.allRules = allRules;
    this.stderrIsTerminal = stderrIsTerminal;
  }

  int run(String[] argv) throws UsageException {
    Optional<ScanOptions> parsed = ScanOptions.parse(argv);
    if (parsed.isEmpty()) {
      out.print(ScanOptions.HELP);
      return Main.EXIT_OK;
    }
    ScanOptions options = parsed.get();
    for (String warning : options.unknownRuleIds(allRules)) {
      err.println(Main.NAME + ": warning: " + warning);
    }
    BotSettings bot;
    try {
      bot = BotSettings.load(cwd, options.configs(), allRules);
    } catch (BotSettings.InvalidConfigException e) {
      e.problems().forEach(p -> err.println(Main.NAME + ": " + p));
      return Main.EXIT_ERROR;
    }
    for (String warning : bot.warnings()) {
      err.println(Main.NAME + ": warning: " + warning);
    }
    options = options.withSettings(bot.settings());
    if (options.listRules()) {
      out.print(
          options.format() == Format.JSON
              ? RuleListing.json(allRules, options.engine())
              : RuleListing.text(allRules));
      return Main.EXIT_OK;
    }

    long start = System.nanoTime();
    try (ScanTargets scanTargets = new ScanTargets(cwd, options.engine())) {
      return scan(options, bot, scanTargets, start);
    }
  }

  /** Checks the targets and prints the report; returns the exit status. */
  private int scan(ScanOptions options, BotSettings bot, ScanTargets scanTargets, long start)
      throws UsageException {
    boolean diff = options.diff();
    DiffBase base = null;
    List<Target> targets;
    Engine engine = new Engine(allRules, options.engine());
    ScanReport report;
    try (ProgressLine progress = new ProgressLine(err, stderrIsTerminal, System::nanoTime);
        ScanRun run = new ScanRun(engine, progress::fileDone)) {
      if (diff) {
        try {
          base = diffBase(options);
          targets = changedSince(scanTargets, base, options);
        } catch (GitDiff.GitException e) {
          err.println(Main.NAME + ": " + e.getMessage());
          return Main.EXIT_ERROR;
        }
      } else {
        // The files are checked as the walk finds them, not after it.
        targets = scanTargets.walk(options.paths(), run::start);
        if (targets.isEmpty() && scanTargets.unreadable().isEmpty()) {
          err.println(
              Main.NAME + ": warning: no files to scan in " + String.join(" ", options.paths()));
        }
      }
      progress.total(targets.size());
      report = run.finish(targets, scanTargets.unreadable(), diff, start);
    }
    if (options.fix()) {
      ScanFix.Result fixes = ScanFix.apply(engine, report, targets, diff);
      for (String m : fixes.messages()) {
        err.println(Main.NAME + ": " + m);
      }
      if (!fixes.fixedPaths().isEmpty()) {
        try {
          report = recheck(report, fixes, scanTargets, base, options, engine, targets, start);
        } catch (GitDiff.GitException e) {
          err.println(Main.NAME + ": " + e.getMessage());
          return Main.EXIT_ERROR;
        }
      }
    }
    List<Problem> errors = report.allErrors();
    for (Problem p : errors) {
      err.println(Main.NAME + ": " + p.path() + ": " + p.message());
    }
    VotePrediction vote = VotePrediction.of(report, bot, options.overrides().given());
    out.print(render(report, options.format(), engine, vote));
    if (!errors.isEmpty()) {
      return Main.EXIT_ERROR;
    }
    return report.findings().isEmpty() ? Main.EXIT_OK : Main.EXIT_PROBLEMS;
  }

  /** The REF given, or the next upload's base, named in a note on stderr. */
  private DiffBase diffBase(ScanOptions options) throws GitDiff.GitException {
    if (options.diffRef() != null) {
      return DiffBase.given(options.diffRef());
    }
    DiffBase base = DiffBase.nextUpload(cwd);
    err.println(Main.NAME + ": --diff: " + base.chosen());
    return base;
  }

  /** The files the change touches; when there are none to scan, a warning says why. */
  private List<Target> changedSince(ScanTargets scanTargets, DiffBase base, ScanOptions options)
      throws UsageException, GitDiff.GitException {
    ScanTargets.Changes changes = scanTargets.changedSince(base.ref(), options.paths());
    if (changes.targets().isEmpty()) {
      StringBuilder why = new StringBuilder("--diff: nothing to scan: ");
      if (changes.changedFiles() == 0) {
        why.append("no file changed between ").append(base.name()).append(" and the working tree");
      } else {
        why.append(
                changes.changedFiles() == 1
                    ? "1 file changed"
                    : changes.changedFiles() + " files changed")
            .append(" between ")
            .append(base.name())
            .append(" and the working tree, but none of them is an added or modified file below ")
            .append(String.join(" ", options.paths()))
            .append(" that the include globs (")
            .append(
                String.join(", ", options.engine().include().stream().map(PathGlob::glob).toList()))
            .append(") admit and no exclude glob matches");
      }
      String hint = base.nextUploadHint(cwd);
      if (hint != null) {
        why.append("; ").append(hint);
      }
      err.println(Main.NAME + ": warning: " + why);
    }
    return changes.targets();
  }

  /**
   * {@code report} with the files {@code --fix} rewrote checked again: as they are now, and with
   * {@code --diff} with the lines changed now.
   */
  private ScanReport recheck(
      ScanReport report,
      ScanFix.Result fixes,
      ScanTargets scanTargets,
      DiffBase base,
      ScanOptions options,
      Engine engine,
      List<Target> targets,
      long start)
      throws UsageException, GitDiff.GitException {
    List<Target> now =
        base == null ? targets : scanTargets.changedSince(base.ref(), options.paths()).targets();
    List<Target> fixed = now.stream().filter(t -> fixes.fixedPaths().contains(t.path())).toList();
    ScanReport again = ScanRun.check(engine, fixed, List.of(), report.diff(), start, () -> {});
    return ScanFix.replaced(report, again, (System.nanoTime() - start) / 1_000_000);
  }

  private String render(ScanReport report, Format format, Engine engine, VotePrediction vote) {
    String version = Main.version();
    return switch (format) {
      case TEXT -> report.text() + vote.text();
      case JSON -> report.json(version, vote);
      case SARIF ->
          Sarif.write(
              report,
              engine.rules().stream().map(Rule::meta).toList(),
              allRules.stream().map(Rule::meta).toList(),
              version,
              cwd,
              vote);
    };
  }
}
