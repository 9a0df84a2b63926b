package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Per-project settings from {@code [plugin "security-review"]} in {@code project.config}, inherited
 * down the project tree. Free of Gerrit classes so that the plugin and the command line ({@code
 * scan --config}) read the same options with the same meaning ({@link #read}).
 *
 * @param enabled whether patch sets of the project are reviewed
 * @param include globs a file must match one of
 * @param exclude globs no reviewed file may match
 * @param disabledRules rule ids (ours, Bandit's or Ruff's) turned off
 * @param enabledRules rule ids turned on although off by default
 * @param voteSeverity a finding at or above this severity ...
 * @param voteConfidence ... and at or above this confidence makes the vote negative
 * @param commentConfidence findings below this confidence are not reported at all
 * @param label name of the label to vote on
 * @param voteOnFindings value voted when a finding meets the vote threshold
 * @param voteOnClean value voted when every relevant file was checked and nothing met it
 * @param reviewWip whether work-in-progress changes are reviewed
 * @param replyWhenFixed whether the bot replies "Fixed in patch set N." on its earlier comment's
 *     thread when a later patch set no longer has the finding
 */
public record ProjectSettings(
    boolean enabled,
    List<PathGlob> include,
    List<PathGlob> exclude,
    Set<String> disabledRules,
    Set<String> enabledRules,
    Severity voteSeverity,
    Confidence voteConfidence,
    Confidence commentConfidence,
    String label,
    short voteOnFindings,
    short voteOnClean,
    boolean reviewWip,
    boolean replyWhenFixed) {

  /** The label a fresh site votes on: the default of {@code label} in gerrit.config. */
  public static final String DEFAULT_LABEL = "Security-Review";

  /** The options {@link #read} knows, as {@code config.md} documents them. */
  public static final List<String> OPTIONS =
      List.of(
          "enabled",
          "include",
          "exclude",
          "disabledRule",
          "enabledRule",
          "voteSeverity",
          "voteConfidence",
          "commentConfidence",
          "label",
          "voteOnFindings",
          "voteOnClean",
          "reviewWip",
          "replyWhenFixed");

  /**
   * Project options that only the Gerrit plugin reads, because they are about Gerrit's users (who
   * may dismiss a finding); the CLI accepts them and ignores them.
   */
  public static final List<String> GERRIT_OPTIONS = List.of("dismissLabel");

  /** Told of each value {@link #read} rejects, and of the value it uses instead. */
  @FunctionalInterface
  public interface InvalidValue {
    void report(String option, String value, String used);
  }

  public static ProjectSettings defaults(String label) {
    return new ProjectSettings(
        true,
        List.of(PathGlob.of("**/*.py")),
        List.of(),
        Set.of(),
        Set.of(),
        Severity.MEDIUM,
        Confidence.MEDIUM,
        Confidence.LOW,
        label,
        (short) -1,
        (short) 1,
        true,
        false);
  }

  /**
   * Reads the settings from the values of the section's options. An invalid value is reported and
   * its default used instead: a typo must not stop reviews.
   *
   * @param values every value of an option, in the file's order, as JGit's {@code
   *     Config.getStringList} gives them: null for {@code name =}, empty for a bare {@code name};
   *     an empty list when the option is not set. A single-valued option takes the last value, as
   *     {@code Config.getString} does.
   * @param defaultLabel the label when the project names none
   */
  public static ProjectSettings read(
      Function<String, List<String>> values, String defaultLabel, InvalidValue invalid) {
    ProjectSettings d = defaults(defaultLabel);
    Options o = new Options(values, invalid);
    List<PathGlob> include = o.globs("include");
    return new ProjectSettings(
        o.bool("enabled", d.enabled()),
        include.isEmpty() ? d.include() : include,
        o.globs("exclude"),
        o.ids("disabledRule"),
        o.ids("enabledRule"),
        o.level("voteSeverity", d.voteSeverity(), Severity::parse),
        o.level("voteConfidence", d.voteConfidence(), Confidence::parse),
        o.level("commentConfidence", d.commentConfidence(), Confidence::parse),
        o.nonBlank("label", d.label()),
        o.vote("voteOnFindings", d.voteOnFindings()),
        o.vote("voteOnClean", d.voteOnClean()),
        o.bool("reviewWip", d.reviewWip()),
        o.bool("replyWhenFixed", d.replyWhenFixed()));
  }

  /** What the engine reports: everything at or above the comment confidence. */
  public EngineOptions engineOptions() {
    return EngineOptions.defaults()
        .withThresholds(Severity.LOW, commentConfidence)
        .withRules(disabledRules, enabledRules)
        .withPaths(include, exclude);
  }

  /** Whether a finding makes the vote negative. */
  public boolean blocks(Finding f) {
    return f.severity().compareTo(voteSeverity) >= 0
        && f.confidence().compareTo(voteConfidence) >= 0;
  }

  /**
   * A boolean as git (and JGit) reads one: {@code true}, {@code yes}, {@code on}, {@code 1} and
   * their opposites in any case, and a bare {@code name} (empty value) as true; null for anything
   * else.
   */
  public static Boolean parseBoolean(String value) {
    if (value.isEmpty()) {
      return true;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> null;
    };
  }

  /** The values of one section, read with the plugin's meaning. */
  private record Options(Function<String, List<String>> values, InvalidValue invalid) {
    /** The last value, as {@code Config.getString} gives it; null when unset or {@code name =}. */
    String last(String name) {
      List<String> all = values.apply(name);
      return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Every value that is not null, split at {@code separators}, blanks dropped. */
    List<String> items(String name, String separators) {
      List<String> items = new ArrayList<>();
      for (String v : values.apply(name)) {
        if (v == null) {
          continue;
        }
        for (String item : v.split(separators)) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
      }
      return items;
    }

    List<PathGlob> globs(String name) {
      return items(name, ",").stream().map(PathGlob::of).toList();
    }

    Set<String> ids(String name) {
      return Set.copyOf(items(name, "[,\\s]+"));
    }

    String nonBlank(String name, String dflt) {
      String v = last(name);
      return v == null || v.isBlank() ? dflt : v.trim();
    }

    boolean bool(String name, boolean dflt) {
      String raw = last(name);
      if (raw == null) {
        return dflt;
      }
      Boolean v = parseBoolean(raw);
      if (v == null) {
        invalid.report(name, raw, String.valueOf(dflt));
        return dflt;
      }
      return v;
    }

    <T extends Enum<T>> T level(String name, T dflt, Function<String, T> parse) {
      String raw = last(name);
      if (raw == null) {
        return dflt;
      }
      T v = parse.apply(raw);
      if (v == null) {
        invalid.report(name, raw, dflt.name().toLowerCase(Locale.ROOT));
        return dflt;
      }
      return v;
    }

    short vote(String name, short dflt) {
      String raw = last(name);
      if (raw == null) {
        return dflt;
      }
      try {
        return Short.parseShort(raw.trim());
      } catch (NumberFormatException e) {
        invalid.report(name, raw, String.valueOf(dflt));
        return dflt;
      }
    }
  }
}
