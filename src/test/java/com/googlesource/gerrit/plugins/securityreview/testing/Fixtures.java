package com.googlesource.gerrit.plugins.securityreview.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.SyntaxErrorRule;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule fixtures under {@code src/test/resources/rules/ID/}, and how a rule is run over them.
 *
 * <p>Each rule has {@code fires.py}, whose flagged positions carry markers {@code # expect: ID:COL}
 * (several on one line separated by commas: {@code # expect: PY101:5, PY101:20}), {@code silent.py}
 * and further {@code silent-*.py} (nothing may be flagged), and {@code suppressed.py} (suppression
 * comments waive findings; one that names another rule still carries a marker). A marker sits on
 * the line where the finding starts; COL is the 1-based character column of its start, {@link
 * Finding#col()} + 1.
 *
 * <p>A {@link DiffRule} compares two versions of a file: each fixture is the new version and has
 * its base next to it ({@code fires.base.py} for {@code fires.py}). The paths the change touches
 * are the fixture's own, or those a first line {@code # changed-paths: a.py, b.py} lists.
 *
 * <p>Free of JUnit 5 on purpose: the Gerrit acceptance tests are JUnit 4 (Bazel runs only those)
 * and use these fixtures too.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final Path ROOT = Path.of("src/test/resources/rules");

  /** Fixtures are checked as production driver code, not as tests. */
  public static final String PATH = "neutron/plugins/ml2/drivers/ovn/mech_driver/fixture.py";

  private static final String CHANGED_PATHS = "# changed-paths:";
  private static final String EXPECT = "# expect:";
  private static final Pattern MARKER = Pattern.compile("([A-Z]+[0-9]+)(?::([0-9]+))?");

  /** A position a marker names, or where a finding starts: 1-based line and column. */
  public record Position(int line, int column) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparingInt(Position::line).thenComparingInt(Position::column);

    /** Where a finding starts; its 0-based column becomes 1-based. */
    public static Position of(Finding finding) {
      return new Position(finding.line(), finding.col() + 1);
    }

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  /** Every rule that has fixtures: all but the syntax error rule, which the parser tests cover. */
  public static List<Rule> rules() {
    return Rules.all().stream().filter(r -> !(r instanceof SyntaxErrorRule)).toList();
  }

  public static List<Rule> diffRules() {
    return rules().stream().filter(r -> r instanceof DiffRule).toList();
  }

  public static Path dir(String id) {
    return ROOT.resolve(id);
  }

  /** An engine that runs only this rule, whether it is on by default or not. */
  public static Engine engine(Rule rule) {
    EngineOptions options = EngineOptions.defaults().withRules(Set.of(), Set.of(rule.meta().id()));
    return new Engine(List.of(rule), options);
  }

  /** Runs the rule over a fixture at {@link #PATH}; a diff rule against the fixture's base. */
  public static FileResult run(Rule rule, Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    if (!(rule instanceof DiffRule)) {
      return engine(rule).analyze(PATH, content, ChangedLines.ALL);
    }
    Path base = baseOf(file);
    if (!Files.exists(base)) {
      throw new AssertionError(file + " has no base version " + base);
    }
    BaseVersion version = new BaseVersion(PATH, Files.readAllBytes(base), changedPaths(file));
    return engine(rule).analyze(PATH, content, ChangedLines.ALL, version);
  }

  /** {@code fires.base.py} for {@code fires.py}. */
  public static Path baseOf(Path file) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".base.py");
  }

  /** The paths a first-line {@code # changed-paths:} comment lists; else the fixture's own. */
  public static Set<String> changedPaths(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).startsWith(CHANGED_PATHS)) {
      return Set.of(PATH);
    }
    return Arrays.stream(lines.get(0).substring(CHANGED_PATHS.length()).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  /** A rule's fixtures (new versions only, not their bases), sorted by name. */
  public static List<Path> files(String id) {
    try (Stream<Path> all = Files.list(dir(id))) {
      return all.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".py") && !name.endsWith(".base.py");
              })
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code silent.py} and any {@code silent-*.py}. */
  public static List<Path> silentFiles(String id) {
    return files(id).stream()
        .filter(
            p -> {
              String name = p.getFileName().toString();
              return name.equals("silent.py") || name.startsWith("silent-");
            })
        .toList();
  }

  /** Where the rule's findings start. */
  public static Set<Position> flagged(FileResult result, String id) {
    return flagged(result.findings(), id);
  }

  public static Set<Position> flagged(List<Finding> findings, String id) {
    Set<Position> positions = new TreeSet<>();
    for (Finding f : findings) {
      if (f.ruleId().equals(id)) {
        positions.add(Position.of(f));
      }
    }
    return positions;
  }

  /** The positions the file's {@code # expect:} markers name for the rule. */
  public static Set<Position> expected(Path file, String id) throws IOException {
    return expected(file.toString(), Files.readString(file, UTF_8), id);
  }

  /**
   * The positions the source's {@code # expect:} markers name for the rule.
   *
   * @param name the source's file name, for messages
   * @throws AssertionError when a marker is malformed or has no column
   */
  public static Set<Position> expected(String name, String source, String id) {
    Set<Position> positions = new TreeSet<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf(EXPECT);
      if (at < 0) {
        continue;
      }
      for (String item : line.substring(at + EXPECT.length()).split(",")) {
        Matcher m = MARKER.matcher(item.strip());
        String where = name + ":" + (i + 1);
        if (!m.matches()) {
          throw new AssertionError(
              where + ": malformed marker '" + item.strip() + "'; write # expect: ID:COL");
        }
        if (m.group(2) == null) {
          throw new AssertionError(
              where
                  + ": marker '"
                  + item.strip()
                  + "' has no column; write # expect: "
                  + m.group(1)
                  + ":COL (the 1-based column where the finding starts)");
        }
        if (m.group(1).equals(id)) {
          positions.add(new Position(i + 1, Integer.parseInt(m.group(2))));
        }
      }
    }
    return positions;
  }

  /** The lines the source's markers name for the rule. */
  public static Set<Integer> expectedLines(String name, String source, String id) {
    return expected(name, source, id).stream()
        .map(Position::line)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
