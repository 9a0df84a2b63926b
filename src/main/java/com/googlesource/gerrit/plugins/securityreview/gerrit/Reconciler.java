package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.google.common.collect.Iterables;
import com.google.common.flogger.FluentLogger;
import com.google.common.util.concurrent.RateLimiter;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.Change;
import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.client.ListChangesOption;
import com.google.gerrit.extensions.common.ChangeInfo;
import com.google.gerrit.extensions.common.FileInfo;
import com.google.gerrit.extensions.common.RevisionInfo;
import com.google.gerrit.extensions.events.LifecycleListener;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.server.config.GerritIsReplica;
import com.google.gerrit.server.git.WorkQueue;
import com.google.gerrit.server.query.change.ChangeData;
import com.google.gerrit.server.query.change.InternalChangeQuery;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.PatchSet;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Reviewing;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * Makes the changes the record of what still needs a review, so that no queue of ours has to
 * survive anything. At start-up and then every {@code sweepInterval}, a sweep looks at the open
 * changes updated within {@code sweepWindow}, and queues those whose current patch set is in scope
 * (project enabled, work in progress reviewed or not, a file the globs admit), has no review by the
 * bot and no claim, and may be voted on by the bot. A review that a restart, a full queue, an
 * inactive bot or a missing label or permission held up thus follows once the cause is gone.
 *
 * <p>A sweep is gentle with a large site: it queues at most {@code sweepRate} reviews a minute,
 * only when a worker of the review queue is free (uploads never wait behind it), and stops after
 * one interval; what it did not reach, the next sweep finds.
 *
 * <p>The same threads renew the claims of running reviews and remove the claims of changes that
 * closed: at once for a change closed while the plugin runs ({@link ClaimCleanup}), at the first
 * sweep for those closed while it did not.
 */
@Singleton
public class Reconciler implements LifecycleListener {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  /** Changes read per query page. */
  private static final int PAGE = 100;

  /** Change numbers looked up at once when pruning claims. */
  private static final int LOOKUP_BATCH = 100;

  /** How long after the start the first sweep runs (at most one interval): the server is up. */
  private static final Duration FIRST_SWEEP = Duration.ofSeconds(30);

  /** An open change's current patch set, as the sweep's query lists it. */
  private record Candidate(ReviewRequest req, boolean wip, boolean merge) {}

  private final WorkQueue workQueue;
  private final Settings settings;
  private final ReviewPreconditions preconditions;
  private final ReviewQueue queue;
  private final ClaimStore claims;
  private final UsefulMarks usefulMarks;
  private final ReviewMetrics metrics;
  private final GerritApi gApi;
  private final OneOffRequestContext requestContext;
  private final Provider<InternalChangeQuery> changeQuery;
  private final boolean replica;
  private final String pluginName;
  private volatile ScheduledExecutorService executor;

  /** Whether a sweep removed the claims of changes closed while the plugin did not run. */
  private boolean pruned;

  @Inject
  Reconciler(
      WorkQueue workQueue,
      Settings settings,
      ReviewPreconditions preconditions,
      ReviewQueue queue,
      ClaimStore claims,
      UsefulMarks usefulMarks,
      ReviewMetrics metrics,
      GerritApi gApi,
      OneOffRequestContext requestContext,
      Provider<InternalChangeQuery> changeQuery,
      @GerritIsReplica boolean replica,
      @PluginName String pluginName) {
    this.workQueue = workQueue;
    this.settings = settings;
    this.preconditions = preconditions;
    this.queue = queue;
    this.claims = claims;
    this.usefulMarks = usefulMarks;
    this.metrics = metrics;
    this.gApi = gApi;
    this.requestContext = requestContext;
    this.changeQuery = changeQuery;
    this.replica = replica;
    this.pluginName = pluginName;
  }

  @Override
  public void start() {
    if (replica) {
      // A replica takes no uploads and cannot post: the primaries review.
      return;
    }
    DeliverySettings delivery = settings.delivery();
    // Two threads: claims are renewed on time even while a sweep waits for a free worker.
    ScheduledExecutorService e = workQueue.createQueue(2, pluginName + "-sweep");
    long renewal = Math.max(1, delivery.claimLease().toMillis() / 3);
    e.scheduleAtFixedRate(claims::renewHeld, renewal, renewal, MILLISECONDS);
    if (delivery.sweeping()) {
      long first =
          Math.min(FIRST_SWEEP.toMillis(), Math.max(1, delivery.sweepInterval().toMillis()));
      e.scheduleWithFixedDelay(
          this::sweepOnce, first, delivery.sweepInterval().toMillis(), MILLISECONDS);
    }
    executor = e;
  }

  @Override
  public void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e != null) {
      e.shutdownNow();
    }
  }

  /**
   * Removes the claims and the useful marks of a change that closed, on the plugin's thread, not
   * the caller's.
   */
  void changeClosed(int change) {
    ScheduledExecutorService e = executor;
    if (e == null) {
      // Stopping, or a replica: the first sweep after the next start removes them.
      return;
    }
    try {
      e.execute(
          () -> {
            try {
              claims.removeChange(change);
              usefulMarks.removeChange(change);
            } catch (IOException ex) {
              logger.atWarning().withCause(ex).log(
                  "security-review: cannot remove the claims or marks of change %d", change);
            }
          });
    } catch (RejectedExecutionException ex) {
      logger.atFine().log("security-review: stopping; claims of change %d left", change);
    }
  }

  private void sweepOnce() {
    try {
      sweep(Instant.now().plus(settings.delivery().sweepInterval()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | LinkageError e) {
      // Caught, or the executor would cancel every later sweep.
      logger.atSevere().withCause(e).log("security-review: sweep failed; the next one tries again");
    }
  }

  private synchronized void sweep(Instant deadline) throws Exception {
    ServerSettings server = settings.server();
    DeliverySettings delivery = settings.delivery();
    Optional<Account.Id> bot = preconditions.activeBot(server);
    if (bot.isEmpty()) {
      logger.atFine().log("security-review: sweep skipped: no active bot account");
      return;
    }
    try (ManualRequestContext ctx = requestContext.openAs(bot.get());
        ClaimStore.Snapshot claimed = claims.snapshot()) {
      List<Candidate> open = openChanges(delivery.sweepWindow());
      if (!pruned) {
        prune(claimed, open);
        pruned = true;
      }
      RateLimiter rate = RateLimiter.create(delivery.sweepRate() / 60.0);
      int handled = 0;
      int queued = 0;
      for (Candidate c : open) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
          break;
        }
        if (!claimed.settled(c.req().change(), c.req().patchSet(), delivery.claimLease())
            && needsReview(c, server, bot.get())) {
          if (!rate.tryAcquire(left) || !queue.submitWhenIdle(c.req(), deadline)) {
            break;
          }
          queued++;
        }
        handled++;
      }
      metrics.sweepEnded(queued);
      if (queued > 0 || handled < open.size()) {
        logger.atInfo().log(
            "security-review: sweep: %d open changes updated within %s, %d reviews queued%s",
            open.size(),
            delivery.sweepWindow(),
            queued,
            handled < open.size()
                ? "; " + (open.size() - handled) + " changes left for the next sweep"
                : "");
      }
    }
  }

  /** The current patch sets of the open changes updated within the window, newest first. */
  private List<Candidate> openChanges(Duration window) throws RestApiException {
    Map<Integer, Candidate> out = new LinkedHashMap<>();
    String query = "status:open -age:" + window.toSeconds() + "s";
    for (int start = 0; ; start += PAGE) {
      List<ChangeInfo> page =
          gApi.changes()
              .query(query)
              .withOptions(ListChangesOption.CURRENT_REVISION, ListChangesOption.CURRENT_COMMIT)
              .withLimit(PAGE)
              .withStart(start)
              .get();
      for (ChangeInfo c : page) {
        RevisionInfo rev = c.revisions == null ? null : c.revisions.get(c.currentRevision);
        if (rev != null) {
          out.putIfAbsent(
              c._number,
              new Candidate(
                  new ReviewRequest(
                      Project.nameKey(c.project), c._number, rev._number, rev.kind, false),
                  Boolean.TRUE.equals(c.workInProgress),
                  rev.commit != null
                      && rev.commit.parents != null
                      && rev.commit.parents.size() > 1));
        }
      }
      if (page.isEmpty() || !Boolean.TRUE.equals(page.get(page.size() - 1)._moreChanges)) {
        return new ArrayList<>(out.values());
      }
    }
  }

  /**
   * Whether the bot should review the patch set now: in scope, current, not reviewed, and with a
   * label the bot may vote on. Cheapest checks first; a change that went away meanwhile is skipped.
   */
  private boolean needsReview(Candidate c, ServerSettings server, Account.Id bot) {
    ProjectSettings project = settings.project(c.req().project(), server);
    if (!project.enabled() || (c.wip() && !project.reviewWip())) {
      return false;
    }
    try {
      if (!c.merge() && !touchesReviewedFile(c.req(), project.engineOptions())) {
        return false;
      }
      Reviewing reviewing = new Reviewing(server, project, bot);
      Verdict<PatchSet> current = preconditions.patchSet(c.req(), reviewing);
      return current.go()
          && ReviewPreconditions.mayCastEveryVote(reviewing, current.value().change());
    } catch (RestApiException e) {
      logger.atFine().withCause(e).log("security-review: sweep: %s: skipped", c.req());
      return false;
    }
  }

  private boolean touchesReviewedFile(ReviewRequest req, EngineOptions options)
      throws RestApiException {
    Map<String, FileInfo> files =
        gApi.changes().id(req.project().get(), req.change()).revision(req.patchSet()).files();
    return files.entrySet().stream()
        .anyMatch(
            f ->
                !f.getKey().startsWith("/")
                    && !Character.valueOf('D').equals(f.getValue().status)
                    && options.accepts(f.getKey()));
  }

  /** Removes the claims of changes that closed or went away while the plugin did not run. */
  private void prune(ClaimStore.Snapshot claimed, List<Candidate> open) throws IOException {
    Set<Integer> unknown = new HashSet<>(claimed.changes());
    open.forEach(c -> unknown.remove(c.req().change()));
    int removed = 0;
    for (List<Integer> batch : Iterables.partition(unknown, LOOKUP_BATCH)) {
      Set<Integer> stillOpen =
          changeQuery.get().byLegacyChangeIds(batch.stream().map(Change::id).toList()).stream()
              .filter(cd -> cd.change().isNew())
              .map(ChangeData::getId)
              .map(Change.Id::get)
              .collect(Collectors.toSet());
      for (int change : batch) {
        if (!stillOpen.contains(change)) {
          claims.removeChange(change);
          removed++;
        }
      }
    }
    if (removed > 0) {
      logger.atInfo().log("security-review: removed the claims of %d closed changes", removed);
    }
  }
}
