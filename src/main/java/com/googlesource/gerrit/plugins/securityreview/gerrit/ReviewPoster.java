package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.ChangeApi;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.common.CommentInfo;
import com.google.gerrit.extensions.restapi.RestApiException;
import com.google.gerrit.server.experiments.ExperimentFeatures;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.CarryOver.Earlier;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewPreconditions.Reviewing;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.util.List;

/** Builds the review of a patch set ({@link ReviewBuilder}) and posts it as the bot. */
@Singleton
class ReviewPoster {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final GerritApi gApi;
  private final ExperimentFeatures experiments;
  private final PluginDocs docs;

  @Inject
  ReviewPoster(GerritApi gApi, ExperimentFeatures experiments, PluginDocs docs) {
    this.gApi = gApi;
    this.experiments = experiments;
    this.docs = docs;
  }

  /**
   * Posts the review on {@code commit}, the patch set of {@code req}, unless the bot reviewed it
   * meanwhile. Runs in a request context of the bot.
   */
  Outcome post(
      ReviewRequest req, Reviewing reviewing, String commit, Analysis analysis, Earlier earlier)
      throws RestApiException {
    String label = reviewing.project().label();
    short vote = analysis.vote();
    ReviewBuilder.Review review =
        earlier.sameCodeAs() != null
            ? ReviewBuilder.carriedOver(
                label, vote, req.patchSet(), earlier.sameCodeAs(), req.kind())
            : ReviewBuilder.review(
                analysis,
                req.patchSet(),
                reviewing.server().maxComments(),
                docs.base(),
                experiments.isFeatureEnabled(Reviewer.FIX_SUGGESTIONS_FLAG, req.project()),
                earlier.threads());
    ReviewInput input = review.input();
    List<ReviewBuilder.Reply> replies = review.replies();
    // Ask again right before posting: another node or thread may have posted meanwhile.
    if (!req.force()
        && BotReviews.reviewed(
            gApi.changes().id(req.project().get(), req.change()).messages(),
            reviewing.bot(),
            req.patchSet())) {
      return Outcome.skipped(
          req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set");
    }
    ChangeApi change = gApi.changes().id(req.project().get(), req.change());
    // The bot has no drafts of its own but the replies of a review that failed half-way.
    for (CommentInfo stale : change.draftsAsList()) {
      change.revision(stale.patchSet).draft(stale.id).delete();
    }
    for (ReviewBuilder.Reply r : replies) {
      change.revision(r.patchSet()).createDraft(r.draft());
    }
    if (!replies.isEmpty()) {
      input.drafts = ReviewInput.DraftHandling.PUBLISH_ALL_REVISIONS;
    }
    change.revision(commit).review(input);
    int comments =
        (input.comments == null ? 0 : input.comments.values().stream().mapToInt(List::size).sum())
            + replies.size();
    logger.atInfo().log(
        "security-review: %s: posted %s %s with %d comments",
        req, label, ReviewBuilder.format(vote), comments);
    Status status = earlier.sameCodeAs() != null ? Status.CARRIED_OVER : Status.POSTED;
    return new Outcome(status, input.message, vote, comments);
  }
}
