package com.googlesource.gerrit.plugins.securityreview.engine;

/**
 * One problem a rule found. Lines are 1-based; columns are 0-based character (UTF-16) offsets, end
 * exclusive, as Gerrit comment ranges count them. {@code fix} is null when no safe mechanical fix
 * exists. {@code fingerprint} identifies the finding independently of where it sits in the file
 * (rule, enclosing function or class, normalised statement; see {@link FindingKeys}), so that the
 * same finding is recognised in another version of the file; null until the engine sets it.
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
    Fix fix,
    String fingerprint) {

  public Finding withFingerprint(String fingerprint) {
    return new Finding(
        ruleId,
        title,
        severity,
        confidence,
        category,
        path,
        line,
        col,
        endLine,
        endCol,
        message,
        fix,
        fingerprint);
  }

  /** Whether the finding's lines overlap a 1-based line range, inclusive. */
  public boolean touches(int fromLine, int toLine) {
    return line <= toLine && endLine >= fromLine;
  }
}
