package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.RulesTable;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code resources/Documentation/rules.md} is what {@link RulesTable} renders from {@link
 * Rules#all()}, and lists every rule. Regenerate it with {@code ./run docs} ({@link
 * GenerateRuleDocs}).
 */
class RulesTableTest {
  static final Path TABLE = Path.of("resources/Documentation/rules.md");

  @Test
  void tableIsCurrent() throws IOException {
    assertWithMessage("%s exists (run ./run docs)", TABLE).that(Files.exists(TABLE)).isTrue();
    assertWithMessage("%s is current (run ./run docs)", TABLE)
        .that(Files.readString(TABLE))
        .isEqualTo(RulesTable.markdown(Rules.all()));
  }

  @Test
  void everyRuleHasARowLinkingToItsPage() {
    String table = RulesTable.markdown(Rules.all());
    for (Rule rule : Rules.all()) {
      String id = rule.meta().id();
      assertThat(table).contains("| [" + id + "](rules/" + id + ".md) | " + rule.meta().name());
    }
  }

  @Test
  void rendersEveryColumnAndEscapesPipes() {
    Rule offInTests = rule("PY999", "B303,B324", "S303, S324", false, "Uses `a | b` on a hash");
    Rule onNoIds =
        new Rule(metaOf("PY998", null, null, true, "Title")) {

          @Override
          public boolean checksTestCode() {
            return true;
          }
        };
    String table = RulesTable.markdown(List.of(offInTests, onNoIds));
    assertThat(table).contains("2 rules, 1 on by default.");
    assertThat(table)
        .contains(
            "| [PY999](rules/PY999.md) | name-py999 | B303, B324 | S303, S324 | medium | high | off"
                + " | no | PY4xx templates, assertions, permissions and debug hooks | Uses `a \\|"
                + " b` on a hash |\n");
    assertThat(table)
        .contains(
            "| [PY998](rules/PY998.md) | name-py998 | - | - | medium | high | on | yes"
                + " | PY4xx templates, assertions, permissions and debug hooks | Title |\n");
  }

  private static Rule rule(
      String id, String bandit, String ruff, boolean enabledByDefault, String title) {
    RuleMeta meta = metaOf(id, bandit, ruff, enabledByDefault, title);
    return new Rule(meta) {};
  }

  private static RuleMeta metaOf(
      String id, String bandit, String ruff, boolean enabledByDefault, String title) {
    RuleMeta.Builder b =
        TestRuleMeta.builder(id)
            .name("name-" + id.toLowerCase(java.util.Locale.ROOT))
            .title(title)
            .bandit(bandit)
            .ruff(ruff);
    return (enabledByDefault ? b : b.offByDefault()).build();
  }
}
