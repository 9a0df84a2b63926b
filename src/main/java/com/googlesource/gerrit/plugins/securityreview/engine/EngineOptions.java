package com.googlesource.gerrit.plugins.securityreview.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the engine reports: findings at or above both thresholds, from rules that are on (on by
 * default unless disabled; off by default unless enabled), in files the globs admit.
 *
 * @param disabled rule ids (ours, Bandit's or Ruff's) turned off
 * @param enabled rule ids turned on even though they are off by default
 * @param include globs a file must match one of (empty: all files)
 * @param exclude globs no file may match
 * @param fileBudget how long one file's analysis may take
 */
public record EngineOptions(
    Severity minSeverity,
    Confidence minConfidence,
    Set<String> disabled,
    Set<String> enabled,
    List<PathGlob> include,
    List<PathGlob> exclude,
    Duration fileBudget) {

  /**
   * How long one file's analysis may take by default: far above any real file (Neutron's largest
   * takes well under a second), low enough that a pathological one cannot hold a worker for long.
   */
  public static final Duration DEFAULT_FILE_BUDGET = Duration.ofSeconds(60);

  public static EngineOptions defaults() {
    return new EngineOptions(
        Severity.LOW,
        Confidence.LOW,
        Set.of(),
        Set.of(),
        List.of(PathGlob.of("**/*.py")),
        List.of());
  }

  public EngineOptions(
      Severity minSeverity,
      Confidence minConfidence,
      Set<String> disabled,
      Set<String> enabled,
      List<PathGlob> include,
      List<PathGlob> exclude) {
    this(minSeverity, minConfidence, disabled, enabled, include, exclude, DEFAULT_FILE_BUDGET);
  }

  public EngineOptions {
    disabled = upper(disabled);
    enabled = upper(enabled);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (fileBudget == null || fileBudget.isNegative() || fileBudget.isZero()) {
      throw new IllegalArgumentException("fileBudget must be positive, is " + fileBudget);
    }
  }

  private static Set<String> upper(Set<String> ids) {
    return ids.stream()
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  public EngineOptions withThresholds(Severity severity, Confidence confidence) {
    return new EngineOptions(severity, confidence, disabled, enabled, include, exclude, fileBudget);
  }

  public EngineOptions withRules(Set<String> disabled, Set<String> enabled) {
    return new EngineOptions(
        minSeverity, minConfidence, disabled, enabled, include, exclude, fileBudget);
  }

  public EngineOptions withPaths(List<PathGlob> include, List<PathGlob> exclude) {
    return new EngineOptions(
        minSeverity, minConfidence, disabled, enabled, include, exclude, fileBudget);
  }

  /** The time one file's analysis may take before it stops with a finding that says so. */
  public EngineOptions withFileBudget(Duration fileBudget) {
    return new EngineOptions(
        minSeverity, minConfidence, disabled, enabled, include, exclude, fileBudget);
  }

  /** Whether a rule runs under these options. */
  public boolean isOn(RuleMeta meta) {
    for (String id : meta.suppressionIds()) {
      if (disabled.contains(id.toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    if (meta.enabledByDefault()) {
      return true;
    }
    for (String id : meta.suppressionIds()) {
      if (enabled.contains(id.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file is to be checked. */
  public boolean accepts(String path) {
    for (PathGlob g : exclude) {
      if (g.matches(path)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (PathGlob g : include) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }

  public boolean meetsThresholds(Finding f) {
    return f.severity().compareTo(minSeverity) >= 0 && f.confidence().compareTo(minConfidence) >= 0;
  }
}
