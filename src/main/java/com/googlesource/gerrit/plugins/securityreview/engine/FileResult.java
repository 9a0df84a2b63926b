package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import java.util.List;

/**
 * The outcome of checking one file.
 *
 * @param findings what is reported, sorted by position
 * @param suppressed findings waived by a suppression comment
 * @param belowThreshold findings under the severity or confidence threshold
 * @param unchanged findings on lines the change did not touch
 * @param preexisting findings on changed lines that the base version already had (same rule, same
 *     enclosing function or class, same normalised statement): a reformat or a move, not new code
 * @param diagnostics the parser's syntax errors (the file was checked as far as it parsed), or why
 *     the analysis stopped early (time budget, nesting)
 * @param ruleFailures the rules that threw on the file (bugs of ours): each skipped the statement
 *     it failed in, so findings may be missing there
 */
public record FileResult(
    String path,
    List<Finding> findings,
    int suppressed,
    int belowThreshold,
    int unchanged,
    int preexisting,
    List<Diagnostic> diagnostics,
    List<RuleFailure> ruleFailures) {
  /** Whether the file parsed and no limit stopped its analysis. */
  public boolean parsed() {
    return diagnostics.isEmpty();
  }

  /** Whether every rule checked all of the file: it parsed and no rule failed. */
  public boolean complete() {
    return parsed() && ruleFailures.isEmpty();
  }
}
