package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.base.Throwables;
import com.google.common.flogger.FluentLogger;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.ChangeApi;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.server.experiments.ExperimentFeatures;
import com.google.gerrit.server.update.CommentsRejectedException;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.CarryOver.Earlier;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Reviewing;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the review of a patch set ({@link ReviewBuilder}) within Gerrit's limits ({@link
 * CommentLimits}) and posts it as the bot. Should Gerrit still refuse it, the vote is posted with a
 * short summary rather than nothing.
 */
@Singleton
class ReviewPoster {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final GerritApi gApi;
  private final ExperimentFeatures experiments;
  private final PluginDocs docs;
  private final CommentLimits limits;
  private final ReviewMetrics metrics;

  @Inject
  ReviewPoster(
      GerritApi gApi,
      ExperimentFeatures experiments,
      PluginDocs docs,
      CommentLimits limits,
      ReviewMetrics metrics) {
    this.gApi = gApi;
    this.experiments = experiments;
    this.docs = docs;
    this.limits = limits;
    this.metrics = metrics;
  }

  /**
   * Posts the review on {@code commit}, the patch set of {@code req}, unless the bot reviewed it
   * meanwhile. Runs in a request context of the bot.
   */
  Outcome post(
      ReviewRequest req, Reviewing reviewing, String commit, Analysis analysis, Earlier earlier)
      throws RestApiException {
    ChangeApi change = gApi.changes().id(req.project().get(), req.change());
    // Ask again right before posting: another node or thread may have posted meanwhile.
    Collection<ChangeMessageInfo> messages = change.messages();
    if (!req.force() && BotReviews.reviewed(messages, reviewing.bot(), req.patchSet())) {
      return Outcome.skipped(
          req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set");
    }
    // A dismissal recorded since the analysis began (on another server, say) counts too.
    Analysis current = analysis.without(Dismissals.of(messages, reviewing.bot()));
    String label = reviewing.project().label();
    short vote = current.vote();
    ReviewLimits reviewLimits =
        limits.forReview(
            messages, change.comments(), reviewing.bot(), reviewing.server().maxComments());
    if (!reviewLimits.messageFits()) {
      // Gerrit would refuse the review, its short form too: nothing can post until room is made.
      return Outcome.failed(
          req,
          Status.COMMENT_LIMIT,
          reviewLimits.roomLimit() + ": not even the review's message fits");
    }
    boolean carriedOver = earlier.sameCodeAs() != null;
    ReviewBuilder.Review review =
        carriedOver
            ? ReviewBuilder.carriedOver(
                label, vote, req.patchSet(), earlier.sameCodeAs(), req.kind())
            : ReviewBuilder.review(
                current,
                req.patchSet(),
                reviewLimits,
                docs.base(),
                experiments.isFeatureEnabled(Reviewer.FIX_SUGGESTIONS_FLAG, req.project()),
                earlier.threads());
    // The bot has no drafts of its own but the replies of a review that failed half-way.
    deleteDrafts(change);
    ReviewInput input = review.input();
    int comments;
    try {
      for (ReviewBuilder.Reply r : review.replies()) {
        change.revision(r.patchSet()).createDraft(r.draft());
      }
      if (!review.replies().isEmpty()) {
        input.drafts = ReviewInput.DraftHandling.PUBLISH_ALL_REVISIONS;
      }
      change.revision(commit).review(input);
      comments =
          (input.comments == null ? 0 : input.comments.values().stream().mapToInt(List::size).sum())
              + review.replies().size();
      review.commentedRules().stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
          .forEach((rule, n) -> metrics.commented(rule, n.intValue()));
    } catch (BadRequestException e) {
      if (carriedOver || !refusedByValidators(e)) {
        throw e;
      }
      logger.atWarning().log(
          "security-review: %s: Gerrit refused the review (%s); posting the vote with a short"
              + " summary",
          req, e.getMessage());
      deleteDrafts(change);
      input =
          ReviewBuilder.shortReview(current, req.patchSet(), e.getMessage(), limits.sizeLimit());
      change.revision(commit).review(input);
      metrics.reviewShortened();
      comments = 0;
    }
    uploaded(messages, req.patchSet())
        .ifPresent(t -> metrics.reviewed(Duration.between(t, Instant.now()), carriedOver));
    logger.atInfo().log(
        "security-review: %s: posted %s %s with %d comments",
        req, label, ReviewBuilder.format(vote), comments);
    return new Outcome(
        carriedOver ? Status.CARRIED_OVER : Status.POSTED, input.message, vote, comments);
  }

  private static void deleteDrafts(ChangeApi change) throws RestApiException {
    for (CommentInfo stale : change.draftsAsList()) {
      change.revision(stale.patchSet).draft(stale.id).delete();
    }
  }

  /** Whether Gerrit's comment validators (size and count limits among them) refused the review. */
  private static boolean refusedByValidators(BadRequestException e) {
    return Throwables.getCausalChain(e).stream()
        .anyMatch(CommentsRejectedException.class::isInstance);
  }

  /** When the patch set was uploaded: the date of the first message on it. */
  private static Optional<Instant> uploaded(Collection<ChangeMessageInfo> messages, int patchSet) {
    return messages.stream()
        .filter(m -> m._revisionNumber != null && m._revisionNumber == patchSet)
        .map(m -> m.date)
        .filter(Objects::nonNull)
        .map(d -> d.toInstant())
        .min(Instant::compareTo);
  }
}
