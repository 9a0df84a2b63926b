package com.googlesource.gerrit.plugins.securityreview.rules;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleDocs;
import com.googlesource.gerrit.plugins.securityreview.engine.RulesTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every rule's page under {@code resources/Documentation/rules/} and the table of all rules,
 * {@code resources/Documentation/rules.md}, next to that folder; run by {@code ./run docs}.
 */
public final class GenerateRuleDocs {
  private GenerateRuleDocs() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "resources/Documentation/rules");
    Files.createDirectories(dir);
    for (Rule rule : Rules.all()) {
      Path page = dir.resolve(rule.meta().id() + ".md");
      Files.writeString(page, RuleDocs.markdown(rule.meta()));
      System.out.println("wrote " + page);
    }
    Path table = dir.resolveSibling("rules.md");
    Files.writeString(table, RulesTable.markdown(Rules.all()));
    System.out.println("wrote " + table);
  }
}
