package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import com.googlesource.gerrit.plugins.securityreview.testing.OnThread;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeepStackTest {
  /** Valid Python 1,400 levels deep (CPython accepts it). */
  private static final String DEEP = "handler = " + "lambda: ".repeat(1400) + "None\n";

  /** Smaller than any worker's, so that compiled code's smaller frames cannot make it fit. */
  private static final long SMALL_STACK = 128L << 10;

  private final Engine engine = new Engine(Rules.all(), EngineOptions.defaults());

  @Test
  void deepCodeOverflowsASmallStackButNotADeepOne() throws Exception {
    FileResult direct = OnThread.call(SMALL_STACK, this::analyzeDeep);
    assertThat(direct.findings()).isNotEmpty();
    assertThat(direct.findings().get(0).message()).contains("too complex");

    FileResult deep =
        OnThread.call(SMALL_STACK, () -> DeepStack.call("analysis", this::analyzeDeep));
    assertThat(deep.findings()).isEmpty();
    assertThat(deep.ruleFailures()).isEmpty();
  }

  @Test
  void whatTheWorkThrowsIsThrownToTheCaller() {
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                DeepStack.call(
                    "analysis",
                    () -> {
                      throw new IllegalStateException("broken rule");
                    }));
    assertThat(thrown).hasMessageThat().isEqualTo("broken rule");
    assertThrows(
        AssertionError.class,
        () ->
            DeepStack.call(
                "analysis",
                () -> {
                  throw new AssertionError("broken");
                }));
  }

  @Test
  void interruptedCallerInterruptsTheWork() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                DeepStack.call(
                    "analysis",
                    () -> {
                      worker.set(Thread.currentThread());
                      try {
                        Thread.sleep(60_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    });
              } catch (InterruptedException e) {
                // Interrupted, as the test wants.
              }
            });
    caller.start();
    while (worker.get() == null) {
      Thread.sleep(5);
    }
    caller.interrupt();
    caller.join(10_000);
    worker.get().join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(worker.get().isAlive()).isFalse();
  }

  private FileResult analyzeDeep() {
    return engine.analyze("handlers.py", DEEP.getBytes(UTF_8), ChangedLines.ALL);
  }
}
