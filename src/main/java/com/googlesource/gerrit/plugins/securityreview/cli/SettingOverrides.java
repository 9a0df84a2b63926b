package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code scan} options that change what the bot's settings (a fresh site's, or those of {@code
 * --config}) say is reported: each null or empty when not given.
 *
 * @param minSeverity {@code --min-severity}; the bot reports every severity
 * @param minConfidence {@code --min-confidence}; the bot's is {@code commentConfidence}
 * @param disable {@code --disable}, added to {@code disabledRule}
 * @param enable {@code --enable}, added to {@code enabledRule}
 * @param include {@code --include}, replacing {@code include}
 * @param exclude {@code --exclude}, added to {@code exclude}
 */
record SettingOverrides(
    Severity minSeverity,
    Confidence minConfidence,
    Set<String> disable,
    Set<String> enable,
    List<PathGlob> include,
    List<PathGlob> exclude) {

  SettingOverrides {
    // In the order given, for the warnings about unknown ids.
    disable = Collections.unmodifiableSet(new LinkedHashSet<>(disable));
    enable = Collections.unmodifiableSet(new LinkedHashSet<>(enable));
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** The bot's engine options with these applied. */
  EngineOptions over(EngineOptions bot) {
    Set<String> disabled = new HashSet<>(bot.disabled());
    disabled.addAll(disable);
    Set<String> enabled = new HashSet<>(bot.enabled());
    enabled.addAll(enable);
    List<PathGlob> excluded = new ArrayList<>(bot.exclude());
    excluded.addAll(exclude);
    return bot.withThresholds(
            minSeverity == null ? bot.minSeverity() : minSeverity,
            minConfidence == null ? bot.minConfidence() : minConfidence)
        .withRules(disabled, enabled)
        .withPaths(include.isEmpty() ? bot.include() : include, excluded);
  }

  /** The options given, as the command line names them: what the vote line says it rests on. */
  List<String> given() {
    List<String> given = new ArrayList<>();
    if (minSeverity != null) {
      given.add("--min-severity");
    }
    if (minConfidence != null) {
      given.add("--min-confidence");
    }
    if (!disable.isEmpty()) {
      given.add("--disable");
    }
    if (!enable.isEmpty()) {
      given.add("--enable");
    }
    if (!include.isEmpty()) {
      given.add("--include");
    }
    if (!exclude.isEmpty()) {
      given.add("--exclude");
    }
    return given;
  }
}
