package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.googlesource.gerrit.plugins.securityreview.testing.FileResultSubject.fileResults;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's fixtures under {@code src/test/resources/rules/ID/} (see {@link Fixtures}): the rule
 * flags exactly the positions the {@code # expect: ID:COL} markers of {@code fires.py} and {@code
 * suppressed.py} name, and nothing in {@code silent.py} and {@code silent-*.py}.
 */
class RuleFixturesTest {

  static List<Rule> rules() {
    return Fixtures.rules();
  }

  static List<Rule> diffRules() {
    return Fixtures.diffRules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void firesWhereExpected(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = Fixtures.dir(id).resolve("fires.py");
    FileResult r = Fixtures.run(rule, file);
    assertWithMessage("%s", file).about(fileResults()).that(r).parses();
    Set<Position> expected = Fixtures.expected(file, id);
    assertWithMessage("%s marks at least one finding", file).that(expected).isNotEmpty();
    assertWithMessage("%s: positions flagged, line:col (findings: %s)", file, r.findings())
        .that(Fixtures.flagged(r, id))
        .containsExactlyElementsIn(expected)
        .inOrder();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void silentWhereItMustBe(Rule rule) throws IOException {
    String id = rule.meta().id();
    List<Path> files = Fixtures.silentFiles(id);
    assertWithMessage("%s has silent.py", id)
        .that(files)
        .contains(Fixtures.dir(id).resolve("silent.py"));
    for (Path file : files) {
      FileResult r = Fixtures.run(rule, file);
      assertWithMessage("%s", file).about(fileResults()).that(r).parses();
      assertWithMessage("%s", file).about(fileResults()).that(r).hasNoFindings();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void suppressionCommentsWaiveFindings(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = Fixtures.dir(id).resolve("suppressed.py");
    FileResult r = Fixtures.run(rule, file);
    assertWithMessage("%s", file).about(fileResults()).that(r).parses();
    assertWithMessage("%s: findings suppressed", file).that(r.suppressed()).isAtLeast(1);
    assertWithMessage(
            "%s: positions flagged despite a comment, line:col (findings: %s)", file, r.findings())
        .that(Fixtures.flagged(r, id))
        .containsExactlyElementsIn(Fixtures.expected(file, id))
        .inOrder();
  }

  /** Without a base there is nothing to compare: a diff rule reports nothing, not everything. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diffRules")
  void diffRuleSilentWithoutBase(Rule rule) throws IOException {
    Path file = Fixtures.dir(rule.meta().id()).resolve("fires.py");
    FileResult r =
        Fixtures.engine(rule).analyze(Fixtures.PATH, Files.readAllBytes(file), ChangedLines.ALL);
    assertWithMessage("%s", file).about(fileResults()).that(r).parses();
    assertWithMessage("%s without a base", file).about(fileResults()).that(r).hasNoFindings();
  }

  /** Each diff rule's fixtures really differ from their base: the rule sees a change. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diffRules")
  void diffRuleFiresOnlyAgainstItsBase(Rule rule) throws IOException {
    Path file = Fixtures.dir(rule.meta().id()).resolve("fires.py");
    // The new version compared with itself: nothing changed, so nothing to report.
    byte[] content = Files.readAllBytes(file);
    BaseVersion same = new BaseVersion(Fixtures.PATH, content, Fixtures.changedPaths(file));
    FileResult r = Fixtures.engine(rule).analyze(Fixtures.PATH, content, ChangedLines.ALL, same);
    assertWithMessage("%s compared with itself", file).about(fileResults()).that(r).hasNoFindings();
  }

  /** The markers themselves: a column is required, several may share a line. */
  @Test
  void markersNameRuleAndColumn() {
    String source = "x = 1\ndanger(); danger()  # expect: TST100:1, TST100:11, TST200:3\n";
    assertThat(Fixtures.expected("m.py", source, "TST100"))
        .containsExactly(new Position(2, 1), new Position(2, 11))
        .inOrder();
    assertThat(Fixtures.expected("m.py", source, "TST200")).containsExactly(new Position(2, 3));
    AssertionError noColumn =
        assertThrows(
            AssertionError.class,
            () -> Fixtures.expected("m.py", "danger()  # expect: TST100\n", "TST100"));
    assertThat(noColumn)
        .hasMessageThat()
        .isEqualTo(
            "m.py:1: marker 'TST100' has no column; write # expect: TST100:COL (the 1-based"
                + " column where the finding starts)");
  }
}
