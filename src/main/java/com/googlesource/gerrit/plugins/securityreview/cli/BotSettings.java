package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings the bot reviews with, for {@code scan}: a fresh site's defaults, or those of the
 * {@code --config} files, {@code project.config} files whose {@code [plugin "security-review"]}
 * section the plugin reads. Several files are a project and its parents, parent first: an option a
 * child sets replaces its parent's, as Gerrit inherits them down the project tree.
 *
 * <p>Values mean what they mean to the plugin ({@link ProjectSettings#read}). Where the plugin logs
 * an invalid value and uses the default, the command line stops with an error naming the file and
 * line: a prediction must not rest on a typo. Options the plugin does not know and rule ids no rule
 * has are warnings.
 *
 * @param files the {@code --config} files as given, parent first; empty for a fresh site
 * @param warnings what the plugin would silently ignore, each naming the file and line
 */
record BotSettings(ProjectSettings settings, List<String> files, List<String> warnings) {

  /** The section the plugin reads: {@code [plugin "security-review"]}. */
  static final String SECTION = "plugin";

  static final String SUBSECTION = Main.NAME;

  /** A file that cannot be read, or that the plugin would reject or read otherwise than meant. */
  static final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    InvalidConfigException(String problem) {
      this(List.of(problem));
    }

    /** One line each, naming the file and, where there is one, the line. */
    List<String> problems() {
      return problems;
    }
  }

  /** A value of the plugin's section and where it was set. */
  private record Setting(String file, GitConfig.Entry entry) {
    String where() {
      return file + ":" + entry.line();
    }
  }

  /** The settings of a site nobody configured. */
  static BotSettings defaults() {
    return new BotSettings(
        ProjectSettings.defaults(ProjectSettings.DEFAULT_LABEL), List.of(), List.of());
  }

  /**
   * Reads the files (resolved against {@code cwd}); a fresh site's settings when there are none.
   *
   * @param allRules every rule there is, to warn of rule ids none has
   */
  static BotSettings load(Path cwd, List<String> files, List<Rule> allRules)
      throws InvalidConfigException {
    if (files.isEmpty()) {
      return defaults();
    }
    List<String> warnings = new ArrayList<>();
    // By option name in lower case, as JGit folds names: a child's values replace its parent's.
    Map<String, List<Setting>> merged = new LinkedHashMap<>();
    for (String file : files) {
      merged.putAll(section(file, parse(cwd, file), warnings));
    }

    // In the files' order, by line.
    Map<Setting, String> errors =
        new TreeMap<>(
            Comparator.comparingInt((Setting s) -> files.indexOf(s.file()))
                .thenComparingInt(s -> s.entry().line()));
    ProjectSettings settings =
        ProjectSettings.read(
            option ->
                merged.getOrDefault(key(option), List.of()).stream()
                    .map(s -> s.entry().value())
                    .toList(),
            ProjectSettings.DEFAULT_LABEL,
            (option, value, used) -> {
              List<Setting> set = merged.get(key(option));
              Setting last = set.get(set.size() - 1);
              errors.put(
                  last,
                  last.where()
                      + ": "
                      + option
                      + (value.isEmpty() ? " has no value" : " = " + value)
                      + ": expected "
                      + expected(option)
                      + " (the plugin would log a warning and use "
                      + used
                      + ")");
            });
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(List.copyOf(errors.values()));
    }
    warnUnknownRuleIds(merged, allRules, warnings);
    return new BotSettings(settings, List.copyOf(files), List.copyOf(warnings));
  }

  /** Where the settings come from, for the vote line: {@code settings of project.config}. */
  String describe() {
    return files.isEmpty() ? "a fresh site's settings" : "settings of " + String.join(", ", files);
  }

  private static GitConfig parse(Path cwd, String file) throws InvalidConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(cwd.resolve(file));
    } catch (IOException | InvalidPathException e) {
      throw new InvalidConfigException("cannot read --config " + file + ": " + reason(e));
    }
    try {
      return GitConfig.parse(decode(bytes));
    } catch (GitConfig.SyntaxError e) {
      throw new InvalidConfigException(file + ":" + e.line() + ": " + e.getMessage());
    }
  }

  private static String reason(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
  }

  /** As Gerrit decodes a config file: UTF-8, or Latin-1 when the bytes are not UTF-8. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * The file's values of the plugin's section by option, with warnings for what the plugin would
   * not read: sections that look like its own but are not, options it does not know.
   */
  private static Map<String, List<Setting>> section(
      String file, GitConfig config, List<String> warnings) {
    // By line, so that the warnings come in the file's order.
    Map<Integer, String> byLine = new TreeMap<>();
    boolean found = false;
    for (GitConfig.Header h : config.headers()) {
      if (h.section().equalsIgnoreCase(SECTION) && SUBSECTION.equals(h.subsection())) {
        found = true;
      } else if (h.section().equalsIgnoreCase(SECTION)
          && SUBSECTION.equalsIgnoreCase(h.subsection())) {
        byLine.put(
            h.line(),
            "[plugin \""
                + h.subsection()
                + "\"] is not the plugin's section: the name in quotes is case-sensitive; write"
                + " [plugin \"security-review\"]");
      } else if (h.section().equalsIgnoreCase(SECTION + "." + SUBSECTION)) {
        byLine.put(
            h.line(),
            "["
                + h.section()
                + "] is not the plugin's section for Gerrit; write [plugin \"security-review\"]");
      }
    }
    if (!found) {
      warnings.add(
          file
              + " has no [plugin \"security-review\"] section: "
              + "it changes none of the plugin's settings");
    }
    Set<String> known = new HashSet<>();
    ProjectSettings.OPTIONS.forEach(o -> known.add(key(o)));
    ProjectSettings.GERRIT_OPTIONS.forEach(o -> known.add(key(o)));
    Map<String, List<Setting>> values = new LinkedHashMap<>();
    for (GitConfig.Entry e : config.entries()) {
      if (!e.in(SECTION, SUBSECTION)) {
        continue;
      }
      if (!known.contains(key(e.name()))) {
        byLine.put(e.line(), "the plugin has no option '" + e.name() + "': " + suggest(e.name()));
      }
      values.computeIfAbsent(key(e.name()), k -> new ArrayList<>()).add(new Setting(file, e));
    }
    byLine.forEach((line, warning) -> warnings.add(file + ":" + line + ": " + warning));
    return values;
  }

  /** The option a misspelt name most likely means, or the list of options. */
  private static String suggest(String name) {
    for (String option : ProjectSettings.OPTIONS) {
      if (distance(key(name), key(option)) <= 2) {
        return "did you mean " + option + "?";
      }
    }
    return "it ignores it (options: " + String.join(", ", ProjectSettings.OPTIONS) + ")";
  }

  /** Levenshtein distance: the edits that turn one string into the other. */
  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int substitute = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitute, Math.min(above, row[j - 1]) + 1);
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  private static String key(String option) {
    return option.toLowerCase(Locale.ROOT);
  }

  private static String expected(String option) {
    return switch (option) {
      case "voteSeverity", "voteConfidence", "commentConfidence" -> "low, medium or high";
      case "voteOnFindings", "voteOnClean" -> "a label value such as -1 or +1";
      default -> "true or false";
    };
  }

  /** Rule ids of disabledRule and enabledRule that no rule has: typos, most likely. */
  private static void warnUnknownRuleIds(
      Map<String, List<Setting>> merged, List<Rule> allRules, List<String> warnings) {
    Set<String> ids = new HashSet<>();
    for (Rule r : allRules) {
      r.meta().suppressionIds().forEach(id -> ids.add(id.toUpperCase(Locale.ROOT)));
    }
    for (String option : List.of("disabledRule", "enabledRule")) {
      for (Setting s : merged.getOrDefault(key(option), List.of())) {
        String value = s.entry().value();
        for (String id : value == null ? new String[0] : value.split("[,\\s]+")) {
          if (!id.isEmpty() && !ids.contains(id.toUpperCase(Locale.ROOT))) {
            warnings.add(s.where() + ": " + option + ": no rule has the id " + id);
          }
        }
      }
    }
  }
}
