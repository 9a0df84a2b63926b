package com.googlesource.gerrit.plugins.securityreview.gerrit;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gerrit.acceptance.PushOneCommit;
import com.google.gerrit.acceptance.TestPlugin;
import com.google.gerrit.acceptance.WaitUtil;
import com.google.gerrit.entities.Project;
import com.google.gerrit.testing.ConfigSuite;
import com.google.gerrit.testing.NoGitRepositoryCheckIfClosed;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.internal.storage.dfs.DfsBlockCache;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Config;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A burst of uploads on a real in-process Gerrit, twice: 100 changes of 5 patch sets each, pushed
 * from 4 threads. Every current patch set gets exactly one review and no patch set two, whatever
 * the queue could take at once (the sweep queues what it could not); and the heap after GC does not
 * grow from one burst to the next.
 *
 * <p>The heaviest test of the suite (a few minutes on two cores): {@code
 * -Dsecurity-review.skipBurst=true} skips it in local runs; CI runs it.
 */
@TestPlugin(
    name = ReviewAcceptanceTestBase.PLUGIN,
    sysModule = "com.googlesource.gerrit.plugins.securityreview.Module")
public class ReviewBurstAcceptanceTest extends ReviewAcceptanceTestBase {
  private static final int CHANGES = 100;
  private static final int PATCH_SETS = 5;
  private static final int THREADS = 4;
  private static final Duration REVIEWED_WITHIN = Duration.ofMinutes(4);

  /**
   * Most heap the reviews of a burst may add beyond what storing its uploads takes, 128 KiB a patch
   * set: their own messages and votes are stored too (about 60 KiB a review here), but not what a
   * review read or built.
   */
  private static final long MAX_REVIEW_HEAP = (128L << 10) * CHANGES * PATCH_SETS;

  @ConfigSuite.Default
  public static Config config() {
    // Two workers (the default) and no room for a review to wait: a burst overflows the queue at
    // once, and the sweep queues what it could not take.
    Config cfg = deliveryConfig();
    cfg.setInt("plugin", PLUGIN, "queueSize", 2);
    return cfg;
  }

  @BeforeClass
  public static void unlessSkipped() {
    Assume.assumeFalse(Boolean.getBoolean("security-review.skipBurst"));
  }

  // The check that every repository opened is closed keeps a stack trace of each opening until
  // the test ends: with thousands of reviews, most of the heap measured.
  @NoGitRepositoryCheckIfClosed
  @Test
  public void everyCurrentPatchSetIsReviewedOnceAndTheHeapStaysFlat() throws Exception {
    long deferred = queue().deferred();
    long before = heapAfterGc();
    reviewedBurst("a");
    long afterFirst = heapAfterGc();
    // The same uploads in a project the plugin does not review: what storing a burst takes (the
    // test server keeps repositories and index in memory).
    Project.NameKey unreviewed = projectOperations.newProject().create();
    setPluginEnabled(unreviewed, false);
    burst(unreviewed, "u");
    awaitIdle();
    sender.clear();
    long afterUnreviewed = heapAfterGc();
    reviewedBurst("b");
    long afterSecond = heapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "Bursts of %d patch sets (%d changes x %d) from %d threads: heap after GC (block cache"
            + " aside) %d MiB before,"
            + " %d MiB after the first reviewed burst, %d MiB after an unreviewed one, %d MiB"
            + " after the second reviewed one; %d reviews deferred by a full queue%n",
        CHANGES * PATCH_SETS,
        CHANGES,
        PATCH_SETS,
        THREADS,
        before >> 20,
        afterFirst >> 20,
        afterUnreviewed >> 20,
        afterSecond >> 20,
        queue().deferred() - deferred);
    long stored = afterUnreviewed - afterFirst;
    assertWithMessage("heap the second reviewed burst took beyond storing it (bytes)")
        .that((afterSecond - afterUnreviewed) - stored)
        .isLessThan(MAX_REVIEW_HEAP);
  }

  /** Uploads a burst, waits for its reviews and checks there is one per current patch set. */
  private void reviewedBurst(String name) throws Exception {
    List<String> changeIds = burst(project, name);
    for (String id : changeIds) {
      WaitUtil.waitUntil(() -> reviewed(id, PATCH_SETS), REVIEWED_WITHIN);
    }
    awaitIdle();
    for (String id : changeIds) {
      Map<Integer, Long> reviews = reviewsPerPatchSet(id);
      assertWithMessage("reviews per patch set of %s", id)
          .that(reviews.get(PATCH_SETS))
          .isEqualTo(1);
      assertWithMessage("reviews per patch set of %s", id)
          .that(reviews.values().stream().allMatch(n -> n == 1))
          .isTrue();
    }
    // The fake mail server keeps every notification; it is no part of what is measured.
    sender.clear();
  }

  /** Uploads {@value #CHANGES} changes from {@value #THREADS} threads; their Change-Ids. */
  private List<String> burst(Project.NameKey p, String name) throws Exception {
    List<TestRepository<?>> repos = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      repos.add(cloneProject(p, admin));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<String> changeIds = new ArrayList<>();
    try {
      List<Future<List<String>>> uploads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        TestRepository<?> repo = repos.get(t);
        String prefix = name + t;
        uploads.add(pool.submit(() -> uploadChanges(repo, prefix, CHANGES / THREADS)));
      }
      for (Future<List<String>> u : uploads) {
        changeIds.addAll(u.get());
      }
    } finally {
      pool.shutdownNow();
    }
    return changeIds;
  }

  /** Uploads changes of {@value #PATCH_SETS} patch sets each, one after the other. */
  private List<String> uploadChanges(TestRepository<?> repo, String prefix, int changes)
      throws Exception {
    List<String> changeIds = new ArrayList<>();
    for (int c = 0; c < changes; c++) {
      String path = "burst/" + prefix + "_" + c + ".py";
      PushOneCommit.Result r = upload(repo, "Burst " + prefix + c, Map.of(path, version(1)));
      for (int ps = 2; ps <= PATCH_SETS; ps++) {
        amend(repo, r, Map.of(path, version(ps)));
      }
      repo.reset("HEAD~1");
      changeIds.add(r.getChangeId());
    }
    return changeIds;
  }

  private static String version(int patchSet) {
    return SecurityReviewAcceptanceTest.CLEAN + "# patch set " + patchSet + "\n";
  }

  /**
   * The least heap left by a few full collections a moment apart, without JGit's block cache. Each
   * collection's own figure, not the heap in use after it: the test's sweeps, every second,
   * allocate as soon as a collection ends. And the block cache fills with every pack read up to its
   * limit (32 MiB), faster when reviews read the files: how full it happens to be is no part of
   * what a review keeps.
   */
  private static long heapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage afterGc = pool.getCollectionUsage();
        if (pool.getType() == MemoryType.HEAP && afterGc != null) {
          used += afterGc.getUsed();
        }
      }
      least = Math.min(least, used);
      Thread.sleep(200);
    }
    long blockCache = 0;
    for (long bytes : DfsBlockCache.getInstance().getCurrentSize()) {
      blockCache += bytes;
    }
    return least - blockCache;
  }
}
