package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.extensions.api.GerritApi;
import com.google.gerrit.extensions.api.changes.ChangeApi;
import com.google.gerrit.extensions.api.changes.ReviewInput;
import com.google.gerrit.extensions.common.ChangeMessageInfo;
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
  private final CommentLimits limits;

  @Inject
  ReviewPoster(
      GerritApi gApi, ExperimentFeatures experiments, PluginDocs docs, CommentLimits limits) {
    this.gApi = gApi;
    this.experiments = experiments;
    this.docs = docs;
    this.limits = limits;
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
    ChangeApi change = gApi.changes().id(req.project().get(), req.change());
    List<ChangeMessageInfo> messages = change.messages();
    // Ask again right before posting: another node or thread may have posted meanwhile.
    if (!req.force() && BotReviews.reviewed(messages, reviewing.bot(), req.patchSet())) {
      return Outcome.skipped(
          req, Status.ALREADY_REVIEWED, "the bot already reviewed this patch set");
    }
    ReviewBuilder.Review review = build(req, reviewing, analysis, earlier, Integer.MAX_VALUE);
    // Gerrit refuses a whole review that would pass its comment limits: post fewer new comments
    // (the summary counts the rest), and nothing when not even the message and replies fit.
    List<CommentInfo> published =
        change.comments().values().stream().flatMap(List::stream).toList();
    int room = limits.room(published, messages, reviewing.bot());
    int replyRoom = room - 1 - review.replies().size();
    if (replyRoom < 0) {
      return Outcome.failed(
          req,
          Status.COMMENT_LIMIT,
          String.format(
              "Gerrit's comment limit (%s) leaves room for %d more comments and messages on this"
                  + " change; the review needs %d",
              limits.describe(), room, 1 + review.replies().size() + comments(review.input())));
    }
    if (comments(review.input()) > replyRoom) {
      review = build(req, reviewing, analysis, earlier, replyRoom);
    }
    ReviewInput input = review.input();
    List<ReviewBuilder.Reply> replies = review.replies();
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
    int comments = comments(input) + replies.size();
    logger.atInfo().log(
        "security-review: %s: posted %s %s with %d comments",
        req, label, ReviewBuilder.format(vote), comments);
    Status status = earlier.sameCodeAs() != null ? Status.CARRIED_OVER : Status.POSTED;
    return new Outcome(status, input.message, vote, comments);
  }

  /**
   * The review to post, with at most {@code commentRoom} new comments besides the server's {@code
   * maxComments}.
   */
  private ReviewBuilder.Review build(
      ReviewRequest req, Reviewing reviewing, Analysis analysis, Earlier earlier, int commentRoom) {
    if (earlier.sameCodeAs() != null) {
      return ReviewBuilder.carriedOver(
          reviewing.project().label(),
          analysis.vote(),
          req.patchSet(),
          earlier.sameCodeAs(),
          req.kind());
    }
    return ReviewBuilder.review(
        analysis,
        req.patchSet(),
        Math.min(reviewing.server().maxComments(), commentRoom),
        docs.base(),
        experiments.isFeatureEnabled(Reviewer.FIX_SUGGESTIONS_FLAG, req.project()),
        earlier.threads());
  }

  private static int comments(ReviewInput input) {
    return input.comments == null ? 0 : input.comments.values().stream().mapToInt(List::size).sum();
  }
}
