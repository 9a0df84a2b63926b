package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.common.flogger.FluentLogger;
import com.google.gerrit.extensions.annotations.PluginName;
import com.google.gerrit.extensions.events.LifecycleListener;
import com.google.gerrit.extensions.restapi.AuthException;
import com.google.gerrit.extensions.restapi.BadRequestException;
import com.google.gerrit.extensions.restapi.MethodNotAllowedException;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.extensions.restapi.ResourceNotFoundException;
import com.google.gerrit.extensions.restapi.UnprocessableEntityException;
import com.google.gerrit.server.git.WorkQueue;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plugin's own bounded queue (a Gerrit {@link WorkQueue} named after the plugin, visible in
 * {@code gerrit show-queue}). Reviews that fail for a transient reason are tried again a bounded
 * number of times with a growing delay.
 *
 * <p>Nothing queued here needs to outlive the plugin: the change is the record of what was
 * reviewed, and the {@link Reconciler}'s sweeps queue what this queue lost. A full queue therefore
 * defers a review rather than dropping it: the next sweep finds the patch set still unreviewed.
 */
@Singleton
public class ReviewQueue implements LifecycleListener {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final WorkQueue workQueue;
  private final Settings settings;
  private final Reviewer reviewer;
  private final ReviewMetrics metrics;
  private final String pluginName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();
  private final AtomicLong deferred = new AtomicLong();

  /** Reviews queued, running or waiting for a retry; guarded by {@link #lock}. */
  private int pending;

  private volatile ScheduledExecutorService executor;
  private volatile ServerSettings server;
  private volatile DeliverySettings delivery;

  @Inject
  ReviewQueue(
      WorkQueue workQueue,
      Settings settings,
      Reviewer reviewer,
      ReviewMetrics metrics,
      @PluginName String name) {
    this.workQueue = workQueue;
    this.settings = settings;
    this.reviewer = reviewer;
    this.metrics = metrics;
    this.pluginName = name;
  }

  @Override
  public void start() {
    server = settings.server();
    delivery = settings.delivery();
    executor = workQueue.createQueue(server.threads(), pluginName);
    metrics.queueDepth(this::pending);
    if (server.account() == null) {
      logger.atWarning().log(
          "security-review: plugin.%s.account is not set in gerrit.config: no patch set will be"
              + " reviewed",
          pluginName);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e != null) {
      int dropped = e.shutdownNow().size();
      if (dropped > 0) {
        logger.atWarning().log(
            "security-review: plugin stopped with %d reviews queued; %s",
            dropped, whoQueuesItAgain("the first sweep after the next start"));
      }
    }
    signalFinished();
  }

  /** Queues a review and returns at once; never throws. False when it was not queued. */
  public boolean submit(ReviewRequest req) {
    if (executor == null) {
      logger.atWarning().log(
          "security-review: %s: not queued, the plugin is stopping; %s",
          req, whoQueuesItAgain("the first sweep after the next start"));
      return false;
    }
    if (!tryReserve(server.queueSize())) {
      long total = deferred.incrementAndGet();
      metrics.reviewDeferred();
      // One line a minute however many uploads a burst brings; the count says how many.
      logger.atWarning().atMostEvery(1, TimeUnit.MINUTES).log(
          "security-review: %s: not queued, the queue is full (plugin.%s.queueSize = %d); %s"
              + " (%d deferred since the plugin started)",
          req, pluginName, server.queueSize(), whoQueuesItAgain("the next sweep"), total);
      return false;
    }
    return execute(req);
  }

  /**
   * Queues a review once a worker is free, so that uploads never wait behind what a sweep queues.
   * False when no worker became free before {@code deadline}, or the plugin is stopping.
   */
  boolean submitWhenIdle(ReviewRequest req, Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      while (pending >= Math.min(server.threads(), server.queueSize())) {
        long wait = Duration.between(Instant.now(), deadline).toNanos();
        if (wait <= 0 || executor == null) {
          return false;
        }
        finished.awaitNanos(wait);
      }
      pending++;
    } finally {
      lock.unlock();
    }
    return execute(req);
  }

  /** Reviews queued or running; 0 when the queue is idle. */
  public int pending() {
    lock.lock();
    try {
      return pending;
    } finally {
      lock.unlock();
    }
  }

  /** Reviews that found the queue full since the plugin started. */
  public long deferred() {
    return deferred.get();
  }

  private String whoQueuesItAgain(String sweep) {
    return delivery.sweeping()
        ? sweep + " queues it again"
        : "re-run it with 'security-review scan' or POST .../security-review~run (the sweep is"
            + " off: plugin."
            + pluginName
            + ".sweepInterval = 0)";
  }

  private boolean tryReserve(int limit) {
    lock.lock();
    try {
      if (pending >= limit) {
        return false;
      }
      pending++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  private boolean execute(ReviewRequest req) {
    ScheduledExecutorService e = executor;
    try {
      if (e == null) {
        throw new RejectedExecutionException("the plugin is stopping");
      }
      e.execute(() -> attempt(req, 0));
      return true;
    } catch (RuntimeException ex) {
      finishedOne();
      logger.atSevere().withCause(ex).log("security-review: %s: could not be queued", req);
      return false;
    }
  }

  private void finishedOne() {
    lock.lock();
    try {
      pending--;
      finished.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void signalFinished() {
    lock.lock();
    try {
      finished.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void attempt(ReviewRequest req, int attempt) {
    boolean done = true;
    try {
      reviewer.run(req);
    } catch (Exception | LinkageError ex) {
      ScheduledExecutorService e = executor;
      if (!transientFailure(ex) || attempt >= server.retries() || e == null) {
        metrics.reviewFailed();
        logger.atSevere().withCause(ex).log(
            "security-review: %s: review failed after %d attempts; %s",
            req, attempt + 1, whoQueuesItAgain("the next sweep"));
      } else {
        long delay = server.retryDelayMillis() << attempt;
        logger.atWarning().withCause(ex).log(
            "security-review: %s: attempt %d failed, retrying in %d ms", req, attempt + 1, delay);
        try {
          e.schedule(() -> attempt(req, attempt + 1), delay, TimeUnit.MILLISECONDS);
          done = false;
        } catch (RuntimeException rejected) {
          logger.atSevere().log("security-review: %s: retry could not be queued", req);
        }
      }
    } finally {
      if (done) {
        finishedOne();
      }
    }
  }

  /** Client errors will fail again; anything else (storage, lock, I/O) may not. */
  static boolean transientFailure(Throwable t) {
    return !(t instanceof BadRequestException
        || t instanceof AuthException
        || t instanceof ResourceNotFoundException
        || t instanceof ResourceConflictException
        || t instanceof UnprocessableEntityException
        || t instanceof MethodNotAllowedException
        || t instanceof LinkageError);
  }
}
