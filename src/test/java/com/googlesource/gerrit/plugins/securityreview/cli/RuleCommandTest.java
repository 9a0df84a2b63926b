package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rule ID} and {@code rule --all}: the rule pages the jar carries, and the page each finding
 * of text output names.
 */
class RuleCommandTest {
  @TempDir Path tmp;

  private CliRun rule(String... args) {
    return ruleWith(Rules.all(), args);
  }

  private CliRun ruleWith(List<Rule> rules, String... args) {
    return CliRun.command(tmp, rules, "rule", args);
  }

  /** The page as the build puts it into the jar: the file under resources/. */
  private static String page(String id) throws Exception {
    return Files.readString(Path.of("resources/Documentation/rules/" + id + ".md"), UTF_8);
  }

  @Test
  void ruleId_printsItsPage_byOurIdNameBanditIdOrRuffCode_inAnyCase() throws Exception {
    CliRun r = rule("OVN301");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(page("OVN301"));
    assertThat(rule("ovn301").out()).isEqualTo(page("OVN301"));
    assertThat(rule("transaction-check-error-false").out()).isEqualTo(page("OVN301"));

    RuleMeta withRuff =
        Rules.all().stream()
            .map(Rule::meta)
            .filter(m -> m.ruffCode() != null && !m.ruffCode().contains(","))
            .filter(m -> m.banditId() != null && !m.banditId().contains(","))
            .filter(m -> byId(m.ruffCode()).size() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(rule(withRuff.ruffCode()).out()).isEqualTo(page(withRuff.id()));
    assertThat(rule(withRuff.ruffCode().toLowerCase()).out()).isEqualTo(page(withRuff.id()));
    assertThat(rule(withRuff.banditId()).out()).contains(page(withRuff.id()));
  }

  /** The rules whose own, Bandit or Ruff id is {@code id}. */
  private static List<RuleMeta> byId(String id) {
    return Rules.all().stream()
        .map(Rule::meta)
        .filter(m -> m.suppressionIds().contains(id))
        .toList();
  }

  @Test
  void anIdSeveralRulesShare_printsEachPage_separatedByABlankLine() throws Exception {
    List<RuleMeta> shared = byId("B101");
    assertThat(shared.size()).isAtLeast(2);
    List<String> pages = new ArrayList<>();
    for (RuleMeta m : shared) {
      pages.add(page(m.id()));
    }
    assertThat(rule("B101").out()).isEqualTo(String.join("\n", pages));
    // Several ids: their pages in the order given.
    assertThat(rule("OVN301", "OVN601").out()).isEqualTo(page("OVN301") + "\n" + page("OVN601"));
  }

  @Test
  void all_printsEveryRulesPage() throws Exception {
    CliRun r = rule("--all");
    assertThat(r.status()).isEqualTo(0);
    List<String> pages = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      pages.add(page(rule.meta().id()));
    }
    assertThat(r.out()).isEqualTo(String.join("\n", pages));
  }

  @Test
  void unknownIdOrBadUsage_exit2_nothingPrinted() {
    CliRun unknown = rule("OVN301", "NOPE999");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .isEqualTo(
            "security-review: rule: no rule has the id or name 'NOPE999'; 'scan --list-rules'"
                + " lists them\n"
                + "Run 'java -jar security-review.jar rule --help' for usage.\n");
    assertThat(rule().status()).isEqualTo(2);
    assertThat(rule().err()).contains("name a rule (such as OVN301) or give --all");
    assertThat(rule("--all", "OVN301").err()).contains("--all takes no ID");
    assertThat(rule("--bogus").err()).contains("rule: unknown option '--bogus'");
    // A rule the jar has no page for (the tests' own) is an error too.
    CliRun noPage = ruleWith(TestRules.all(), "TST100");
    assertThat(noPage.status()).isEqualTo(2);
    assertThat(noPage.err()).contains("the jar has no page for TST100");
  }

  @Test
  void help_andTheTopLevelUsage() {
    CliRun help = rule("--help");
    assertThat(help.status()).isEqualTo(0);
    assertThat(help.out()).startsWith("Usage: java -jar security-review.jar rule [--] ID...");
    assertThat(CliRun.in(tmp, Rules.all(), "--help").out()).contains("rule ID... | rule --all");
  }

  /** Each finding of text output names its page, with a command that prints it. */
  @Test
  void textOutput_namesEachFindingsPage_andTheCommandPrintsIt() throws Exception {
    CliRun.write(
        tmp,
        "a.py",
        "import subprocess\n"
            + "def f(cmd):\n"
            + "    subprocess.call(cmd, shell=True)\n"
            + "    try:\n"
            + "        pass\n"
            + "    except:\n"
            + "        pass\n");
    CliRun scan = CliRun.in(tmp, Rules.all(), "scan", "a.py");
    List<String> lines = scan.out().lines().toList();
    Pattern finding = Pattern.compile("a\\.py:\\d+:\\d+: (\\S+) \\[.*");
    int findings = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = finding.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      findings++;
      String see = lines.get(i + 1);
      assertThat(see).isEqualTo("  see: java -jar security-review.jar rule " + m.group(1));
      String[] command = see.substring(see.indexOf(" rule ") + 1).split(" ");
      assertThat(CliRun.in(tmp, Rules.all(), command).out()).isEqualTo(page(m.group(1)));
    }
    assertThat(findings).isAtLeast(2);
  }
}
