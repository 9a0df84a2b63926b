package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code scan}, parsed.
 *
 * @param diff whether to review a change ({@code --diff}) rather than whole files
 * @param diffRef the git ref of {@code --diff}; null without one (the next upload's base) or
 *     without {@code --diff}
 * @param fix whether to apply the fixes of the findings ({@code --fix})
 * @param engine the thresholds, rule switches and globs for the engine: the bot's settings ({@link
 *     #withSettings}; a fresh site's until then) under the command line's {@code overrides}
 * @param paths the PATH arguments; {@code .} when none was given
 * @param configs the {@code --config} files, parent first
 * @param overrides the options that change what the bot's settings report
 */
record ScanOptions(
    Format format,
    boolean diff,
    String diffRef,
    boolean fix,
    boolean listRules,
    EngineOptions engine,
    List<String> paths,
    List<String> configs,
    SettingOverrides overrides) {

  static final String HELP =
      """
      Usage: java -jar security-review.jar scan [OPTIONS] [--] [PATH...]

      Runs the security rules over Python code. A PATH is a file (checked whatever
      its name, unless an --exclude glob matches it) or a folder (every file below
      it that the --include globs admit, in sorted order, skipping folders whose
      name starts with '.'). Without PATH: the current folder. On a terminal, a
      scan of more than 300 files shows its progress on stderr.

      Options:
        --format text|json|sarif  output format (default text): 'PATH:LINE:COL: ID
                                  [severity/confidence] message' per finding, then a
                                  summary; json: one document; sarif: SARIF 2.1.0
        --diff [REF]              review a change as the plugin reviews a patch set.
                                  Without REF: what the next upload holds, the
                                  commits not yet on the upstream branch
                                  (@{upstream}, else origin/HEAD, else HEAD^) and
                                  the uncommitted changes, against where HEAD left
                                  that branch (a note on stderr names the base).
                                  With REF (the next argument, unless it starts
                                  with '-'): the working tree (staged or not)
                                  against REF. Each changed file is compared with
                                  its version at the base (renames followed).
                                  Reports the findings the change introduces on
                                  changed lines, plus the change-level rules;
                                  findings the file already had (reformatted or
                                  moved code) are counted as pre-existing, not
                                  listed. Untracked files that git does not ignore
                                  count as new. When nothing is left to scan, a
                                  warning on stderr says why.
        --fix                     apply the fixes the rules offer for the findings
                                  reported (those the bot suggests in Gerrit); with
                                  --diff only fixes that edit changed lines alone.
                                  Left out: a fix that overlaps another, and the
                                  fixes of a file that does not parse, would not
                                  parse with them, or is not UTF-8. Files are
                                  replaced atomically; stderr lists each fix
                                  applied or left out; the report and the exit
                                  status tell what remains.
        --config FILE             the project's settings for the bot: a project.config
                                  (or a file with just its [plugin "security-review"]
                                  section), read as the plugin reads it: rules,
                                  globs, thresholds, label and vote values; an
                                  invalid value is an error naming file and line.
                                  Repeat for the project's parents, parent first (a
                                  child's option replaces its parent's). Without
                                  it: the settings of a fresh site
        --min-severity LEVEL      low, medium or high (default: every severity)
        --min-confidence LEVEL    low, medium or high (default: the settings'
                                  commentConfidence, low on a fresh site)
        --disable ID[,ID...]      turn rules off: our ids, Bandit ids or Ruff codes
        --enable ID[,ID...]       turn on rules that are off by default
        --include GLOB            files to check in folders (default: the settings'
                                  include, **/*.py); each --include replaces it
        --exclude GLOB            files to skip, e.g. '**/tests/**' (added to the
                                  settings' exclude)
        --file-budget SECONDS     how long one file's analysis may take (default 60);
                                  a file that takes longer is reported as not fully
                                  checked, with the line where it stopped
        --list-rules              list the rules (text, or json with --format json)
        -h, --help                show this help
        --                        end of options: every later argument is a PATH

      Globs: '*' within a folder, '**' across folders ('**/' also matches no
      folder), '?' one character; matched against the path as reported. Repeat
      --disable, --enable, --include and --exclude as often as needed.

      Positions are 1-based; columns count UTF-16 code units (characters). Text
      output names each finding's rule page ('see: java -jar security-review.jar
      rule ID', see 'rule --help').

      The output ends with the vote the bot would cast and why ('Predicted vote:
      Security-Review -1 (...): ...'), decided as the plugin decides it: the
      vote for findings when one reaches the settings' voteSeverity and
      voteConfidence, 0 when a file was not fully checked, the clean vote
      otherwise; none when the settings turn the review off or there is no file
      to review. With --diff it is the vote on the change; without, as if every
      line were changed. Options above that change what the settings report
      make it a prediction for the settings so changed, and say so.

      Exit status: 0 no finding at or above the thresholds, 1 at least one (a file
      that does not parse is an SR001 finding of low severity), 2 usage error,
      missing path, git failure, or a file that could not be checked fully (an
      unreadable file or folder, or a rule that threw: an internal error).
      """;

  /** The arguments that show {@link #HELP}, named by every usage error of {@code scan}. */
  static final String HELP_COMMAND = "scan --help";

  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  /** Parses the arguments; empty when help was asked for. */
  static Optional<ScanOptions> parse(String[] argv) throws UsageException {
    Format format = Format.TEXT;
    boolean diff = false;
    String diffRef = null;
    boolean fix = false;
    boolean listRules = false;
    Severity severity = null;
    Confidence confidence = null;
    Set<String> disabled = new LinkedHashSet<>();
    Set<String> enabled = new LinkedHashSet<>();
    List<PathGlob> include = new ArrayList<>();
    List<PathGlob> exclude = new ArrayList<>();
    Duration fileBudget = EngineOptions.DEFAULT_FILE_BUDGET;
    List<String> paths = new ArrayList<>();
    List<String> configs = new ArrayList<>();
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
        return Optional.empty();
      }
      if (a.equals("--list-rules")) {
        listRules = true;
        continue;
      }
      if (a.equals("--fix")) {
        fix = true;
        continue;
      }
      if (a.equals("--diff")) {
        // The REF is optional: the next argument, unless it is an option or '--'.
        diff = true;
        if (i + 1 < argv.length && !argv[i + 1].startsWith("-")) {
          diffRef = argv[++i];
        }
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
            "--exclude",
            "--file-budget",
            "--config" -> {
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
          diff = true;
          diffRef = value;
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
        case "--file-budget" -> fileBudget = seconds(name, value);
        case "--config" -> {
          if (value.isBlank()) {
            throw new UsageException("scan: --config needs a file", HELP_COMMAND);
          }
          configs.add(value);
        }
        default -> throw new IllegalStateException(name);
      }
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    SettingOverrides overrides =
        new SettingOverrides(severity, confidence, disabled, enabled, include, exclude);
    ScanOptions parsed =
        new ScanOptions(
            format,
            diff,
            diffRef,
            fix,
            listRules,
            EngineOptions.defaults().withFileBudget(fileBudget),
            List.copyOf(paths),
            List.copyOf(configs),
            overrides);
    return Optional.of(parsed.withSettings(BotSettings.defaults().settings()));
  }

  /** These options with the bot's settings under the command line's overrides. */
  ScanOptions withSettings(ProjectSettings settings) {
    EngineOptions options =
        overrides.over(settings.engineOptions()).withFileBudget(engine.fileBudget());
    return new ScanOptions(
        format, diff, diffRef, fix, listRules, options, paths, configs, overrides);
  }

  /** A positive number of seconds, fractions allowed ({@code 0.5}). */
  private static Duration seconds(String name, String value) throws UsageException {
    try {
      double s = Double.parseDouble(value.trim());
      if (s > 0 && s <= Duration.ofDays(1).toSeconds()) {
        return Duration.ofNanos(Math.max(1, (long) (s * 1e9)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "scan: " + name + " must be a positive number of seconds, not '" + value + "'",
        HELP_COMMAND);
  }

  /**
   * One warning per --disable or --enable id that names none of {@code allRules}: most likely a
   * typo, but not an error, since Bandit lists are long.
   */
  List<String> unknownRuleIds(List<Rule> allRules) {
    Set<String> known = new HashSet<>();
    for (Rule r : allRules) {
      for (String id : r.meta().suppressionIds()) {
        known.add(id.toUpperCase(Locale.ROOT));
      }
    }
    List<String> warnings = new ArrayList<>();
    addUnknown(warnings, "--disable", overrides.disable(), known);
    addUnknown(warnings, "--enable", overrides.enable(), known);
    return warnings;
  }

  private static void addUnknown(
      List<String> warnings, String option, Set<String> ids, Set<String> known) {
    for (String id : ids) {
      if (!known.contains(id)) {
        warnings.add(option + ": no rule has the id " + id);
      }
    }
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
}
