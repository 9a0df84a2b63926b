package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Busy;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Done;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Pending;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

public class BoundedComputationsTest {
  private static final Duration SHORT = Duration.ofMillis(50);
  private static final Duration LONG = Duration.ofSeconds(30);

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger runs = new AtomicInteger();

  @After
  public void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  private String slow() throws InterruptedException {
    runs.incrementAndGet();
    release.await();
    return "result";
  }

  @Test
  public void aSlowComputationIsPendingAndSharedByTheNextCaller() throws Exception {
    BoundedComputations<String, String> c = new BoundedComputations<>(executor, 4);
    assertThat(c.await("k", this::slow, SHORT)).isInstanceOf(Pending.class);
    assertThat(c.await("k", this::slow, SHORT)).isInstanceOf(Pending.class);
    // The second call joined the first computation.
    assertThat(runs.get()).isEqualTo(1);
    release.countDown();
    assertThat(c.await("k", this::slow, LONG)).isEqualTo(new Done<>("result"));
  }

  @Test
  public void beyondTheBoundNothingStarts() throws Exception {
    BoundedComputations<String, String> c = new BoundedComputations<>(executor, 2);
    assertThat(c.await("a", this::slow, SHORT)).isInstanceOf(Pending.class);
    assertThat(c.await("b", this::slow, SHORT)).isInstanceOf(Pending.class);
    assertThat(c.await("c", this::slow, SHORT)).isInstanceOf(Busy.class);
    // The key already running is still answered.
    assertThat(c.await("a", this::slow, SHORT)).isInstanceOf(Pending.class);
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  public void aFailureReachesTheCallerAndIsNotKept() throws Exception {
    BoundedComputations<String, String> c = new BoundedComputations<>(executor, 1);
    assertThrows(
        IOException.class,
        () ->
            c.await(
                "k",
                () -> {
                  throw new IOException("missing commit");
                },
                LONG));
    assertThat(c.await("k", () -> "again", LONG)).isEqualTo(new Done<>("again"));
  }
}
