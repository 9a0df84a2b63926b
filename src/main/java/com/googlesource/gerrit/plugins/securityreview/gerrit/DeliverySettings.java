package com.googlesource.gerrit.plugins.securityreview.gerrit;

import java.time.Duration;

/**
 * How reviews reach the queue besides the upload event, and how long a claim holds; from {@code
 * [plugin "security-review"]} in {@code gerrit.config}.
 *
 * @param sweepInterval time between two sweeps for patch sets that still need a review; zero turns
 *     the sweep off
 * @param sweepWindow a sweep looks at open changes updated within this time
 * @param sweepRate most reviews one sweep queues per minute
 * @param claimLease how long a claim on a patch set holds without being renewed; after it another
 *     node may take the review over
 */
public record DeliverySettings(
    Duration sweepInterval, Duration sweepWindow, int sweepRate, Duration claimLease) {
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        Duration.ofMinutes(5), Duration.ofDays(3), 60, Duration.ofMinutes(10));
  }

  /** Whether sweeps run: otherwise a review the queue could not take waits for a re-run. */
  public boolean sweeping() {
    return !sweepInterval.isZero();
  }
}
