package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.RestResponse;
import com.google.gerrit.acceptance.TestMetricMaker;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.UseSsh;
import com.google.gerrit.acceptance.WaitUtil;
import com.google.gerrit.acceptance.config.GerritConfig;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ApprovalInfo;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.server.extensions.events.GitReferenceUpdated;
import com.google.gerrit.server.git.WorkQueue;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.gerrit.testing.ConfigSuite;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.junit.Test;

/**
 * How reviews reach every patch set exactly once, on a real in-process Gerrit: a full queue, a
 * plugin restart, an inactive bot or a missing label or permission only delay a review (the sweep
 * queues it later), and reviewers racing on one patch set post one review (the claim decides).
 *
 * <p>One worker, room for one review, a sweep every second and a short claim lease.
 */
@UseSsh
@TestPlugin(
    name = ReviewAcceptanceTestBase.PLUGIN,
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module",
    sshModule = "com.googlesource.gerrit.plugins.securityreview.gerrit.SshModule")
public class ReviewDeliveryAcceptanceTest extends ReviewAcceptanceTestBase {
  static final Duration LEASE = Duration.ofSeconds(5);
  static final Duration REVIEWED_WITHIN = Duration.ofSeconds(60);
  static final Map<String, String> FINDING =
      Map.of("ovn/client.py", SecurityReviewAcceptanceTest.UNCHECKED_TXN);

  /** A clean file; uploads append their number, so that each is a change of its own. */
  static final String CLEAN = SecurityReviewAcceptanceTest.CLEAN + "# ";

  private static final String METRICS = "plugins/" + PLUGIN + "/";

  @Inject private TestMetricMaker metrics;

  @ConfigSuite.Default
  public static Config config() {
    Config cfg = deliveryConfig();
    cfg.setInt("plugin", PLUGIN, "threads", 1);
    cfg.setInt("plugin", PLUGIN, "queueSize", 1);
    cfg.setString("plugin", PLUGIN, "claimLease", LEASE.toSeconds() + " s");
    return cfg;
  }

  // ------------------------------------------------------------------ nothing is lost

  @Test
  public void fullQueueDefersAndTheSweepReviewsTheRest() throws Exception {
    List<PushOneCommit.Result> uploads;
    long sweeps = metrics.getCount(METRICS + "reconciler/sweeps");
    try (BusyWorker busy = new BusyWorker()) {
      long deferred = queue().deferred();
      long deferredMetric = metrics.getCount(METRICS + "reviews", "deferred", "queue_full");
      uploads = uploadCleanChanges(6);
      // Room for one: the other five were deferred, not queued.
      assertThat(queue().deferred() - deferred).isAtLeast(5);
      assertThat(metrics.getCount(METRICS + "reviews", "deferred", "queue_full") - deferredMetric)
          .isEqualTo(queue().deferred() - deferred);
    }
    assertEachReviewedOnce(uploads);
    assertThat(metrics.getCount(METRICS + "reconciler/sweeps")).isGreaterThan(sweeps);
    assertThat(metrics.getCount(METRICS + "reconciler/requeued")).isAtLeast(5);
  }

  @Test
  @GerritConfig(name = "plugin.security-review.queueSize", value = "5")
  public void reviewsQueuedWhenThePluginStopsAreReviewedAfterItStarts() throws Exception {
    List<PushOneCommit.Result> uploads;
    try (BusyWorker busy = new BusyWorker()) {
      uploads = uploadCleanChanges(5);
      assertThat(queue().pending()).isEqualTo(5);
      tearDownTestPlugin();
    }
    for (PushOneCommit.Result r : uploads) {
      assertThat(botMessages(r.getChangeId())).isEmpty();
    }
    setUpTestPlugin();
    assertEachReviewedOnce(uploads);
  }

  @Test
  public void uploadWhileTheBotIsInactiveIsReviewedOnceItIsActive() throws Exception {
    PushOneCommit.Result r;
    gApi.accounts().id(bot.get()).setActive(false);
    try {
      r = upload(testRepo, "Add client", FINDING);
      awaitIdle();
      assertThat(reviewer().run(request(project, r, 1)).status()).isEqualTo(Status.BOT_MISSING);
    } finally {
      gApi.accounts().id(bot.get()).setActive(true);
    }
    WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
  }

  @Test
  @GerritConfig(name = "plugin.security-review.provideLabel", value = "false")
  public void uploadHeldUpByAMissingLabelOrPermissionIsReviewedOnceFixed() throws Exception {
    Project.NameKey p = projectOperations.newProject().create();
    PushOneCommit.Result r = upload(cloneProject(p, admin), "Add client", FINDING);
    awaitIdle();
    ReviewRequest req = request(p, r, 1);
    assertThat(reviewer().run(req).status()).isEqualTo(Status.LABEL_MISSING);
    defineLabel(p);
    assertThat(reviewer().run(req).status()).isEqualTo(Status.NOT_PERMITTED);
    assertThat(botMessages(r.getChangeId())).isEmpty();
    grantVote(p);
    WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);
    assertThat(vote(r.getChangeId())).isEqualTo(-1);
  }

  // ------------------------------------------------------------------ nothing is doubled

  @Test
  public void reviewersRacingOnOnePatchSetPostOneReview() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        // Even rounds: two nodes race while the upload's own review waits for the busy worker.
        // Odd rounds: the upload's review races them too.
        BusyWorker busy = round % 2 == 0 ? new BusyWorker() : null;
        List<Status> outcomes;
        PushOneCommit.Result r;
        try {
          r = upload(testRepo, "Race " + round, FINDING);
          testRepo.reset("HEAD~1");
          outcomes = race(pool, request(project, r, 1), reviewerOn("node-a"), reviewerOn("node-b"));
        } finally {
          if (busy != null) {
            busy.close();
          }
        }
        awaitIdle();
        WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);

        String context = "round " + round + ", outcomes " + outcomes;
        if (busy != null) {
          assertWithMessage(context).that(outcomes).contains(Status.POSTED);
        }
        assertWithMessage(context)
            .that(outcomes.stream().filter(s -> s == Status.POSTED).count())
            .isAtMost(1);
        assertWithMessage(context).that(botMessages(r.getChangeId())).hasSize(1);
        assertWithMessage(context).that(botVotes(r.getChangeId())).hasSize(1);
        List<CommentInfo> comments =
            gApi.changes().id(r.getChangeId()).comments().get("ovn/client.py");
        assertWithMessage(context).that(comments).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void claimOfADeadNodeIsTakenOverAfterItsLease() throws Exception {
    setPluginEnabled(project, false);
    PushOneCommit.Result r = upload(testRepo, "Add client", FINDING);
    awaitIdle();
    ReviewRequest req = request(project, r, 1);
    ClaimStore deadNode = claimStoreOn("dead-node");
    ClaimStore.Held claim = deadNode.acquire(req, LEASE).held();
    assertThat(claim).isNotNull();
    setPluginEnabled(project, true);
    // The node renews its claim a last time, and dies before it posts.
    Instant claimed = Instant.now();
    assertThat(deadNode.renew(claim)).isTrue();

    long inProgress = metrics.getCount(METRICS + "reviews", "skipped", "in_progress");
    long takenOver = metrics.getCount(METRICS + "claims/taken_over");
    Outcome blocked = reviewer().run(req);
    assertThat(blocked.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(blocked.detail()).contains("claimed by dead-node");
    assertThat(metrics.getCount(METRICS + "reviews", "skipped", "in_progress"))
        .isEqualTo(inProgress + 1);

    // The sweep takes the review over once the lease ran out.
    WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);
    ChangeMessageInfo review = botMessages(r.getChangeId()).get(0);
    // Change messages keep whole seconds.
    assertThat(review.date.toInstant())
        .isAtLeast(claimed.plus(LEASE).truncatedTo(ChronoUnit.SECONDS));
    assertThat(botMessages(r.getChangeId())).hasSize(1);
    // The claim is marked done right after the review posts.
    WaitUtil.waitUntil(() -> claimDone(r, 1), REVIEWED_WITHIN);
    assertThat(metrics.getCount(METRICS + "claims/taken_over")).isEqualTo(takenOver + 1);
  }

  @Test
  public void reRunWhileAReviewIsInProgressIsRefused() throws Exception {
    PushOneCommit.Result r = upload(testRepo, "Add client", FINDING);
    WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);
    awaitIdle();
    // Another node starts a re-run and holds the claim.
    ClaimStore other = claimStoreOn("node-b");
    ClaimStore.Held held =
        other.acquire(new ReviewRequest(project, changeNumber(r), 1, null, true), LEASE).held();
    assertThat(held).isNotNull();

    String url = "/changes/" + r.getChangeId() + "/revisions/1/" + PLUGIN + "~run";
    RestResponse refused = adminRestSession.post(url);
    refused.assertConflict();
    assertThat(refused.getEntityContent()).contains("IN_PROGRESS");
    // Renewed as a live node would, however slow this machine is.
    assertThat(other.renew(held)).isTrue();
    adminSshSession.exec(PLUGIN + " scan " + changeNumber(r));
    adminSshSession.assertFailure("IN_PROGRESS");
    assertThat(botMessages(r.getChangeId())).hasSize(1);

    other.finish(held, true);
    adminRestSession.post(url).assertOK();
    assertThat(botMessages(r.getChangeId())).hasSize(2);
  }

  @Test
  public void claimsGoWhenTheChangeCloses() throws Exception {
    PushOneCommit.Result abandoned = upload(testRepo, "Abandoned", FINDING);
    testRepo.reset("HEAD~1");
    PushOneCommit.Result merged = upload(testRepo, "Merged", Map.of("ovn/ok.py", CLEAN));
    WaitUtil.waitUntil(
        () -> reviewed(abandoned.getChangeId(), 1) && reviewed(merged.getChangeId(), 1),
        REVIEWED_WITHIN);
    awaitIdle();
    assertThat(claimText(abandoned, 1)).contains("state done");
    assertThat(claimText(merged, 1)).contains("state done");

    gApi.changes().id(abandoned.getChangeId()).abandon();
    gApi.changes().id(merged.getChangeId()).current().review(ReviewInput.approve());
    gApi.changes().id(merged.getChangeId()).current().submit();
    WaitUtil.waitUntil(
        () -> claimRef(abandoned, 1) == null && claimRef(merged, 1) == null,
        Duration.ofSeconds(30));
  }

  // ------------------------------------------------------------------ helpers

  /** Uploads changes of one clean file each, side by side on the branch. */
  private List<PushOneCommit.Result> uploadCleanChanges(int count) throws Exception {
    List<PushOneCommit.Result> uploads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      uploads.add(upload(testRepo, "Upload " + i, Map.of("ovn/c" + i + ".py", CLEAN + i)));
      testRepo.reset("HEAD~1");
    }
    return uploads;
  }

  /** Waits until the bot reviewed each upload's patch set, then checks it did so once. */
  private void assertEachReviewedOnce(List<PushOneCommit.Result> uploads) throws Exception {
    for (PushOneCommit.Result r : uploads) {
      WaitUtil.waitUntil(() -> reviewed(r.getChangeId(), 1), REVIEWED_WITHIN);
    }
    awaitIdle();
    for (PushOneCommit.Result r : uploads) {
      assertThat(reviewsPerPatchSet(r.getChangeId())).containsExactly(1, 1L);
    }
  }

  /** Keeps the review queue's only worker busy until closed: what is queued meanwhile waits. */
  final class BusyWorker implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);

    BusyWorker() throws InterruptedException {
      CountDownLatch started = new CountDownLatch(1);
      plugin
          .getSysInjector()
          .getInstance(WorkQueue.class)
          .getExecutor(PLUGIN)
          .execute(
              () -> {
                started.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      assertThat(started.await(30, SECONDS)).isTrue();
    }

    @Override
    public void close() {
      release.countDown();
    }
  }

  /** Runs the reviewers on the request at the same instant; their outcomes. */
  private static List<Status> race(ExecutorService pool, ReviewRequest req, Reviewer... reviewers)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(reviewers.length);
    List<Future<Outcome>> runs = new ArrayList<>();
    for (Reviewer reviewer : reviewers) {
      runs.add(
          pool.submit(
              () -> {
                start.await(30, SECONDS);
                return reviewer.run(req);
              }));
    }
    List<Status> outcomes = new ArrayList<>();
    for (Future<Outcome> run : runs) {
      outcomes.add(run.get().status());
    }
    return outcomes;
  }

  /** A claim store as another node would have: same repository, its own name. */
  ClaimStore claimStoreOn(String node) {
    Injector i = plugin.getSysInjector();
    return new ClaimStore(
        repoManager,
        allProjects,
        i.getInstance(GitReferenceUpdated.class),
        PLUGIN,
        node,
        Clock.systemUTC());
  }

  /** A reviewer as another node would run: its own claims and its own in-process locks. */
  Reviewer reviewerOn(String node) {
    Injector i = plugin.getSysInjector();
    return new Reviewer(
        i.getInstance(Settings.class),
        i.getInstance(OneOffRequestContext.class),
        i.getInstance(ReviewPreconditions.class),
        i.getInstance(Analyzer.class),
        i.getInstance(CarryOver.class),
        i.getInstance(ReviewPoster.class),
        claimStoreOn(node),
        new ChangeLocks(),
        i.getInstance(ReviewMetrics.class));
  }

  private static int changeNumber(PushOneCommit.Result r) {
    return r.getChange().getId().get();
  }

  private Ref claimRef(PushOneCommit.Result r, int patchSet) {
    try (Repository repo = repoManager.openRepository(allProjects)) {
      return repo.exactRef(ClaimStore.refName(changeNumber(r), patchSet));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean claimDone(PushOneCommit.Result r, int patchSet) {
    try {
      return claimText(r, patchSet).contains("state done");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String claimText(PushOneCommit.Result r, int patchSet) throws Exception {
    Ref ref = claimRef(r, patchSet);
    assertWithMessage("claim of %s,%s", changeNumber(r), patchSet).that(ref).isNotNull();
    try (Repository repo = repoManager.openRepository(allProjects)) {
      return new String(repo.open(ref.getObjectId()).getBytes(), UTF_8);
    }
  }

  private List<ApprovalInfo> botVotes(String changeId) throws Exception {
    List<ApprovalInfo> all =
        gApi.changes().id(changeId).get(ListChangesOption.DETAILED_LABELS).labels.get(LABEL).all;
    return all == null
        ? List.of()
        : all.stream()
            .filter(a -> a._accountId == bot.get() && a.value != null && a.value != 0)
            .toList();
  }
}
