package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * One problem a rule found. Lines are 1-based; columns are 0-based character (UTF-16) offsets, end
 * exclusive, as Gerrit comment ranges count them. {@code fix} is null when no safe mechanical fix
 * exists.
 */
public record Finding(
    String ruleId,
    String title,
    Severity severity,
    Confidence confidence,
    String category,
    String path,
    int line,
    int col,
    int endLine,
    int endCol,
    String message,
    Fix fix) {

  /** Whether the finding's lines overlap a 1-based line range, inclusive. */
  public boolean touches(int fromLine, int toLine) {
    return line <= toLine && endLine >= fromLine;
  }
}
