package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has three fixtures under {@code src/test/resources/rules/ID/}: {@code fires.py} (each
 * line that must be flagged ends with {@code # expect: ID}), {@code silent.py} (nothing may be
 * flagged; further {@code silent-*.py} files too) and {@code suppressed.py} (suppression comments
 * waive findings; a line with a suppression that names another rule still carries {@code # expect:
 * ID}).
 *
 * <p>A {@link DiffRule} compares two versions of a file: each fixture is the new version and has
 * its base next to it ({@code fires.base.py} for {@code fires.py}). The paths the change touches
 * are the fixture's own, or those a first line {@code # changed-paths: a.py, b.py} lists.
 */
class RuleFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/rules");

  /** Fixtures are checked as production driver code, not as tests. */
  static final String PATH = "neutron/plugins/ml2/drivers/ovn/mech_driver/fixture.py";

  private static final String CHANGED_PATHS = "# changed-paths:";

  static Stream<Rule> rules() {
    return Rules.all().stream().filter(r -> !(r instanceof SyntaxErrorRule));
  }

  static Stream<Rule> diffRules() {
    return rules().filter(r -> r instanceof DiffRule);
  }

  static Engine engine(Rule rule) {
    EngineOptions options = EngineOptions.defaults().withRules(Set.of(), Set.of(rule.meta().id()));
    return new Engine(List.of(rule), options);
  }

  static FileResult run(Rule rule, Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    if (!(rule instanceof DiffRule)) {
      return engine(rule).analyze(PATH, content, ChangedLines.ALL);
    }
    Path base = baseOf(file);
    assertWithMessage("%s has its base version %s", file, base).that(Files.exists(base)).isTrue();
    BaseVersion version = new BaseVersion(PATH, Files.readAllBytes(base), changedPaths(file));
    return engine(rule).analyze(PATH, content, ChangedLines.ALL, version);
  }

  /** {@code fires.base.py} for {@code fires.py}. */
  static Path baseOf(Path file) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".base.py");
  }

  /** The paths a first-line {@code # changed-paths:} comment lists; else the fixture's own. */
  static Set<String> changedPaths(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).startsWith(CHANGED_PATHS)) {
      return Set.of(PATH);
    }
    return Arrays.stream(lines.get(0).substring(CHANGED_PATHS.length()).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
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

  /** {@code silent.py} and any {@code silent-*.py} (not their base versions). */
  static List<Path> silentFixtures(String id) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.list(FIXTURES.resolve(id))) {
      all.filter(
              p -> {
                String name = p.getFileName().toString();
                return (name.equals("silent.py") || name.startsWith("silent-"))
                    && name.endsWith(".py")
                    && !name.endsWith(".base.py");
              })
          .sorted()
          .forEach(files::add);
    }
    return files;
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
    List<Path> files = silentFixtures(id);
    assertWithMessage("%s has silent.py", id)
        .that(files)
        .contains(FIXTURES.resolve(id).resolve("silent.py"));
    for (Path file : files) {
      FileResult r = run(rule, file);
      assertWithMessage("%s parses", file).that(r.diagnostics()).isEmpty();
      assertWithMessage("%s: findings", file).that(r.findings()).isEmpty();
    }
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

  /** Without a base there is nothing to compare: a diff rule reports nothing, not everything. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diffRules")
  void diffRuleSilentWithoutBase(Rule rule) throws IOException {
    Path file = FIXTURES.resolve(rule.meta().id()).resolve("fires.py");
    FileResult r = engine(rule).analyze(PATH, Files.readAllBytes(file), ChangedLines.ALL);
    assertWithMessage("%s parses", file).that(r.diagnostics()).isEmpty();
    assertWithMessage("%s without a base: findings", file).that(r.findings()).isEmpty();
  }

  /** Each diff rule's fixtures really differ from their base: the rule sees a change. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diffRules")
  void diffRuleFiresOnlyAgainstItsBase(Rule rule) throws IOException {
    Path file = FIXTURES.resolve(rule.meta().id()).resolve("fires.py");
    // The new version compared with itself: nothing changed, so nothing to report.
    BaseVersion same = new BaseVersion(PATH, Files.readAllBytes(file), changedPaths(file));
    FileResult r = engine(rule).analyze(PATH, Files.readAllBytes(file), ChangedLines.ALL, same);
    assertWithMessage("%s compared with itself: findings", file).that(r.findings()).isEmpty();
  }
}
