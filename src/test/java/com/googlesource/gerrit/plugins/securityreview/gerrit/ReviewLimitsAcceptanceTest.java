package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestMetricMaker;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.config.GerritConfig;
import com.google.gerrit.entities.Account;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.api.changes.ReviewInput.CommentInput;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.testing.ConfigSuite;
import com.google.inject.Inject;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.junit.Before;
import org.junit.Test;

/**
 * Gerrit's limits on comments, on a real in-process Gerrit: a review that would break them still
 * posts its vote and its findings; the findings view answers from what the review computed.
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class ReviewLimitsAcceptanceTest extends ReviewAcceptanceTestBase {
  private static final int MAX_FILE_SIZE = 400_000;
  private static final String METRICS = "plugins/security-review/";
  private static final String DIR = "neutron/plugins/ml2/drivers/ovn/mech_driver/ovsdb/extensions/";

  /** A secret logged through a 20,000-character expression (OVN501, high: blocks). */
  static final String HUGE_SECRET =
      "import logging\n\nLOG = logging.getLogger(__name__)\n\n\ndef connect(make_creds):\n"
          + "    LOG.warning('Connecting with %s', make_creds('"
          + "a".repeat(20_000)
          + "').password)\n";

  @ConfigSuite.Default
  public static Config config() {
    // The other acceptance test's server, with the default cap on comments and larger files.
    Config cfg = SecurityReviewAcceptanceTest.config();
    cfg.unset("plugin", "security-review", "maxComments");
    cfg.setLong("plugin", "security-review", "maxFileSize", MAX_FILE_SIZE);
    return cfg;
  }

  @Inject private TestMetricMaker metrics;

  @Before
  public void resetMetrics() {
    metrics.reset();
  }

  // ------------------------------------------------------------------ the review

  @Test
  public void aThousandFilesWithFourHundredSkippedOrBrokenAndAHugeQuoteArePosted()
      throws Exception {
    // 180 binary, 20 too large, 200 with a syntax error, 599 clean or with an unchecked
    // transaction (20 of them), and the secret.
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < 999; i++) {
      String content;
      if (i % 5 == 0) {
        content = i % 50 == 0 ? "x = 1\n".repeat(MAX_FILE_SIZE / 6 + 1) : "abc\0def\n";
      } else if (i % 5 == 1) {
        content = "def broken(:\n    pass\n";
      } else {
        content = i % 50 == 3 ? SecurityReviewAcceptanceTest.UNCHECKED_TXN : "x = " + i + "\n";
      }
      files.put(String.format("%sfile_%04d.py", DIR, i), content);
    }
    files.put(DIR + "creds.py", HUGE_SECRET);
    PushOneCommit.Result r = push("A thousand files", files);
    awaitIdle();

    ChangeMessageInfo m = botMessage(r.getChangeId());
    assertThat(m.message.length()).isAtMost(CommentLimits.DEFAULT_SIZE_LIMIT + 100);
    assertThat(m.message).contains("Syntax errors in 200 files (checked as far as they parse)");
    assertThat(m.message)
        .contains("* and 190 more files (larger than 400000 bytes: 19, binary: 171)");
    assertThat(vote(r.getChangeId())).isEqualTo(-1);

    Map<String, List<CommentInfo>> comments = gApi.changes().id(r.getChangeId()).comments();
    // The findings that block come first: the 20 unchecked transactions and the secret.
    assertThat(comments.keySet()).contains(DIR + "creds.py");
    assertThat(comments.keySet()).contains(DIR + "file_0003.py");
    assertThat(comments.keySet()).contains(DIR + "file_0953.py");
    CommentInfo secret = comments.get(DIR + "creds.py").get(0);
    assertThat(secret.message).startsWith("OVN501 ");
    assertThat(secret.message.length()).isLessThan(2_000);
    assertThat(secret.message).contains(Shortening.ELLIPSIS);
    assertThat(secret.message).contains("').password` in clear text.");
    assertThat(comments.values().stream().mapToInt(List::size).sum())
        .isEqualTo(ServerSettings.defaults().maxComments());

    assertThat(metrics.getCount(METRICS + "comments/posted", "OVN301")).isEqualTo(20);
    assertThat(metrics.getCount(METRICS + "comments/posted", "OVN501")).isEqualTo(1);
    assertThat(metrics.getTimer(METRICS + "analysis/latency")).isGreaterThan(0);
    assertThat(metrics.getTimer(METRICS + "review/upload_to_review_latency")).isGreaterThan(0);
  }

  // ------------------------------------------------------------------ the findings view

  @Test
  public void findingsViewAnswersFromTheReviewAndComputesAMissOnce() throws Exception {
    StringBuilder many = new StringBuilder("import subprocess\n\n\ndef run(arg):\n");
    for (int i = 0; i < 5_000; i++) {
      many.append("    cmd").append(i).append(" = 'ls ' + arg\n");
      many.append("    subprocess.call(cmd").append(i).append(", shell=True)\n");
    }
    PushOneCommit.Result r =
        push("Five thousand findings", Map.of("tools/run.py", many.toString()));
    awaitIdle();
    String url = "/changes/" + r.getChangeId() + "/revisions/current/security-review~findings";

    long start = System.nanoTime();
    RestResponse cached = userRestSession.get(url);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    cached.assertOK();
    assertThat(cached.getEntityContent()).contains("\"fingerprint\"");
    assertThat(took).isLessThan(FindingsQueue.WAIT);
    assertThat(answers("cached")).isEqualTo(1);
    assertThat(answers("computed") + answers("pending")).isEqualTo(0);

    // Other settings: a miss, analysed on the plugin's queue (202 until done), then cached.
    setPluginConfig(project, "voteSeverity", "high");
    RestResponse computed = userRestSession.get(url);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (computed.getStatusCode() == 202 && System.nanoTime() < deadline) {
      assertThat(computed.getEntityContent()).contains("\"status\":\"PENDING\"");
      Thread.sleep(200);
      computed = userRestSession.get(url);
    }
    computed.assertOK();
    assertThat(answers("computed") + answers("cached")).isEqualTo(2);
    long analysed = answers("computed");
    userRestSession.get(url).assertOK();
    assertThat(answers("computed")).isEqualTo(analysed);
    assertThat(answers("cached")).isEqualTo(3 - analysed);
  }

  @Test
  public void anonymousUsersSeeFindingsExactlyWhereTheyMayReadTheChange() throws Exception {
    PushOneCommit.Result r =
        push("Add client", Map.of("ovn/client.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN));
    awaitIdle();
    String url = "/changes/" + r.getChangeId() + "/revisions/current/security-review~findings";
    RestResponse open = anonymousRestSession.get(url);
    open.assertOK();
    assertThat(open.getEntityContent()).contains("\"rule_id\":\"OVN301\"");

    blockAnonymousRead();
    anonymousRestSession.get(url).assertNotFound();
    userRestSession.get(url).assertOK();
  }

  @Test
  public void findingsOfADisabledProjectAreNotComputed() throws Exception {
    PushOneCommit.Result r =
        push("Add client", Map.of("ovn/client.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN));
    awaitIdle();
    setPluginConfig(project, "enabled", "false");
    RestResponse resp =
        userRestSession.get(
            "/changes/" + r.getChangeId() + "/revisions/current/security-review~findings");
    resp.assertConflict();
    assertThat(resp.getEntityContent()).contains("disabled for project");
  }

  // ------------------------------------------------------------------ Gerrit's count limits

  @Test
  @GerritConfig(name = "change.maxComments", value = "20")
  @GerritConfig(name = "change.maxCommentsPerUser", value = "8")
  public void commentsStopAtGerritsLimitsPerUserAndPerChange() throws Exception {
    // Fresh change: the bot may add 8 comments and messages, its own message among them.
    PushOneCommit.Result a = push("Fifteen", Map.of("ovn/a.py", unchecked(15)));
    awaitIdle();
    assertThat(gApi.changes().id(a.getChangeId()).comments().get("ovn/a.py")).hasSize(7);
    assertThat(botMessage(a.getChangeId()).message)
        .contains(
            "8 more new findings not posted as comments (Gerrit allows 8 comments and messages per"
                + " user and change (change.maxCommentsPerUser), and the bot has 0).");

    // A change that already has 14 comments and messages: 5 comments and the message fill it.
    setPluginConfig(project, "reviewWip", "false");
    PushOneCommit.Result b = push("Fifteen more", Map.of("ovn/b.py", unchecked(15)), "%wip");
    awaitIdle();
    ReviewInput human = new ReviewInput();
    human.message = "Some remarks";
    List<CommentInput> remarks = new ArrayList<>();
    for (int line = 1; line <= 12; line++) {
      CommentInput c = new CommentInput();
      c.line = line;
      c.message = "Remark " + line;
      remarks.add(c);
    }
    human.comments = Map.of("ovn/b.py", remarks);
    gApi.changes().id(b.getChangeId()).current().review(human);
    Reviewer reviewer = plugin.getSysInjector().getInstance(Reviewer.class);
    int number = b.getChange().getId().get();
    assertThat(reviewer.run(new ReviewRequest(project, number, 1, null, true)).status())
        .isEqualTo(Status.POSTED);
    assertThat(commentsBy(b.getChangeId(), bot)).isEqualTo(5);
    assertThat(botMessage(b.getChangeId()).message)
        .contains(
            "10 more new findings not posted as comments (Gerrit allows 20 comments and messages"
                + " per change (change.maxComments), and the change has 14).");
    assertThat(vote(b.getChangeId())).isEqualTo(-1);
  }

  @Test
  @GerritConfig(name = "change.cumulativeCommentSizeLimit", value = "6000")
  public void aReviewGerritRefusesAnywayIsPostedAsTheVoteWithAShortSummary() throws Exception {
    PushOneCommit.Result r = push("Fifteen", Map.of("ovn/a.py", unchecked(15)));
    awaitIdle();
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
    String m = botMessage(r.getChangeId()).message;
    assertThat(m).contains("15 findings on changed lines in 1 file (0 high, 15 medium, 0 low).");
    assertThat(m).contains("Gerrit refused the full review (");
    assertThat(m).contains("cumulative size of comments");
    assertThat(gApi.changes().id(r.getChangeId()).comments()).isEmpty();
    assertThat(gApi.changes().id(r.getChangeId()).draftsAsList()).isEmpty();
    assertThat(metrics.getCount(METRICS + "reviews/shortened")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  /** A module with {@code n} unchecked transactions (OVN301, medium: blocks), one per method. */
  private static String unchecked(int n) {
    StringBuilder b = new StringBuilder("class Client:\n");
    for (int i = 0; i < n; i++) {
      b.append("    def delete_").append(i).append("(self, pg):\n");
      b.append("        with self._nb_idl.transaction(check_error=False) as txn:\n");
      b.append("            txn.add(self._nb_idl.pg_del(pg))\n");
    }
    return b.toString();
  }

  private long answers(String answer) {
    return metrics.getCount(METRICS + "findings/requests", answer);
  }

  private PushOneCommit.Result push(String subject, Map<String, String> files) throws Exception {
    return push(subject, files, "");
  }

  private PushOneCommit.Result push(String subject, Map<String, String> files, String options)
      throws Exception {
    PushOneCommit.Result r =
        pushFactory
            .create(admin.newIdent(), testRepo, subject, files)
            .to("refs/for/master" + options);
    r.assertOkStatus();
    return r;
  }

  private ChangeMessageInfo botMessage(String changeId) throws Exception {
    List<ChangeMessageInfo> mine = botMessages(changeId);
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  private long commentsBy(String changeId, Account.Id author) throws Exception {
    return gApi.changes().id(changeId).comments().values().stream()
        .flatMap(List::stream)
        .filter(c -> c.author._accountId == author.get())
        .count();
  }
}
