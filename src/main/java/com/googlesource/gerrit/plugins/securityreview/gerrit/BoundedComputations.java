package com.googlesource.gerrit.plugins.securityreview.gerrit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Computations run on an executor for callers that wait a bounded time. Callers asking for the same
 * key share one computation; at most {@code maxPending} are queued or running at once, so that
 * requests cannot pile up work without end.
 */
final class BoundedComputations<K, V> {
  /** How a wait for a computation ended. */
  sealed interface Answer<V> {}

  record Done<V>(V value) implements Answer<V> {}

  /** Still computing when the wait ended; it goes on, and a later call finds its result. */
  record Pending<V>() implements Answer<V> {}

  /** Too many computations queued already: nothing was started. */
  record Busy<V>() implements Answer<V> {}

  private final Executor executor;
  private final int maxPending;
  private final Map<K, CompletableFuture<V>> running = new HashMap<>();

  BoundedComputations(Executor executor, int maxPending) {
    this.executor = executor;
    this.maxPending = maxPending;
  }

  /**
   * Waits up to {@code wait} for the computation of {@code key}, starting {@code task} unless one
   * is already running for it.
   *
   * @throws Exception what the task threw
   */
  Answer<V> await(K key, Callable<V> task, Duration wait) throws Exception {
    CompletableFuture<V> started = new CompletableFuture<>();
    CompletableFuture<V> future;
    synchronized (running) {
      future = running.get(key);
      if (future == null) {
        if (running.size() >= maxPending) {
          return new Busy<>();
        }
        running.put(key, started);
      }
    }
    if (future == null) {
      try {
        executor.execute(() -> run(key, task, started));
      } catch (RejectedExecutionException e) {
        forget(key, started);
        return new Busy<>();
      }
      future = started;
    }
    try {
      return new Done<>(future.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return new Pending<>();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Runs the task; forgets it before completing, so that a caller told its end can start anew. */
  private void run(K key, Callable<V> task, CompletableFuture<V> future) {
    try {
      V value = task.call();
      forget(key, future);
      future.complete(value);
    } catch (Throwable t) {
      forget(key, future);
      future.completeExceptionally(t);
    }
  }

  private void forget(K key, CompletableFuture<V> future) {
    synchronized (running) {
      running.remove(key, future);
    }
  }
}
