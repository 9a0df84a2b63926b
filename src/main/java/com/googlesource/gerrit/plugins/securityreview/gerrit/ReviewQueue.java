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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin's own bounded queue (a Gerrit {@link WorkQueue} named after the plugin, visible in
 * {@code gerrit show-queue}). Reviews that fail for a transient reason are tried again a bounded
 * number of times with a growing delay; a full queue drops the review with a log line.
 */
@Singleton
public class ReviewQueue implements LifecycleListener {
  private static final FluentLogger logger = FluentLogger.forEnclosingClass();

  private final WorkQueue workQueue;
  private final Settings settings;
  private final Reviewer reviewer;
  private final String pluginName;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile ScheduledExecutorService executor;
  private volatile ServerSettings server;

  @Inject
  ReviewQueue(WorkQueue workQueue, Settings settings, Reviewer reviewer, @PluginName String name) {
    this.workQueue = workQueue;
    this.settings = settings;
    this.reviewer = reviewer;
    this.pluginName = name;
  }

  @Override
  public void start() {
    server = settings.server();
    executor = workQueue.createQueue(server.threads(), pluginName);
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
            "security-review: plugin stopped with %d reviews queued; re-run them with"
                + " 'security-review scan' or POST .../security-review~run",
            dropped);
      }
    }
  }

  /** Queues a review and returns at once; never throws. */
  public boolean submit(ReviewRequest req) {
    ScheduledExecutorService e = executor;
    if (e == null) {
      logger.atWarning().log("security-review: %s: not queued, the plugin is stopping", req);
      return false;
    }
    if (pending.incrementAndGet() > server.queueSize()) {
      pending.decrementAndGet();
      logger.atSevere().log(
          "security-review: %s: not reviewed, the queue is full (%d; plugin.%s.queueSize)",
          req, server.queueSize(), pluginName);
      return false;
    }
    try {
      e.execute(() -> attempt(req, 0));
      return true;
    } catch (RuntimeException ex) {
      pending.decrementAndGet();
      logger.atSevere().withCause(ex).log("security-review: %s: could not be queued", req);
      return false;
    }
  }

  /** Reviews queued or running; 0 when the queue is idle. */
  public int pending() {
    return pending.get();
  }

  private void attempt(ReviewRequest req, int attempt) {
    boolean done = true;
    try {
      reviewer.run(req);
    } catch (Exception | LinkageError ex) {
      ScheduledExecutorService e = executor;
      if (!transientFailure(ex) || attempt >= server.retries() || e == null) {
        logger.atSevere().withCause(ex).log(
            "security-review: %s: review failed after %d attempts", req, attempt + 1);
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
        pending.decrementAndGet();
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
