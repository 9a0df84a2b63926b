package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import java.util.ArrayList;
import java.util.List;

/** The output of {@code scan --list-rules}: a table, or JSON with {@code --format json}. */
final class RuleListing {
  private RuleListing() {}

  /** One row per rule under a header row, in columns two spaces apart. */
  static String text(List<Rule> rules) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "ID", "NAME", "SEVERITY", "CONFIDENCE", "DEFAULT", "BANDIT", "RUFF", "TITLE"
        });
    for (Rule r : rules) {
      RuleMeta m = r.meta();
      rows.add(
          new String[] {
            m.id(),
            m.name(),
            m.severity().label(),
            m.confidence().label(),
            m.enabledByDefault() ? "on" : "off",
            m.banditId() == null ? "-" : m.banditId(),
            m.ruffCode() == null ? "-" : m.ruffCode(),
            m.title()
          });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].length() + 2));
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  /**
   * {@code {"rules": [{"id", "name", "title", "severity", "confidence", "category",
   * "enabledByDefault", "enabled", "banditId", "ruffCode"}]}}; {@code enabled} says whether the
   * rule runs under the given --enable and --disable.
   */
  static String json(List<Rule> rules, EngineOptions options) {
    StringBuilder b = new StringBuilder("{\n  \"rules\": [");
    for (int i = 0; i < rules.size(); i++) {
      RuleMeta m = rules.get(i).meta();
      b.append(i == 0 ? "\n    " : ",\n    ").append("{\"id\": ");
      Json.appendQuoted(b, m.id());
      b.append(", \"name\": ");
      Json.appendQuoted(b, m.name());
      b.append(", \"title\": ");
      Json.appendQuoted(b, m.title());
      b.append(", \"severity\": ");
      Json.appendQuoted(b, m.severity().label());
      b.append(", \"confidence\": ");
      Json.appendQuoted(b, m.confidence().label());
      b.append(", \"category\": ");
      Json.appendQuoted(b, m.category());
      b.append(", \"enabledByDefault\": ").append(m.enabledByDefault());
      b.append(", \"enabled\": ").append(options.isOn(m));
      b.append(", \"banditId\": ").append(Json.quote(m.banditId()));
      b.append(", \"ruffCode\": ").append(Json.quote(m.ruffCode()));
      b.append('}');
    }
    b.append(rules.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return b.toString();
  }
}
