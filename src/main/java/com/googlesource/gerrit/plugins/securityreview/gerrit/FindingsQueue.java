package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.events.LifecycleListener;
import com.google.gerrit.server.git.WorkQueue;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Answer;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Busy;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FindingsCache.Findings;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where the findings view has a patch set analysed when the cache misses: a queue of the plugin's
 * own ({@code security-review-findings} in {@code gerrit show-queue}), one thread, apart from the
 * reviews so that neither waits for the other. A request waits at most {@link #WAIT}; at most
 * {@link #MAX_PENDING} analyses are queued or running.
 */
@Singleton
class FindingsQueue implements LifecycleListener {
  static final Duration WAIT = Duration.ofSeconds(5);
  static final int MAX_PENDING = 8;

  private final WorkQueue workQueue;
  private final String queueName;
  private volatile ScheduledExecutorService executor;
  private volatile BoundedComputations<FindingsCache.Key, Findings> computations;

  @Inject
  FindingsQueue(WorkQueue workQueue, @PluginName String pluginName) {
    this.workQueue = workQueue;
    this.queueName = pluginName + "-findings";
  }

  @Override
  public void start() {
    executor = workQueue.createQueue(1, queueName);
    computations = new BoundedComputations<>(executor, MAX_PENDING);
  }

  @Override
  public void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    computations = null;
    if (e != null) {
      e.shutdownNow();
    }
  }

  /** The findings of {@code key}, computed by {@code analysis} on the queue unless already. */
  Answer<Findings> await(FindingsCache.Key key, Callable<Findings> analysis) throws Exception {
    BoundedComputations<FindingsCache.Key, Findings> c = computations;
    return c == null ? new Busy<>() : c.await(key, analysis, WAIT);
  }
}
