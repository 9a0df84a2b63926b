package com.googlesource.gerrit.plugins.securityreview.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs an analysis on a thread of its own whose stack holds the deepest code the parser accepts.
 * The parser and the tree walks recurse over nested source; on a server's ordinary worker thread
 * (often 512 KiB to 1 MiB of stack) valid code 1,400 levels deep would overflow, and be reported as
 * too complex instead of checked.
 */
public final class DeepStack {
  /**
   * Enough for the nesting the parser admits (CPython's limits) and every walk over its tree. Only
   * reserved: the pages a shallow file does not reach are never touched.
   */
  public static final long STACK_SIZE = 256L << 20;

  private DeepStack() {}

  /**
   * Runs {@code work} on a new thread named {@code name} with a {@link #STACK_SIZE} stack and waits
   * for it. What {@code work} throws is thrown here; when the caller is interrupted while waiting,
   * the work is interrupted too.
   */
  public static <T> T call(String name, Supplier<T> work) throws InterruptedException {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(null, task, name, STACK_SIZE);
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get();
    } catch (InterruptedException e) {
      task.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      // A Supplier throws no checked exception.
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) cause;
    }
  }
}
