package com.googlesource.gerrit.plugins.securityreview.testing;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Truth.assertAbout;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.StringSubject;
import com.google.common.truth.Subject;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;

/**
 * Truth assertions on a {@link Finding}. Positions are the finding's own: lines 1-based, columns
 * 0-based (as {@link Finding#col()}), so that a failure shows the numbers the finding holds.
 */
public final class FindingSubject extends Subject {
  private final Finding actual;

  private FindingSubject(FailureMetadata metadata, Finding actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  public static Subject.Factory<FindingSubject, Finding> findings() {
    return FindingSubject::new;
  }

  public static FindingSubject assertThat(Finding finding) {
    return assertAbout(findings()).that(finding);
  }

  /** Starts at this line (1-based) and column (0-based). */
  public void isAt(int line, int col) {
    if (actual.line() != line || actual.col() != col) {
      failWithActual(
          fact("expected to start at", line + ":" + col),
          fact("but starts at", actual.line() + ":" + actual.col()));
    }
  }

  /** Covers exactly this range: lines 1-based, columns 0-based, the end exclusive. */
  public void spans(int line, int col, int endLine, int endCol) {
    String expected = line + ":" + col + "-" + endLine + ":" + endCol;
    String range =
        actual.line() + ":" + actual.col() + "-" + actual.endLine() + ":" + actual.endCol();
    if (!range.equals(expected)) {
      failWithActual(fact("expected to span", expected), fact("but spans", range));
    }
  }

  public void hasRule(String id) {
    check("ruleId()").that(actual.ruleId()).isEqualTo(id);
  }

  public void hasMessage(String message) {
    check("message()").that(actual.message()).isEqualTo(message);
  }

  public void messageContains(String text) {
    check("message()").that(actual.message()).contains(text);
  }

  public StringSubject message() {
    return check("message()").that(actual.message());
  }

  public void hasNoFix() {
    check("fix()").that(actual.fix()).isNull();
  }

  /** Offers a fix with this description; returns it for checks on its edits. */
  public Fix hasFix(String description) {
    Fix fix = actual.fix();
    check("fix()").that(fix).isNotNull();
    check("fix().description()").that(fix.description()).isEqualTo(description);
    return fix;
  }
}
