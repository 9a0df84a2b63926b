package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF carries each rule's page as Markdown ({@code help.markdown}), the very page of the jar, so
 * that IDEs and code scanning show it offline.
 */
class SarifHelpTest {
  @TempDir Path tmp;

  @Test
  void everyRuleThatRan_carriesItsPageAsMarkdown() throws Exception {
    CliRun.write(tmp, "a.py", "import subprocess\nsubprocess.call(cmd, shell=True)\n");
    // Every rule on, so that every page is checked.
    StringBuilder enable = new StringBuilder();
    for (Rule r : Rules.all()) {
      enable.append(enable.isEmpty() ? "" : ",").append(r.meta().id());
    }
    CliRun r =
        CliRun.in(tmp, Rules.all(), "scan", "--format", "sarif", "--enable", enable.toString());
    JsonObject driver =
        JsonParser.parseString(r.out())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("tool")
            .getAsJsonObject("driver");
    JsonArray rules = driver.getAsJsonArray("rules");
    Set<String> ids = new HashSet<>();
    for (JsonElement e : rules) {
      JsonObject rule = e.getAsJsonObject();
      String id = rule.get("id").getAsString();
      ids.add(id);
      JsonObject help = rule.getAsJsonObject("help");
      assertWithMessage(id)
          .that(help.get("markdown").getAsString())
          .isEqualTo(
              Files.readString(Path.of("resources/Documentation/rules/" + id + ".md"), UTF_8));
      assertWithMessage(id).that(help.get("text").getAsString()).isNotEmpty();
      assertWithMessage(id)
          .that(rule.get("helpUri").getAsString())
          .endsWith("/resources/Documentation/rules/" + id + ".md");
    }
    Set<String> all = new HashSet<>();
    Rules.all().forEach(rule -> all.add(rule.meta().id()));
    assertThat(ids).isEqualTo(all);
  }
}
