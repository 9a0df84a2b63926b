package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.gerrit.acceptance.testsuite.project.TestProjectUpdate.allowLabel;
import static com.google.gerrit.server.group.SystemGroupBackend.REGISTERED_USERS;

import com.google.common.collect.ImmutableMap;
import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestMetricMaker;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.WaitUtil;
import com.google.gerrit.acceptance.testsuite.request.RequestScopeOperations;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.api.changes.ReviewInput.CommentInput;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.extensions.common.LabelDefinitionInput;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.gerrit.testing.ConfigSuite;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.junit.Before;
import org.junit.Test;

/**
 * Core reviewers overrule the bot: a finding dismissed through REST or a reply on the bot's thread
 * no longer counts for the vote, on this patch set and the later ones, across a plugin restart, and
 * is counted per rule and reason; someone who may not dismiss is told so and nothing changes.
 */
@TestPlugin(
    name = "security-review",
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class DismissalAcceptanceTest extends ReviewAcceptanceTestBase {
  private static final String METRICS = "plugins/" + PLUGIN + "/";

  /** An OVN301 finding on line 3 that blocks: the bot votes -1. */
  private static final String UNCHECKED_TXN = SecurityReviewAcceptanceTest.UNCHECKED_TXN;

  @Inject private TestMetricMaker metrics;
  @Inject private RequestScopeOperations scope;

  @ConfigSuite.Default
  public static Config config() {
    return botConfig();
  }

  private PushOneCommit.Result change;
  private String fingerprint;

  @Before
  public void uploadAFinding() throws Exception {
    change = upload(testRepo, "Add client", Map.of("ovn/client.py", UNCHECKED_TXN));
    awaitIdle();
    assertThat(vote(change.getChangeId())).isEqualTo(-1);
    JsonObject finding = findings(change.getChangeId()).get(0);
    assertThat(finding.get("rule_id").getAsString()).isEqualTo("OVN301");
    fingerprint = finding.get("fingerprint").getAsString();
  }

  @Test
  public void coreReviewerDismissesAFalsePositiveAndTheVoteTurns() throws Exception {
    long counted = metrics.getCount(METRICS + "feedback/dismissed", "OVN301", "false_positive");

    RestResponse r =
        adminRestSession.post(
            dismissUrl(),
            Map.of(
                "fingerprint",
                fingerprint,
                "reason",
                "false_positive",
                "message",
                "the caller checks the result"));
    r.assertOK();

    assertThat(vote(change.getChangeId())).isEqualTo(1);
    ChangeMessageInfo m = botMessages(change.getChangeId()).getLast();
    assertThat(m.tag).isEqualTo(Dismissals.TAG);
    assertThat(m.message)
        .contains(
            "Security-Review +1: "
                + admin.fullName()
                + " dismissed OVN301 in ovn/client.py as a false positive: the caller checks the"
                + " result");
    JsonObject finding = findings(change.getChangeId()).get(0);
    assertThat(finding.getAsJsonObject("dismissal").get("reason").getAsString())
        .isEqualTo("false_positive");
    assertThat(metrics.getCount(METRICS + "feedback/dismissed", "OVN301", "false_positive"))
        .isEqualTo(counted + 1);
    JsonObject feedback = feedback();
    assertThat(
            feedback
                .getAsJsonObject("OVN301")
                .getAsJsonObject("dismissed")
                .get("false_positive")
                .getAsInt())
        .isAtLeast(1);

    // Dismissing it again changes nothing.
    int messages = botMessages(change.getChangeId()).size();
    RestResponse again =
        adminRestSession.post(
            dismissUrl(), Map.of("fingerprint", fingerprint, "reason", "wont_fix"));
    again.assertOK();
    assertThat(again.getEntityContent()).contains("\"already_dismissed\":true");
    assertThat(botMessages(change.getChangeId())).hasSize(messages);
  }

  @Test
  public void userWhoMayNotVoteTheMaximumIsRefusedAndNothingChanges() throws Exception {
    int messages = botMessages(change.getChangeId()).size();

    RestResponse r =
        userRestSession.post(
            dismissUrl(), Map.of("fingerprint", fingerprint, "reason", "false_positive"));

    r.assertForbidden();
    assertThat(r.getEntityContent())
        .contains("only users who may vote Code-Review+2 on this change may dismiss its findings");
    assertThat(vote(change.getChangeId())).isEqualTo(-1);
    assertThat(botMessages(change.getChangeId())).hasSize(messages);
    assertThat(findings(change.getChangeId()).get(0).has("dismissal")).isFalse();
  }

  @Test
  public void dismissLabelChoosesWhoMayDismiss() throws Exception {
    // Registered users may vote Code-Review+1 (All-Projects' default), which is that label's top.
    defineVerifiedLabel();
    setPluginConfig(project, "dismissLabel", "Verified");
    scope.setApiUser(user.id());

    RestResponse r =
        userRestSession.post(
            dismissUrl(), Map.of("fingerprint", fingerprint, "reason", "used_in_tests"));

    r.assertOK();
    assertThat(vote(change.getChangeId())).isEqualTo(1);
  }

  @Test
  public void badRequestsAreRefusedWithAReason() throws Exception {
    RestResponse noReason = adminRestSession.post(dismissUrl(), Map.of("fingerprint", fingerprint));
    noReason.assertBadRequest();
    assertThat(noReason.getEntityContent())
        .contains("reason must be one of false_positive, wont_fix, used_in_tests");

    RestResponse unknown =
        adminRestSession.post(
            dismissUrl(), Map.of("fingerprint", "0123456789abcdef", "reason", "false_positive"));
    assertThat(unknown.getStatusCode()).isEqualTo(422);
    assertThat(unknown.getEntityContent())
        .contains("patch set 1 has no finding with fingerprint 0123456789abcdef");
    assertThat(vote(change.getChangeId())).isEqualTo(-1);
  }

  @Test
  public void dismissalIsRememberedOnLaterPatchSetsAndAcrossARestart() throws Exception {
    adminRestSession
        .post(dismissUrl(), Map.of("fingerprint", fingerprint, "reason", "wont_fix"))
        .assertOK();

    tearDownTestPlugin();
    setUpTestPlugin();

    // The same finding, moved down two lines, plus a clean function.
    PushOneCommit.Result ps2 =
        amend(
            testRepo,
            change,
            Map.of("ovn/client.py", "import os\n\n" + UNCHECKED_TXN + "\n\ndef f():\n    pass\n"));
    awaitIdle();
    assertThat(reviewsPerPatchSet(ps2.getChangeId())).containsEntry(2, 1L);
    assertThat(vote(ps2.getChangeId())).isEqualTo(1);
    String summary =
        botMessages(ps2.getChangeId()).stream()
            .filter(m -> m._revisionNumber == 2 && ReviewBuilder.TAG.equals(m.tag))
            .findFirst()
            .orElseThrow()
            .message;
    assertThat(summary)
        .contains(
            "1 finding dismissed by a reviewer on this change is not commented and does not count"
                + " for the vote.");
    List<CommentInfo> botComments =
        gApi.changes().id(ps2.getChangeId()).commentsAsList().stream()
            .filter(c -> c.author._accountId == bot.get())
            .toList();
    assertThat(botComments).hasSize(1);
    assertThat(botComments.get(0).patchSet).isEqualTo(1);
    JsonObject feedback = feedback();
    assertThat(
            feedback
                .getAsJsonObject("OVN301")
                .getAsJsonObject("dismissed")
                .get("wont_fix")
                .getAsInt())
        .isAtLeast(1);
  }

  @Test
  public void dismissalRecordedWhileAReviewIsUnderWayCountsInThatReview() throws Exception {
    // The analysis runs before the dismissal and the post after, as when a reviewer dismisses on
    // another server while this one reviews the patch set again.
    ReviewRequest req = new ReviewRequest(project, change.getChange().getId().get(), 1, null, true);
    ReviewPreconditions.Reviewing reviewing =
        plugin.getSysInjector().getInstance(ReviewPreconditions.class).reviewer(req).value();
    Analysis analysis = reviewer().analyze(project, change.getCommit().name());
    assertThat(analysis.vote()).isEqualTo(-1);
    adminRestSession
        .post(dismissUrl(), Map.of("fingerprint", fingerprint, "reason", "false_positive"))
        .assertOK();

    Reviewer.Outcome posted;
    try (ManualRequestContext ctx =
        plugin.getSysInjector().getInstance(OneOffRequestContext.class).openAs(bot)) {
      ChangeInfo info =
          gApi.changes()
              .id(change.getChangeId())
              .get(ListChangesOption.ALL_REVISIONS, ListChangesOption.MESSAGES);
      CarryOver.Earlier earlier =
          plugin.getSysInjector().getInstance(CarryOver.class).earlier(req, reviewing, info);
      posted =
          plugin
              .getSysInjector()
              .getInstance(ReviewPoster.class)
              .post(req, reviewing, change.getCommit().name(), analysis, earlier);
    }

    assertThat(posted.status()).isEqualTo(Reviewer.Status.POSTED);
    assertThat(posted.vote()).isEqualTo(1);
    assertThat(vote(change.getChangeId())).isEqualTo(1);
    assertThat(botMessages(change.getChangeId()).getLast().message)
        .contains("1 finding dismissed by a reviewer on this change is not commented");
  }

  @Test
  public void replyOnTheBotsThreadDismisses() throws Exception {
    CommentInfo botComment = botComment();

    String reply = "Dismiss as false positive: transactions here never fail";
    reply(botComment, reply);

    assertThat(vote(change.getChangeId())).isEqualTo(1);
    CommentInfo answer = answerTo(reply);
    assertThat(answer.author._accountId).isEqualTo(bot.get());
    assertThat(answer.message).startsWith("Dismissed as a false positive");
    assertThat(answer.unresolved).isFalse();
  }

  @Test
  public void replyOfSomeoneNotAllowedIsAnsweredAndChangesNothing() throws Exception {
    CommentInfo botComment = botComment();
    scope.setApiUser(user.id());

    String reply = "dismiss: won't fix";
    reply(botComment, reply);

    assertThat(vote(change.getChangeId())).isEqualTo(-1);
    CommentInfo answer = answerTo(reply);
    assertThat(answer.author._accountId).isEqualTo(bot.get());
    assertThat(answer.message)
        .isEqualTo(
            "Not dismissed: only users who may vote Code-Review+2 on this change may dismiss its"
                + " findings.");
  }

  @Test
  public void usefulIsCountedOncePerReviewerAndFinding() throws Exception {
    long counted = metrics.getCount(METRICS + "feedback/useful", "OVN301");
    int stored = usefulCount();

    RestResponse r = userRestSession.post(usefulUrl(), Map.of("fingerprint", fingerprint));

    r.assertOK();
    assertThat(r.getEntityContent()).doesNotContain("already_marked");
    assertThat(metrics.getCount(METRICS + "feedback/useful", "OVN301")).isEqualTo(counted + 1);
    assertThat(usefulCount()).isEqualTo(stored + 1);
    assertThat(vote(change.getChangeId())).isEqualTo(-1);

    // Pressing it again counts nothing; another reviewer counts.
    RestResponse again = userRestSession.post(usefulUrl(), Map.of("fingerprint", fingerprint));
    again.assertOK();
    assertThat(again.getEntityContent()).contains("\"already_marked\":true");
    assertThat(usefulCount()).isEqualTo(stored + 1);
    adminRestSession.post(usefulUrl(), Map.of("fingerprint", fingerprint)).assertOK();
    assertThat(usefulCount()).isEqualTo(stored + 2);
    assertThat(metrics.getCount(METRICS + "feedback/useful", "OVN301")).isEqualTo(counted + 2);

    // The marks go with the change once it closes, and a closed change takes no more.
    String marks = UsefulMarks.refName(change.getChange().getId().get());
    assertThat(allProjectsRef(marks)).isNotNull();
    gApi.changes().id(change.getChangeId()).abandon();
    WaitUtil.waitUntil(() -> allProjectsRef(marks) == null, Duration.ofSeconds(30));
    userRestSession.post(usefulUrl(), Map.of("fingerprint", fingerprint)).assertConflict();
    assertThat(usefulCount()).isEqualTo(stored + 2);
  }

  private int usefulCount() throws Exception {
    JsonObject rule = feedback().getAsJsonObject("OVN301");
    return rule == null ? 0 : rule.get("useful").getAsInt();
  }

  private ObjectId allProjectsRef(String name) {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      Ref ref = repo.exactRef(name);
      return ref == null ? null : ref.getObjectId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  public void feedbackIsForAdministratorsOnly() throws Exception {
    userRestSession.get("/config/server/" + PLUGIN + "~feedback").assertForbidden();
  }

  private String dismissUrl() {
    return "/changes/" + change.getChangeId() + "/revisions/current/" + PLUGIN + "~dismiss";
  }

  private String usefulUrl() {
    return "/changes/" + change.getChangeId() + "/revisions/current/" + PLUGIN + "~useful";
  }

  private List<JsonObject> findings(String changeId) throws Exception {
    RestResponse r =
        adminRestSession.get("/changes/" + changeId + "/revisions/current/" + PLUGIN + "~findings");
    r.assertOK();
    return JsonParser.parseReader(r.getReader())
        .getAsJsonObject()
        .getAsJsonArray("findings")
        .asList()
        .stream()
        .map(e -> e.getAsJsonObject())
        .toList();
  }

  private JsonObject feedback() throws Exception {
    RestResponse r = adminRestSession.get("/config/server/" + PLUGIN + "~feedback");
    r.assertOK();
    return JsonParser.parseReader(r.getReader()).getAsJsonObject();
  }

  private CommentInfo botComment() throws Exception {
    return gApi.changes().id(change.getChangeId()).commentsAsList().stream()
        .filter(c -> c.author._accountId == bot.get())
        .findFirst()
        .orElseThrow();
  }

  /** The comment that answers the one with {@code message}. */
  private CommentInfo answerTo(String message) throws Exception {
    List<CommentInfo> comments = gApi.changes().id(change.getChangeId()).commentsAsList();
    String id =
        comments.stream().filter(c -> message.equals(c.message)).findFirst().orElseThrow().id;
    return comments.stream()
        .filter(c -> id.equals(c.inReplyTo))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer to '" + message + "' in " + comments));
  }

  private void reply(CommentInfo to, String message) throws Exception {
    CommentInput c = new CommentInput();
    c.path = to.path;
    c.line = to.line;
    c.inReplyTo = to.id;
    c.message = message;
    ReviewInput in = new ReviewInput();
    in.comments = Map.of(to.path, List.of(c));
    gApi.changes().id(change.getChangeId()).revision(to.patchSet).review(in);
  }

  private void defineVerifiedLabel() throws Exception {
    LabelDefinitionInput in = new LabelDefinitionInput();
    in.values = ImmutableMap.of(" 0", "No score", "+1", "Verified");
    gApi.projects().name(project.get()).label("Verified").create(in);
    projectOperations
        .project(project)
        .forUpdate()
        .add(allowLabel("Verified").ref("refs/heads/*").group(REGISTERED_USERS).range(0, 1))
        .update();
  }
}
