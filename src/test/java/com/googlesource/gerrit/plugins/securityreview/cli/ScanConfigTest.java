package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gerrit.server.config.PluginConfig;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.PathGlob;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Analysis;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --config}: the bot's settings from a project.config, and the vote the bot would cast,
 * predicted with the plugin's own decision.
 */
class ScanConfigTest {
  @TempDir Path tmp;

  private static final String FRESH = "a fresh site's settings; as if every line were changed";

  private CliRun scan(String... args) {
    return scanWith(TestRules.all(), args);
  }

  private CliRun scanWith(List<Rule> rules, String... args) {
    return CliRun.command(tmp, rules, "scan", args);
  }

  private void write(String relative, String content) throws Exception {
    CliRun.write(tmp, relative, content);
  }

  // ------------------------------------------------------------ the vote, a fresh site

  @Test
  void withoutConfig_theVoteOfAFreshSite() throws Exception {
    write("a.py", "danger()\n");
    CliRun r = scan("a.py");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.lastLine())
        .isEqualTo(
            "Predicted vote: Security-Review -1 ("
                + FRESH
                + "): 1 finding reaches the vote threshold (severity medium or higher,"
                + " confidence medium or higher).");

    write("clean.py", "x = 1\n");
    assertThat(scan("clean.py").lastLine())
        .isEqualTo(
            "Predicted vote: Security-Review +1 ("
                + FRESH
                + "): every changed file was checked; nothing reaches the vote threshold.");

    // Reported, and exit status 1, but below the vote threshold (low/low).
    write("low.py", "meh()\n");
    CliRun low = scan("low.py");
    assertThat(low.status()).isEqualTo(1);
    assertThat(low.lastLine()).startsWith("Predicted vote: Security-Review +1 (");
  }

  @Test
  void incompleteReview_votes0_andSaysWhatWasNotChecked() throws Exception {
    write("bad.py", "def f(:\n    pass\n");
    assertThat(scan("bad.py").lastLine())
        .isEqualTo(
            "Predicted vote: Security-Review 0 ("
                + FRESH
                + "): the review is incomplete. Not fully checked: 1 file with syntax errors.");

    write("crash.py", "crash()\n");
    CliRun r = scanWith(TestRules.withCrashingRule(), "crash.py");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.lastLine())
        .endsWith("the review is incomplete. Not fully checked: 1 internal error.");

    // A finding that blocks decides, complete or not.
    write("both.py", "danger()\ncrash()\n");
    assertThat(scanWith(TestRules.withCrashingRule(), "both.py").lastLine())
        .contains("Security-Review -1 (");
  }

  @Test
  void nothingToReview_noVote() throws Exception {
    write("notes.txt", "danger()\n");
    CliRun r = scan();
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.lastLine())
        .isEqualTo(
            "Predicted vote: none (" + FRESH + "): no file to review: the bot posts nothing.");
  }

  /** The CLI predicts with the very decision the plugin's analysis votes with. */
  @Test
  void thePredictionIsThePluginsDecision() throws Exception {
    ProjectSettings settings = ProjectSettings.defaults(ProjectSettings.DEFAULT_LABEL);
    Engine engine = new Engine(TestRules.all(), settings.engineOptions());
    for (String source : List.of("danger()\n", "x = 1\n", "meh()\nrisky()\n", "def f(:\n")) {
      write("p.py", source);
      FileResult result = engine.analyze("p.py", source.getBytes(UTF_8), ChangedLines.ALL);
      Analysis analysis =
          new Analysis(
              new PatchSetFiles(List.of(), List.of(), false, Set.of("p.py")),
              List.of(result),
              settings);
      String expected =
          "Predicted vote: Security-Review "
              + (analysis.vote() > 0 ? "+" : "")
              + analysis.vote()
              + " ("
              + FRESH
              + "): "
              + analysis.decision().reason();
      assertWithMessage(source).that(scan("p.py").lastLine()).startsWith(expected);
    }
  }

  // ------------------------------------------------------------ --config

  private static final String PROJECT_CONFIG =
      """
      [project]
      \tdescription = OpenStack Networking
      [access "refs/heads/*"]
      \tlabel-Security-Review = -1..+1 group Service Users
      [label "Security-Review"]
      \tfunction = NoBlock
      \tvalue = -1 Security issues found
      \tvalue = 0 No score
      \tvalue = +1 No security issues found
      [plugin "security-review"]
      \tvoteSeverity = high
      \tlabel = Security-Check
      \tvoteOnFindings = -2
      """;

  @Test
  void config_thresholdsLabelAndValues() throws Exception {
    write("project.config", PROJECT_CONFIG);
    write("a.py", "danger()\n");
    write("b.py", "risky()\n");

    // TST100 is medium: reported, but it no longer reaches the vote threshold.
    CliRun medium = scan("--config", "project.config", "a.py");
    assertThat(medium.err()).isEmpty();
    assertThat(medium.out()).contains("a.py:1:1: TST100 ");
    assertThat(medium.lastLine())
        .isEqualTo(
            "Predicted vote: Security-Check +1 (settings of project.config; as if every line"
                + " were changed): every changed file was checked; nothing reaches the vote"
                + " threshold.");

    assertThat(scan("--config=project.config", "b.py").lastLine())
        .endsWith(
            "Security-Check -2 (settings of project.config; as if every line were changed): 1"
                + " finding reaches the vote threshold (severity high or higher, confidence"
                + " medium or higher).");
  }

  @Test
  void config_justTheSection_rulesGlobsAndCommentConfidence() throws Exception {
    write(
        "review.config",
        """
        # the plugin's section alone
        [plugin "security-review"]
            disabledRule = B602
            enabledRule = S605
            exclude = **/tests/**
            include = src/**/*.py, tools/*.py
            commentConfidence = medium
        """);
    write("src/a.py", "danger()\nhidden()\nmeh()\n");
    write("src/tests/t.py", "hidden()\n");
    write("tools/x.py", "hidden()\n");
    write("other/o.py", "hidden()\n");
    CliRun r = scan("--config", "review.config");
    assertThat(r.err()).isEmpty();
    // B602 (TST100) off, S605 (TST200) on, TST102 below the comment confidence, globs applied.
    assertThat(r.out()).contains("src/a.py:2:1: TST200 ");
    assertThat(r.out()).contains("tools/x.py:1:1: TST200 ");
    assertThat(r.out()).doesNotContain("TST100");
    assertThat(r.out()).doesNotContain("TST102");
    assertThat(r.out()).doesNotContain("tests/t.py");
    assertThat(r.out()).doesNotContain("other/o.py");
    assertThat(r.out()).contains("2 files scanned, 2 findings (high 2, medium 0, low 0)");
    assertThat(r.out()).contains(", 1 below threshold, ");

    // --list-rules shows the rules the settings turn on and off.
    JsonArray rules =
        JsonParser.parseString(
                scan("--config", "review.config", "--list-rules", "--format", "json").out())
            .getAsJsonObject()
            .getAsJsonArray("rules");
    for (var e : rules) {
      JsonObject rule = e.getAsJsonObject();
      String id = rule.get("id").getAsString();
      boolean enabled = rule.get("enabled").getAsBoolean();
      if (id.equals("TST100")) {
        assertThat(enabled).isFalse();
      } else if (id.equals("TST200")) {
        assertThat(enabled).isTrue();
      }
    }
  }

  @Test
  void config_enabledFalse_noVote() throws Exception {
    write("project.config", "[plugin \"security-review\"]\n  enabled = false\n");
    write("a.py", "danger()\n");
    assertThat(scan("--config", "project.config").lastLine())
        .isEqualTo(
            "Predicted vote: none (settings of project.config; as if every line were changed):"
                + " the settings turn the review off (enabled = false): the bot posts nothing.");
  }

  @Test
  void parentThenChild_anOptionTheChildSetsReplacesTheParents() throws Exception {
    write(
        "parent.config",
        "[plugin \"security-review\"]\n  voteSeverity = high\n  exclude = a/**\n"
            + "  exclude = b/**\n");
    write("child.config", "[plugin \"security-review\"]\n  exclude = c/**\n");
    write("a/x.py", "danger()\n");
    write("c/x.py", "risky()\n");
    CliRun r = scan("--config", "parent.config", "--config", "child.config");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("a/x.py:1:1: TST100");
    assertThat(r.out()).doesNotContain("c/x.py");
    // voteSeverity still comes from the parent: TST100 (medium) does not block.
    assertThat(r.lastLine())
        .startsWith(
            "Predicted vote: Security-Review +1 (settings of parent.config, child.config; ");
  }

  @Test
  void commandLineOptions_changeTheSettings_andTheVoteLineSaysSo() throws Exception {
    write("project.config", "[plugin \"security-review\"]\n  exclude = gen/**\n");
    write("a.py", "danger()\n");
    write("gen/g.py", "risky()\n");
    CliRun r = scan("--config", "project.config", "--min-severity", "high", "--exclude", "a.py");
    assertThat(r.out()).doesNotContain("g.py");
    assertThat(r.lastLine())
        .isEqualTo(
            "Predicted vote: none (settings of project.config changed by --min-severity,"
                + " --exclude; as if every line were changed): no file to review: the bot posts"
                + " nothing.");
    // --include replaces the settings' include; the exclude of the settings still applies.
    CliRun included = scan("--config", "project.config", "--include", "**/*.py");
    assertThat(included.out()).doesNotContain("g.py");
    assertThat(included.lastLine()).contains("changed by --include;");
  }

  // ------------------------------------------------------------ errors and warnings

  @Test
  void badSyntax_isAnErrorNamingFileAndLine_nothingIsScanned() throws Exception {
    write("project.config", "[plugin \"security-review\"]\n  voteSeverity = high\n  vote_x = 1\n");
    write("a.py", "danger()\n");
    CliRun r = scan("--config", "project.config");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "security-review: project.config:3: '_' cannot be part of a setting's name (after"
                + " 'vote'): a name has only letters, digits and '-'\n");
  }

  @Test
  void invalidValues_areErrorsNamingFileAndLine() throws Exception {
    write(
        "project.config",
        """
        [plugin "security-review"]
          voteSeverity = severe
          enabled = perhaps
          voteOnClean = +one
          voteConfidence
        """);
    CliRun r = scan("--config", "project.config");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "security-review: project.config:2: voteSeverity = severe: expected low, medium or high"
                + " (the plugin would log a warning and use medium)\n"
                + "security-review: project.config:3: enabled = perhaps: expected true or false"
                + " (the plugin would log a warning and use true)\n"
                + "security-review: project.config:4: voteOnClean = +one: expected a label value"
                + " such as -1 or +1 (the plugin would log a warning and use 1)\n"
                + "security-review: project.config:5: voteConfidence has no value: expected low,"
                + " medium or high (the plugin would log a warning and use medium)\n");
  }

  @Test
  void unreadableConfig_isAnError() throws Exception {
    CliRun r = scan("--config", "nope.config");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("security-review: cannot read --config nope.config: no such file\n");
    assertThat(scan("--config").err()).contains("--config needs a value");
  }

  @Test
  void whatThePluginWouldIgnore_isAWarning() throws Exception {
    write(
        "project.config",
        """
        [plugin "Security-Review"]
          voteSeverity = high
        [plugin.security-review]
          voteSeverity = high
        [plugin "security-review"]
          voteSeverty = high
          disabledRule = TST100, NOPE1
          account = bot
        """);
    write("other.config", "[project]\n  description = x\n");
    write("a.py", "danger()\n");
    CliRun r = scan("--config", "project.config", "--config", "other.config");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err().lines().toList())
        .containsExactly(
            "security-review: warning: project.config:1: [plugin \"Security-Review\"] is not the"
                + " plugin's section: the name in quotes is case-sensitive; write [plugin"
                + " \"security-review\"]",
            "security-review: warning: project.config:3: [plugin.security-review] is not the"
                + " plugin's section for Gerrit; write [plugin \"security-review\"]",
            "security-review: warning: project.config:6: the plugin has no option 'voteSeverty':"
                + " did you mean voteSeverity?",
            "security-review: warning: project.config:8: the plugin has no option 'account': it"
                + " ignores it (options: "
                + String.join(", ", ProjectSettings.OPTIONS)
                + ")",
            "security-review: warning: other.config has no [plugin \"security-review\"] section:"
                + " it changes none of the plugin's settings",
            "security-review: warning: project.config:7: disabledRule: no rule has the id NOPE1")
        .inOrder();
  }

  /**
   * The settings the CLI reads from a file are those the plugin reads from the same file through
   * JGit and Gerrit's {@code PluginConfig}, and a value the plugin would reject is an error here.
   */
  @Test
  void theSettingsAreThoseThePluginReads() throws Exception {
    List<String> sections =
        List.of(
            "",
            "  enabled\n  reviewWip = off\n  replyWhenFixed = YES\n",
            "  enabled =\n  exclude =\n  include = \n  label =\n",
            "  include = a/**, ,b/*.py\n  include = \"c d/**\"\n  exclude = **/tests/**\n",
            "  disabledRule = OVN502 B101,S101\n"
                + "  DisabledRule = PY101\n"
                + "  enabledRule = \"X1  X2\"\n",
            "  voteSeverity = LOW\n  voteConfidence = high\n  commentConfidence = Medium\n",
            "  voteOnFindings = -2\n  voteOnClean = +2\n  label = \" Security \"\n",
            "  voteSeverity = low\n  voteSeverity = high\n",
            "  voteSeverity = severe\n  enabled = maybe\n  voteOnClean = x\n  reviewWip\n");
    for (String body : sections) {
      String text =
          "[label \"Security-Review\"]\n  value = 0 x\n[plugin \"security-review\"]\n" + body;
      write("project.config", text);

      List<String> pluginInvalid = new ArrayList<>();
      PluginConfig cfg = pluginConfig(text);
      ProjectSettings plugin =
          ProjectSettings.read(
              name -> Arrays.asList(cfg.getStringList(name)),
              ProjectSettings.DEFAULT_LABEL,
              (option, value, used) -> pluginInvalid.add(option));
      CliRun r = scan("--config", "project.config", "--list-rules");
      if (!pluginInvalid.isEmpty()) {
        assertWithMessage(body).that(r.status()).isEqualTo(2);
        for (String option : pluginInvalid) {
          assertWithMessage(body).that(r.err()).contains(": " + option + " ");
        }
        continue;
      }
      assertWithMessage(body).that(r.status()).isEqualTo(0);
      BotSettings cli = BotSettings.load(tmp, List.of("project.config"), TestRules.all());
      assertWithMessage(body).that(shown(cli.settings())).isEqualTo(shown(plugin));
    }
  }

  /** The plugin's view of a project.config: its section copied as Gerrit's ProjectConfig does. */
  private static PluginConfig pluginConfig(String text) throws Exception {
    Config rc = new Config();
    rc.fromText(text);
    Config section = new Config();
    for (String name : rc.getNames("plugin", "security-review")) {
      section.setStringList(
          "plugin",
          "security-review",
          name,
          Arrays.asList(rc.getStringList("plugin", "security-review", name)));
    }
    return PluginConfig.create("security-review", section, null);
  }

  /** Settings as text: globs compare by what they say, not by their compiled patterns. */
  private static String shown(ProjectSettings s) {
    return s.toString()
        + " include="
        + s.include().stream().map(PathGlob::glob).toList()
        + " exclude="
        + s.exclude().stream().map(PathGlob::glob).toList()
        + " disabled="
        + new java.util.TreeSet<>(s.disabledRules())
        + " enabled="
        + new java.util.TreeSet<>(s.enabledRules());
  }

  // ------------------------------------------------------------ --diff, JSON and SARIF

  @Test
  void diff_predictsTheVoteOnTheChange() throws Exception {
    Path repo = tmp.resolve("repo");
    CliRun.write(repo, "mod.py", "danger()\nx = 1\n");
    CliRun.write(repo, "README", "text\n");
    ScanTesting.git(repo, "init", "-q");
    ScanTesting.git(repo, "add", ".");
    ScanTesting.git(repo, "commit", "-q", "-m", "base");

    CliRun.write(repo, "mod.py", "danger()\nx = 2\n");
    CliRun clean = CliRun.in(repo, TestRules.all(), "scan", "--diff", "HEAD");
    assertThat(clean.lastLine())
        .isEqualTo(
            "Predicted vote: Security-Review +1 (a fresh site's settings; the changed lines):"
                + " every changed file was checked; nothing reaches the vote threshold.");

    CliRun.write(repo, "mod.py", "danger()\nx = 2\nrisky()\n");
    assertThat(CliRun.in(repo, TestRules.all(), "scan", "--diff", "HEAD").lastLine())
        .startsWith(
            "Predicted vote: Security-Review -1 (a fresh site's settings; the changed lines): 1"
                + " finding");

    CliRun.write(repo, "mod.py", "danger()\nx = 1\n");
    CliRun.write(repo, "README", "more text\n");
    assertThat(CliRun.in(repo, TestRules.all(), "scan", "--diff", "HEAD").lastLine())
        .endsWith("the changed lines): no file to review: the bot posts nothing.");
  }

  @Test
  void json_hasTheVote_andWhichFindingsBlock() throws Exception {
    write("project.config", "[plugin \"security-review\"]\n  voteConfidence = high\n");
    write("a.py", "danger()\nrisky()\n");
    JsonObject doc =
        JsonParser.parseString(
                scan("--config", "project.config", "--format", "json", "--disable", "TST102").out())
            .getAsJsonObject();
    JsonArray findings = doc.getAsJsonArray("findings");
    // TST100 is medium/high: blocks; TST101 is high/medium: under voteConfidence = high.
    assertThat(findings.get(0).getAsJsonObject().get("blocking").getAsBoolean()).isTrue();
    assertThat(findings.get(1).getAsJsonObject().get("blocking").getAsBoolean()).isFalse();
    JsonObject vote = doc.getAsJsonObject("vote");
    assertThat(vote.get("label").getAsString()).isEqualTo("Security-Review");
    assertThat(vote.get("value").getAsInt()).isEqualTo(-1);
    assertThat(vote.get("blockingFindings").getAsInt()).isEqualTo(1);
    assertThat(vote.get("reason").getAsString()).startsWith("1 finding reaches the vote threshold");
    assertThat(vote.getAsJsonArray("settings").get(0).getAsString()).isEqualTo("project.config");
    assertThat(vote.getAsJsonArray("changedBy").get(0).getAsString()).isEqualTo("--disable");
    assertThat(vote.get("everyLineChanged").getAsBoolean()).isTrue();

    write("c.py", "x = 1\n");
    JsonObject none =
        JsonParser.parseString(scan("--format", "json", "--include", "*.txt").out())
            .getAsJsonObject()
            .getAsJsonObject("vote");
    assertThat(none.get("value").isJsonNull()).isTrue();
    assertThat(none.get("reason").getAsString()).startsWith("no file to review");
  }

  @Test
  void sarif_hasTheVoteInTheRunsProperties() throws Exception {
    write("a.py", "danger()\n");
    JsonObject run =
        JsonParser.parseString(scan("--format", "sarif").out())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    JsonObject vote = run.getAsJsonObject("properties").getAsJsonObject("vote");
    assertThat(vote.get("value").getAsInt()).isEqualTo(-1);
    assertThat(vote.get("label").getAsString()).isEqualTo("Security-Review");
    ScanCommandTest.checkSarif(
        JsonParser.parseString(scan("--format", "sarif").out()).getAsJsonObject());
  }
}
