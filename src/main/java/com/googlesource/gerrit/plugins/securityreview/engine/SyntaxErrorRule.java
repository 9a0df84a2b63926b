package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Diagnostic;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import java.util.List;

/**
 * SR001: the file does not parse. Not a security finding in itself, but the rules could only check
 * the part of the file that parsed, and a reviewer should know that. The engine reports it from the
 * parser's diagnostics; it has no check of its own.
 */
public final class SyntaxErrorRule extends Rule {
  public static final RuleMeta META =
      RuleMeta.builder("SR001")
          .name("syntax-error")
          .title("File does not parse as Python 3")
          .severity(Severity.LOW)
          .confidence(Confidence.HIGH)
          .family(Family.REVIEW_COVERAGE)
          .why(
              "The security rules ran only on the statements that parsed, so this file was not"
                  + " fully reviewed.")
          .fix("Fix the syntax error (Python 2 code must be ported to Python 3).")
          .doc(
              """
              ## What it does

              Reports a file that CPython 3.14 would reject, at its first syntax error.

              ## Why it matters

              A file that does not parse cannot be reviewed completely: the parser recovers at the
              next statement, so findings in the broken statement, and in any block that belongs to
              it, are missing. Python 2 code (print statements, `except X, e`) is the usual cause in
              old trees.

              ## Example

              ```python
              print "port %s is down" % port_id
              ```

              ## Use instead

              ```python
              print("port %s is down" % port_id)
              ```

              ## References

              - Python 3 grammar <https://docs.python.org/3/reference/grammar.html>
              """)
          .build();

  public SyntaxErrorRule() {
    super(META);
  }

  /**
   * The finding for a file that was not fully checked: it did not parse ({@code parsed} false), or
   * a limit (time budget, nesting) stopped its analysis. A rule that throws is not reported here
   * but as a {@link RuleFailure}.
   */
  static Finding finding(
      String path, List<Diagnostic> diagnostics, boolean parsed, SourceText source) {
    Diagnostic first = diagnostics.get(0);
    String more = diagnostics.size() > 1 ? " (and " + (diagnostics.size() - 1) + " more)" : "";
    int col = source.charColumn(first.line(), first.col());
    return new Finding(
        META.id(),
        META.title(),
        META.severity(),
        META.confidence(),
        META.category(),
        path,
        first.line(),
        col,
        first.line(),
        col,
        parsed
            ? "Not fully checked: " + first.message() + more + "."
            : "Syntax error: " + first.message() + more + ". " + META.why() + " " + META.fix(),
        null,
        null);
  }
}
