package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has three fixtures under {@code src/test/resources/rules/ID/}: {@code fires.py} (each
 * line that must be flagged ends with {@code # expect: ID}), {@code silent.py} (nothing may be
 * flagged) and {@code suppressed.py} (suppression comments waive findings; a line with a
 * suppression that names another rule still carries {@code # expect: ID}).
 */
class RuleFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/rules");

  /** Fixtures are checked as production driver code, not as tests. */
  static final String PATH = "neutron/plugins/ml2/drivers/ovn/mech_driver/fixture.py";

  static Stream<Rule> rules() {
    return Rules.all().stream().filter(r -> !(r instanceof SyntaxErrorRule));
  }

  static FileResult run(Rule rule, Path file) throws IOException {
    EngineOptions options = EngineOptions.defaults().withRules(Set.of(), Set.of(rule.meta().id()));
    Engine engine = new Engine(List.of(rule), options);
    return engine.analyze(PATH, Files.readAllBytes(file), ChangedLines.ALL);
  }

  static Set<Integer> flaggedLines(FileResult result, String id) {
    Set<Integer> lines = new TreeSet<>();
    for (Finding f : result.findings()) {
      if (f.ruleId().equals(id)) {
        lines.add(f.line());
      }
    }
    return lines;
  }

  static Set<Integer> expectedLines(Path file, String id) throws IOException {
    Set<Integer> lines = new TreeSet<>();
    List<String> text = Files.readAllLines(file);
    for (int i = 0; i < text.size(); i++) {
      if (text.get(i).contains("# expect: " + id)) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void firesWhereExpected(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = FIXTURES.resolve(id).resolve("fires.py");
    FileResult r = run(rule, file);
    assertWithMessage("%s parses", file).that(r.diagnostics()).isEmpty();
    Set<Integer> expected = expectedLines(file, id);
    assertWithMessage("%s marks at least one line", file).that(expected).isNotEmpty();
    assertWithMessage("%s: lines flagged (findings: %s)", file, r.findings())
        .that(flaggedLines(r, id))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void silentWhereItMustBe(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = FIXTURES.resolve(id).resolve("silent.py");
    FileResult r = run(rule, file);
    assertWithMessage("%s parses", file).that(r.diagnostics()).isEmpty();
    assertWithMessage("%s: findings", file).that(r.findings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void suppressionCommentsWaiveFindings(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = FIXTURES.resolve(id).resolve("suppressed.py");
    FileResult r = run(rule, file);
    assertWithMessage("%s parses", file).that(r.diagnostics()).isEmpty();
    assertWithMessage("%s: findings suppressed", file).that(r.suppressed()).isAtLeast(1);
    assertWithMessage("%s: lines flagged despite a comment (findings: %s)", file, r.findings())
        .that(flaggedLines(r, id))
        .isEqualTo(expectedLines(file, id));
  }
}
