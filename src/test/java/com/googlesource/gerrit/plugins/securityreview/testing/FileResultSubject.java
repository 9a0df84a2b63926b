package com.googlesource.gerrit.plugins.securityreview.testing;

import static com.google.common.truth.Fact.fact;
import static com.google.common.truth.Fact.simpleFact;
import static com.google.common.truth.Truth.assertAbout;

import com.google.common.truth.FailureMetadata;
import com.google.common.truth.IterableSubject;
import com.google.common.truth.Subject;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import java.util.List;
import java.util.TreeSet;

/**
 * Truth assertions on what the engine reported for one file. Findings are named {@code RULE@LINE}
 * (say {@code TST100@2}): enough to tell them apart in most tests, and short in a failure message;
 * {@link #finding(int)} checks one in full.
 */
public final class FileResultSubject extends Subject {
  private final FileResult actual;

  private FileResultSubject(FailureMetadata metadata, FileResult actual) {
    super(metadata, actual);
    this.actual = actual;
  }

  public static Subject.Factory<FileResultSubject, FileResult> fileResults() {
    return FileResultSubject::new;
  }

  public static FileResultSubject assertThat(FileResult result) {
    return assertAbout(fileResults()).that(result);
  }

  /** {@code RULE@LINE} for each finding, in the engine's order. */
  public static List<String> ids(FileResult result) {
    return result.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList();
  }

  /** Reports exactly these findings ({@code RULE@LINE}), in this order. */
  public void hasFindings(String... ruleAtLine) {
    check("findings()").that(ids(actual)).containsExactlyElementsIn(ruleAtLine).inOrder();
  }

  public void hasNoFindings() {
    if (!actual.findings().isEmpty()) {
      failWithoutActual(
          simpleFact("expected no findings"),
          fact("but found", ids(actual)),
          fact("in full", actual.findings()));
    }
  }

  /** The lines where the rule's findings start, ascending and each once. */
  public IterableSubject flaggedLines(String id) {
    TreeSet<Integer> lines = new TreeSet<>();
    for (Finding f : actual.findings()) {
      if (f.ruleId().equals(id)) {
        lines.add(f.line());
      }
    }
    return check("flaggedLines(%s)", id).that(lines);
  }

  /** The file parsed (no syntax errors) and every rule checked all of it (none threw). */
  public void parses() {
    if (!actual.diagnostics().isEmpty()) {
      failWithoutActual(
          simpleFact("expected the file to parse"), fact("but has", actual.diagnostics()));
    }
    if (!actual.ruleFailures().isEmpty()) {
      failWithoutActual(
          simpleFact("expected no rule to fail"), fact("but has", actual.ruleFailures()));
    }
  }

  public void hasSuppressed(int count) {
    check("suppressed()").that(actual.suppressed()).isEqualTo(count);
  }

  /** The only finding, for checks in full; fails unless there is exactly one. */
  public FindingSubject onlyFinding() {
    check("findings()").that(ids(actual)).hasSize(1);
    return finding(0);
  }

  /** The finding at this index of {@link FileResult#findings()}. */
  public FindingSubject finding(int index) {
    check("findings()").that(actual.findings().size()).isGreaterThan(index);
    return check("findings().get(%s)", index)
        .about(FindingSubject.findings())
        .that(actual.findings().get(index));
  }
}
