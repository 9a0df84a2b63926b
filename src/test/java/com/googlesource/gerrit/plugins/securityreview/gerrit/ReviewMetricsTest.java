package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;

import com.google.gerrit.acceptance.TestMetricMaker;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Outcome;
import com.googlesource.gerrit.plugins.securityreview.gerrit.Reviewer.Status;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** The metrics the review queue, the reconciler and the claims report to. */
public class ReviewMetricsTest {
  private final TestMetricMaker maker = new TestMetricMaker();
  private final AtomicInteger depth = new AtomicInteger();
  private final ReviewMetrics metrics = new ReviewMetrics(maker);

  @Test
  public void reviewsAreCountedByResultAndReason() {
    metrics.reviewEnded(Outcome.of(Status.POSTED, "posted"));
    metrics.reviewEnded(Outcome.of(Status.OUTDATED, "patch set 2 supersedes it"));
    metrics.reviewEnded(Outcome.of(Status.OUTDATED, "patch set 3 supersedes it"));
    metrics.reviewEnded(Outcome.of(Status.LABEL_MISSING, "no label"));
    metrics.reviewFailed();
    metrics.reviewDeferred();

    assertThat(maker.getCount("reviews", "posted", "posted")).isEqualTo(1);
    assertThat(maker.getCount("reviews", "skipped", "outdated")).isEqualTo(2);
    assertThat(maker.getCount("reviews", "failed", "label_missing")).isEqualTo(1);
    assertThat(maker.getCount("reviews", "failed", "error")).isEqualTo(1);
    assertThat(maker.getCount("reviews", "deferred", "queue_full")).isEqualTo(1);
  }

  @Test
  public void everyStatusHasAResult() {
    for (Status s : Status.values()) {
      assertThat(ReviewMetrics.result(s)).isNotNull();
    }
    assertThat(ReviewMetrics.result(Status.CARRIED_OVER)).isEqualTo(ReviewMetrics.Result.POSTED);
    assertThat(ReviewMetrics.result(Status.WIP_SKIPPED)).isEqualTo(ReviewMetrics.Result.SKIPPED);
  }

  @Test
  public void queueDepthIsReadWhenTheMetricIsRead() {
    metrics.queueDepth(depth::get);
    depth.set(7);
    assertThat(maker.getCallbackMetricValue("queue/depth")).isEqualTo(7);
    depth.set(0);
    assertThat(maker.getCallbackMetricValue("queue/depth")).isEqualTo(0);
  }

  @Test
  public void sweepsAndClaims() {
    metrics.sweepEnded(3);
    metrics.sweepEnded(0);
    metrics.claimTakenOver();
    assertThat(maker.getCount("reconciler/sweeps")).isEqualTo(2);
    assertThat(maker.getCount("reconciler/requeued")).isEqualTo(3);
    assertThat(maker.getCount("claims/taken_over")).isEqualTo(1);
  }
}
