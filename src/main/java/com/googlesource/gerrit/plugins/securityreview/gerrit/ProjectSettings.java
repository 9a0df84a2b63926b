package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import java.util.List;
import java.util.Set;

/**
 * Per-project settings from {@code [plugin "security-review"]} in {@code project.config}, inherited
 * down the project tree.
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
}
