package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.base.Supplier;
import com.google.gerrit.metrics.Counter0;
import com.google.gerrit.metrics.Counter1;
import com.google.gerrit.metrics.Counter2;
import com.google.gerrit.metrics.Description;
import com.google.gerrit.metrics.Description.Units;
import com.google.gerrit.metrics.Field;
import com.google.gerrit.metrics.MetricMaker;
import com.google.gerrit.metrics.Timer1;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The plugin's metrics, published by Gerrit under {@code plugins/security-review/} (see {@code
 * Documentation/metrics.md}). Field values are lower-case names, as Gerrit's own metrics use them.
 */
@Singleton
public class ReviewMetrics {
  /** How a review ended, for {@link #reviewEnded}: the first field of {@code reviews}. */
  enum Result {
    POSTED,
    SKIPPED,
    FAILED,
    DEFERRED
  }

  /** What an analysis was for: the second field of {@code analysis/latency}. */
  enum Purpose {
    REVIEW,
    FINDINGS
  }

  /** How the findings view answered: the field of {@code findings/requests}. */
  enum FindingsAnswer {
    /** From the cache. */
    CACHED,
    /** Computed on the plugin's findings queue within the wait. */
    COMPUTED,
    /** Still being computed when the wait ended: 202. */
    PENDING,
    /** The findings queue was full: 429. */
    BUSY
  }

  private final MetricMaker metricMaker;
  private final Counter2<String, String> reviews;
  private final Counter0 shortened;
  private final Timer1<String> uploadToReview;
  private final Timer1<String> analysis;
  private final Counter1<String> comments;
  private final Counter1<String> findingsRequests;
  private final Counter0 sweeps;
  private final Counter0 sweepRequeued;
  private final Counter0 claimsTakenOver;
  private final Counter2<String, String> dismissed;
  private final Counter1<String> useful;

  @Inject
  ReviewMetrics(MetricMaker metricMaker) {
    this.metricMaker = metricMaker;
    reviews =
        metricMaker.newCounter(
            "reviews",
            rate("Reviews ended, by result and reason", "reviews"),
            field("result", "posted, skipped or failed"),
            field(
                "reason",
                "why: posted, carried_over, closed, outdated, label_missing, error, queue_full,"
                    + " ..."));
    shortened =
        metricMaker.newCounter(
            "reviews/shortened",
            rate(
                "Reviews Gerrit refused whole (a size or count limit), posted instead as the vote"
                    + " with a short summary",
                "reviews"));
    uploadToReview =
        metricMaker.newTimer(
            "review/upload_to_review_latency",
            latency("Time from the upload of a patch set to the bot's review of it"),
            field("kind", "review (analysed) or carried_over (same code as a reviewed one)"));
    analysis =
        metricMaker.newTimer(
            "analysis/latency",
            latency("Time to read and analyse the files of one patch set"),
            field("purpose", "review (for the bot's review) or findings (for the REST view)"));
    comments =
        metricMaker.newCounter(
            "comments/posted",
            rate(
                "Inline comments posted by the bot (new threads and replies), by rule", "comments"),
            field("rule", "the rule id"));
    findingsRequests =
        metricMaker.newCounter(
            "findings/requests",
            rate("Calls of the findings REST view, by how they were answered", "requests"),
            field("answer", "cached, computed, pending (202) or busy (429)"));
    sweeps =
        metricMaker.newCounter(
            "reconciler/sweeps", rate("Sweeps of the reconciler over open changes", "sweeps"));
    sweepRequeued =
        metricMaker.newCounter(
            "reconciler/requeued",
            rate("Patch sets a sweep found unreviewed and queued for review", "patch sets"));
    claimsTakenOver =
        metricMaker.newCounter(
            "claims/taken_over",
            rate(
                "Review claims of another node (or an earlier run) taken over because they"
                    + " expired",
                "claims"));
    dismissed =
        metricMaker.newCounter(
            "feedback/dismissed",
            rate("Findings dismissed by reviewers, by rule and reason", "findings"),
            field("rule", "the rule id"),
            field("reason", "false_positive, wont_fix or used_in_tests"));
    useful =
        metricMaker.newCounter(
            "feedback/useful",
            rate("Findings reviewers marked as useful, by rule", "findings"),
            field("rule", "the rule id"));
  }

  /**
   * Publishes {@code queue/depth}, read from {@code pending} whenever the metric is read. For the
   * queue to call once it exists (when it starts): the metric maker may read the value at once.
   */
  void queueDepth(Supplier<Integer> pending) {
    metricMaker.newCallbackMetric(
        "queue/depth",
        Integer.class,
        new Description("Reviews waiting or running in the plugin's queue")
            .setGauge()
            .setUnit("reviews"),
        pending);
  }

  private static Description rate(String description, String unit) {
    return new Description(description).setRate().setUnit(unit);
  }

  private static Description latency(String description) {
    return new Description(description).setCumulative().setUnit(Units.MILLISECONDS);
  }

  private static Field<String> field(String name, String description) {
    return Field.ofString(name, Field.ignoreMetadata()).description(description).build();
  }

  /** A review ended with {@code outcome}. */
  void reviewEnded(Outcome outcome) {
    reviews.increment(name(result(outcome.status())), name(outcome.status()));
  }

  /** A review failed with an exception (after its last attempt). */
  void reviewFailed() {
    reviews.increment(name(Result.FAILED), "error");
  }

  /** A review was not queued because the queue was full: the next sweep queues it again. */
  void reviewDeferred() {
    reviews.increment(name(Result.DEFERRED), "queue_full");
  }

  /** Gerrit refused the full review; the vote was posted with a short summary. */
  void reviewShortened() {
    shortened.increment();
  }

  /**
   * The bot reviewed a patch set {@code sinceUpload} after its upload.
   *
   * @param carriedOver whether the review carried over an earlier one (no analysis)
   */
  void reviewed(Duration sinceUpload, boolean carriedOver) {
    uploadToReview.record(
        carriedOver ? "carried_over" : "review", sinceUpload.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** An analysis of a patch set took {@code nanos}. */
  void analysed(Purpose purpose, long nanos) {
    analysis.record(name(purpose), nanos, TimeUnit.NANOSECONDS);
  }

  /** The bot posted {@code count} comments about findings of rule {@code ruleId}. */
  void commented(String ruleId, int count) {
    comments.incrementBy(ruleId, count);
  }

  void findingsAnswered(FindingsAnswer answer) {
    findingsRequests.increment(name(answer));
  }

  /** A reconciler sweep ended, having queued {@code requeued} patch sets for review. */
  void sweepEnded(int requeued) {
    sweeps.increment();
    sweepRequeued.incrementBy(requeued);
  }

  /** This node took over another's expired claim on a patch set. */
  void claimTakenOver() {
    claimsTakenOver.increment();
  }

  /** A reviewer dismissed a finding of rule {@code ruleId}. */
  void dismissed(String ruleId, DismissalReason reason) {
    dismissed.increment(ruleId, reason.id());
  }

  /** A reviewer marked a finding of rule {@code ruleId} as useful. */
  void markedUseful(String ruleId) {
    useful.increment(ruleId);
  }

  /**
   * Whether a review that ended with {@code status} posted, skipped as expected (nothing to do) or
   * failed for a reason an administrator should know. No default: a new status must be placed.
   */
  static Result result(Status status) {
    return switch (status) {
      case POSTED, CARRIED_OVER -> Result.POSTED;
      case NOTHING_TO_REVIEW,
          ALREADY_REVIEWED,
          IN_PROGRESS,
          OUTDATED,
          CLOSED,
          DISABLED,
          WIP_SKIPPED ->
          Result.SKIPPED;
      case CHANGE_MISSING,
          NOT_CONFIGURED,
          BOT_MISSING,
          LABEL_MISSING,
          NOT_PERMITTED,
          COMMENT_LIMIT ->
          Result.FAILED;
    };
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
