package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.util.ManualRequestContext;
import com.google.gerrit.server.util.OneOffRequestContext;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.CarryOver.Earlier;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.PatchSet;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Reviewing;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Verdict;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * Reviews one patch set and posts the result as the bot, at most once per patch set.
 *
 * <p>The stages: {@link ReviewPreconditions}, a claim ({@link ClaimStore}), {@link Analyzer},
 * {@link CarryOver}, {@link ReviewPoster}.
 *
 * <p>Exactly once, across threads and nodes: before analysing, the review claims the patch set with
 * a create-only ref. Another review of it (a duplicated event, a sweep, a second primary) finds the
 * claim and stops; a claim whose node died is taken over once its lease ran out, and the claim is
 * renewed right before posting, so that a review whose claim was taken over does not post. The
 * change itself is asked too: a review the bot left on the patch set (tagged {@value
 * ReviewBuilder#TAG}) ends the matter, whatever the claims say.
 *
 * <p>Likewise the bot's comments on earlier patch sets are read from the change ({@link
 * BotThreads}): a finding commented on before is not commented on again.
 */
@Singleton
public class Reviewer {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  public static final String FIX_SUGGESTIONS_FLAG =
      "GerritBackendFeature__allow_fix_suggestions_in_comments";

  /** How a review ended. */
  public enum Status {
    POSTED,
    CARRIED_OVER,
    NOTHING_TO_REVIEW,
    ALREADY_REVIEWED,
    OUTDATED,
    CLOSED,
    DISABLED,
    WIP_SKIPPED,
    CHANGE_MISSING,
    IN_PROGRESS,
    NOT_CONFIGURED,
    BOT_MISSING,
    LABEL_MISSING,
    NOT_PERMITTED,
    COMMENT_LIMIT
  }

  /**
   * @param vote the vote posted, null when nothing was posted
   * @param comments inline comments posted: new threads and replies on earlier ones
   */
  public record Outcome(Status status, String detail, Short vote, int comments) {
    static Outcome of(Status status, String detail) {
      return new Outcome(status, detail, null, 0);
    }

    /** Nothing to do, as expected (closed, outdated, reviewed already...): logged as fine. */
    static Outcome skipped(ReviewRequest req, Status status, String detail) {
      logger.atFine().log("security-review: %s: skipped: %s", req, detail);
      return of(status, detail);
    }

    /** Not reviewed for a reason an administrator should know: logged as a warning. */
    static Outcome failed(ReviewRequest req, Status status, String detail) {
      logger.atWarning().log("security-review: %s: not reviewed: %s", req, detail);
      return of(status, detail);
    }
  }

  /** Outcomes after which the patch set needs no further review; any other frees the claim. */
  private static final Set<Status> REVIEWED =
      EnumSet.of(
          Status.POSTED, Status.CARRIED_OVER, Status.NOTHING_TO_REVIEW, Status.ALREADY_REVIEWED);

  private final Settings settings;
  private final OneOffRequestContext requestContext;
  private final ReviewPreconditions preconditions;
  private final Analyzer analyzer;
  private final CarryOver carryOver;
  private final ReviewPoster poster;
  private final ClaimStore claims;
  private final ReviewMetrics metrics;
  private final ChangeLocks locks;

  @Inject
  Reviewer(
      Settings settings,
      OneOffRequestContext requestContext,
      ReviewPreconditions preconditions,
      Analyzer analyzer,
      CarryOver carryOver,
      ReviewPoster poster,
      ClaimStore claims,
      ChangeLocks locks,
      ReviewMetrics metrics) {
    this.settings = settings;
    this.requestContext = requestContext;
    this.preconditions = preconditions;
    this.analyzer = analyzer;
    this.carryOver = carryOver;
    this.poster = poster;
    this.claims = claims;
    this.locks = locks;
    this.metrics = metrics;
  }

  /** Reviews the patch set. Exceptions are failures worth a retry (see {@link ReviewQueue}). */
  public Outcome run(ReviewRequest req) throws Exception {
    Outcome outcome = reviewOnce(req);
    metrics.reviewEnded(outcome);
    return outcome;
  }

  private Outcome reviewOnce(ReviewRequest req) throws Exception {
    Verdict<Reviewing> reviewer = preconditions.reviewer(req);
    if (!reviewer.go()) {
      return reviewer.stop();
    }
    // One review of a change at a time on this node: two threads handling a duplicated event
    // must not both pass the "already reviewed?" check.
    Lock lock = locks.of(req.project(), req.change());
    lock.lock();
    try {
      return review(req, reviewer.value());
    } finally {
      lock.unlock();
    }
  }

  private Outcome review(ReviewRequest req, Reviewing reviewing) throws Exception {
    try (ManualRequestContext ctx = requestContext.openAs(reviewing.bot())) {
      Verdict<PatchSet> current = preconditions.patchSet(req, reviewing);
      if (!current.go()) {
        return current.stop();
      }
      ClaimStore.Acquisition claim = claims.acquire(req, settings.delivery().claimLease());
      if (claim.held() == null) {
        return claim.other().state() == ClaimStore.State.DONE
            ? Outcome.skipped(req, Status.ALREADY_REVIEWED, claim.other().describe())
            : Outcome.skipped(
                req,
                Status.IN_PROGRESS,
                "another review of this patch set is in progress: " + claim.other().describe());
      }
      if (claim.tookOver()) {
        metrics.claimTakenOver();
      }
      Outcome outcome = null;
      try {
        outcome = analyzeAndPost(req, reviewing, current.value(), claim.held());
        return outcome;
      } finally {
        claims.finish(claim.held(), outcome != null && REVIEWED.contains(outcome.status()));
      }
    }
  }

  private Outcome analyzeAndPost(
      ReviewRequest req, Reviewing reviewing, PatchSet patchSet, ClaimStore.Held claim)
      throws Exception {
    Analysis analysis =
        analyzer.analyze(req.project(), patchSet.commit(), reviewing.project(), reviewing.server());
    if (!analysis.relevant()) {
      return Outcome.skipped(req, Status.NOTHING_TO_REVIEW, "no file to review");
    }
    // Findings reviewers dismissed on the change count for nothing, on this patch set too.
    analysis = analysis.without(Dismissals.of(patchSet.change().messages, reviewing.bot()));
    for (Analysis.InternalError e : analysis.internalErrors()) {
      logger.atSevere().log("security-review: %s: %s: %s", req, e.path(), e.failure().describe());
    }
    // Only now: whether the bot may vote depends on the vote the analysis gives.
    Verdict<Short> vote = preconditions.mayVote(req, reviewing, patchSet.change(), analysis.vote());
    if (!vote.go()) {
      return vote.stop();
    }
    Earlier earlier = carryOver.earlier(req, reviewing, patchSet.change());
    // A fresh lease for the post, and the proof that no other node took the review over.
    if (!claims.renew(claim)) {
      return Outcome.skipped(req, Status.IN_PROGRESS, "the claim was taken over; not posting");
    }
    return poster.post(req, reviewing, patchSet.commit(), analysis, earlier);
  }

  /** The analysis alone, for the REST view: nothing is posted. */
  public Analysis analyze(Project.NameKey project, String commit) throws Exception {
    ServerSettings server = settings.server();
    return analyzer.analyze(project, commit, settings.project(project, server), server);
  }
}
