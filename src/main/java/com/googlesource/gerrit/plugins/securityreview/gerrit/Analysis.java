package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleFailure;
import com.googlesource.gerrit.plugins.securityreview.engine.VoteDecision;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.ChangedFile;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.SkippedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine found in one patch set, with the settings it ran under, less the findings
 * reviewers dismissed on the change.
 */
public record Analysis(
    PatchSetFiles files,
    List<FileResult> results,
    ProjectSettings settings,
    Dismissals dismissals) {

  /** An analysis with nothing dismissed. */
  public Analysis(PatchSetFiles files, List<FileResult> results, ProjectSettings settings) {
    this(files, results, settings, Dismissals.none());
  }

  /**
   * Runs the engine over the files against their base versions, so that only what the patch set
   * introduces is reported. Pure: reads nothing but its arguments.
   */
  static Analysis of(Engine engine, PatchSetFiles files, ProjectSettings settings) {
    List<FileResult> results = new ArrayList<>();
    for (ChangedFile f : files.files()) {
      results.add(engine.analyze(f.path(), f.content(), f.changed(), f.base()));
    }
    return new Analysis(files, List.copyOf(results), settings);
  }

  /** The same analysis without the findings that {@code dismissals} name. */
  Analysis without(Dismissals dismissals) {
    return new Analysis(files, results, settings, dismissals);
  }

  /** The findings that count: on changed lines, new, not dismissed. */
  public List<Finding> findings() {
    return dismissals.remaining(all());
  }

  /** Findings that would count but reviewers dismissed them on this change. */
  public List<Finding> dismissed() {
    return all().stream().filter(dismissals::dismissed).toList();
  }

  private List<Finding> all() {
    return results.stream().flatMap(r -> r.findings().stream()).toList();
  }

  /** Findings on changed lines that the base already had: counted, not reported. */
  public int preexisting() {
    return results.stream().mapToInt(FileResult::preexisting).sum();
  }

  /** Files the globs admit but that were not checked, deletions aside (they add no code). */
  public List<SkippedFile> unchecked() {
    return files.skipped().stream().filter(s -> !s.reason().equals("deleted")).toList();
  }

  public List<String> syntaxErrors() {
    return results.stream().filter(r -> !r.parsed()).map(FileResult::path).toList();
  }

  /** A rule that threw on a file: a bug of ours, and findings may be missing there. */
  public record InternalError(String path, RuleFailure failure) {}

  public List<InternalError> internalErrors() {
    List<InternalError> out = new ArrayList<>();
    for (FileResult r : results) {
      for (RuleFailure f : r.ruleFailures()) {
        out.add(new InternalError(r.path(), f));
      }
    }
    return out;
  }

  /**
   * Whether this analysis knows every finding of the file at that path: it was checked and parsed
   * and no rule failed on it, or the patch set no longer changes it against its parent (reverted or
   * deleted). A file skipped as too large or binary, with a syntax error, or on which a rule threw,
   * may have findings nobody saw.
   */
  public boolean complete(String path) {
    if (files.merge()) {
      return false;
    }
    for (FileResult r : results) {
      if (r.path().equals(path)) {
        return r.complete();
      }
    }
    return unchecked().stream().noneMatch(s -> s.path().equals(path));
  }

  /** Whether the patch set touches anything this plugin reviews. */
  public boolean relevant() {
    return files.merge() || !files.files().isEmpty() || !unchecked().isEmpty();
  }

  /**
   * The vote and its reason: negative when a finding meets the vote threshold; positive when every
   * relevant file was checked completely and nothing did; 0 when the review is incomplete (merge
   * commit, skipped file, syntax error, a rule that threw).
   */
  public VoteDecision decision() {
    return VoteDecision.decide(settings, findings(), complete());
  }

  /** Whether every relevant file was checked completely: what a clean vote needs. */
  boolean complete() {
    return !files.merge()
        && unchecked().isEmpty()
        && syntaxErrors().isEmpty()
        && internalErrors().isEmpty();
  }

  public short vote() {
    return decision().value();
  }
}
