package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.List;

/**
 * Renders {@code resources/Documentation/rules.md}: the table of every rule with its Bandit and
 * Ruff counterparts, generated from the rules themselves so that it cannot drift from them.
 */
public final class RulesTable {
  private RulesTable() {}

  /** The page's path inside the plugin's resources. */
  public static final String PATH = "Documentation/rules.md";

  public static String markdown(List<Rule> rules) {
    long on = rules.stream().filter(r -> r.meta().enabledByDefault()).count();
    String offExample =
        rules.stream()
            .map(Rule::meta)
            .filter(m -> !m.enabledByDefault())
            .map(RuleMeta::id)
            .findFirst()
            .orElse("ID");
    StringBuilder b = new StringBuilder();
    b.append("# Rules\n\n");
    b.append(
        """
        This page is generated from the rules (`./run docs`); each rule has its own page under \
        [rules/](rules/) with what it looks for, why it matters, an example and the fix.

        """);
    b.append(rules.size())
        .append(" rules, ")
        .append(on)
        .append(" on by default. A rule that is off by default runs when it is enabled by one of")
        .append(" its ids (ours, Bandit's or Ruff's): `scan --enable ")
        .append(offExample)
        .append("`, or the project's configuration.\n\n");
    b.append(
        """
        ## Suppressing a finding

        A comment on the first or last line of a finding waives it. Each of these forms names \
        the rule by any of its ids (ours, Bandit's or Ruff's, as listed below):

        - `# nosec`: every rule on that line; `# nosec B602` or `# nosec: B602,B603`: those rules \
        only (Bandit's syntax, so existing OpenStack suppressions keep working);
        - `# noqa: S603`: the rules named (Ruff's and flake8's syntax); a bare `# noqa` does not \
        count, since OpenStack code writes it for style checks;
        - `# security-review: ignore[OVN601]`: the rules named; bare \
        `# security-review: ignore`: every rule on that line.

        A comment that names other ids suppresses nothing else.

        ## Thresholds and test code

        Each finding has a severity (how much harm it can do if it is real) and a confidence (how \
        likely it is to be real). The command line reports every finding by default \
        (`--min-severity low --min-confidence low`) and exits 1 when one meets the thresholds. \
        The plugin comments on the changed lines and votes -1 on `Security-Review` when a finding \
        reaches severity medium and confidence medium, by default; both thresholds are \
        configurable.

        Rules skip test code (`tests/` folders, `test_*.py`, `*_test.py`, `tests.py`, `conftest.py`) unless \
        the column "tests" says yes: a defect there does not ship, and tests build the very \
        patterns the rules look for on purpose.

        ## New findings only

        The plugin, and `scan --diff REF`, compare each changed file with its base version. A \
        finding on a changed line is reported only when the base has no equivalent one: same \
        rule, same enclosing function or class (by qualified name) and the same statement once \
        formatting, comments, quotes, trailing commas, type annotations, line numbers and the \
        choice between `%`, \
        `format()` and f-strings are set aside. The others are counted as pre-existing. For a \
        compound statement (`if`, `while`, `def`, `try`, `except`) only its header counts, so an \
        edit in its body does not make a finding on the header new.

        The OVN7xx rules look at the change itself (a validation call or `check_error=True` \
        dropped, a port-security condition changed): they need the base version, so they run in \
        the plugin and with `scan --diff`, not on a whole-file scan, and report wherever the \
        change left its mark in the new version.

        ## The rules

        | id | name | Bandit | Ruff | severity | confidence | default | tests | family | \
        what it looks for |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """);
    for (Rule rule : rules) {
      RuleMeta m = rule.meta();
      b.append("| [")
          .append(m.id())
          .append("](rules/")
          .append(m.id())
          .append(".md) | ")
          .append(cell(m.name()))
          .append(" | ")
          .append(ids(m.banditId()))
          .append(" | ")
          .append(ids(m.ruffCode()))
          .append(" | ")
          .append(m.severity().label())
          .append(" | ")
          .append(m.confidence().label())
          .append(" | ")
          .append(m.enabledByDefault() ? "on" : "off")
          .append(" | ")
          .append(rule.checksTestCode() ? "yes" : "no")
          .append(" | ")
          .append(cell(m.category()))
          .append(" | ")
          .append(cell(m.title()))
          .append(" |\n");
    }
    return b.toString();
  }

  /** "B303,B324" as "B303, B324" (so a narrow column can wrap); "-" for none. */
  private static String ids(String ids) {
    if (ids == null || ids.isBlank()) {
      return "-";
    }
    return cell(String.join(", ", List.of(ids.strip().split("\\s*,\\s*"))));
  }

  /** A table cell: a pipe would end the cell, and a line break the row. */
  private static String cell(String text) {
    return text.strip().replace("\n", " ").replace("|", "\\|");
  }
}
