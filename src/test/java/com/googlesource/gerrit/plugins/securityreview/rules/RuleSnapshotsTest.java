package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures;
import com.googlesource.gerrit.plugins.securityreview.testing.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule's snapshot {@code src/test/resources/rules/ID/ID.snap} is what the rule reports on its
 * fixtures now (see {@link Snapshots}): messages, ranges and fixes, which the marker checks of
 * {@link RuleFixturesTest} do not cover. Regenerate them all with {@code ./run snapshots} ({@link
 * GenerateRuleSnapshots}), or run this test with {@code -Dsnapshots.update=true}; then review the
 * change of the {@code .snap} files.
 */
class RuleSnapshotsTest {
  /** Lines of difference shown when a snapshot is out of date. */
  private static final int DIFF_LINES = 40;

  static List<Rule> rules() {
    return Fixtures.rules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void snapshotIsCurrent(Rule rule) throws IOException {
    String id = rule.meta().id();
    Path file = Snapshots.file(id);
    String actual = Snapshots.render(rule);
    if (Boolean.getBoolean(Snapshots.UPDATE_PROPERTY)) {
      Files.writeString(file, actual, UTF_8);
      return;
    }
    assertWithMessage("%s exists (run %s)", file, Snapshots.REGENERATE)
        .that(Files.exists(file))
        .isTrue();
    String expected = Files.readString(file, UTF_8);
    if (!expected.equals(actual)) {
      throw new AssertionError(
          String.format(
              "%s is out of date; if the change is intended, run %s (or this test with -D%s=true)"
                  + " and review the new snapshot.%n--- %s%n+++ what %s reports now%n%s",
              file,
              Snapshots.REGENERATE,
              Snapshots.UPDATE_PROPERTY,
              file,
              id,
              Snapshots.diff(expected, actual, DIFF_LINES)));
    }
  }

  @Test
  void noSnapshotWithoutARule() throws IOException {
    Set<String> ids = new HashSet<>();
    rules().forEach(r -> ids.add(r.meta().id()));
    try (Stream<Path> snaps =
        Files.find(Fixtures.ROOT, 2, (p, a) -> p.toString().endsWith(".snap"))) {
      for (Path snap : snaps.toList()) {
        String name = snap.getFileName().toString();
        String id = name.substring(0, name.length() - ".snap".length());
        assertWithMessage("%s belongs to a rule", snap).that(ids).contains(id);
        assertWithMessage("%s is in its rule's folder", snap)
            .that(snap)
            .isEqualTo(Snapshots.file(id));
      }
    }
  }

  @Test
  void diffShowsTheFirstDifferencesWithContext() {
    String expected = "a\nb\nc\nd\ne\nf\ng\n";
    String actual = "a\nb\nc\nD\ne\nf\ng\n";
    assertThat(Snapshots.diff(expected, actual, 10)).isEqualTo("  b\n  c\n- d\n+ D\n  e\n  f\n");
    assertThat(Snapshots.diff("1\n2\n3\n", "x\n2\ny\n", 2))
        .isEqualTo("- 1\n+ x\n... (more differences)\n");
  }
}
