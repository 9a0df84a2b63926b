package com.googlesource.gerrit.plugins.securityreview.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs test code on a thread with a stack of a chosen size, as a server's worker would. */
public final class OnThread {
  private OnThread() {}

  /** {@code work}'s result; what it throws (an error such as a stack overflow too) is rethrown. */
  public static <T> T call(long stackSize, Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.call());
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "test-stack-" + (stackSize >> 10) + "k",
            stackSize);
    t.start();
    t.join();
    Throwable e = thrown.get();
    if (e instanceof Exception ex) {
      throw ex;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return result.get();
  }
}
