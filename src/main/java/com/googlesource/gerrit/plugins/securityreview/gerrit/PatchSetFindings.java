package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.gerrit.extensions.restapi.ResourceConflictException;
import com.google.gerrit.server.quota.QuotaException;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Answer;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Busy;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Done;
import com.googlesource.gerrit.plugins.securityreview.gerrit.BoundedComputations.Pending;
import com.googlesource.gerrit.plugins.securityreview.gerrit.FindingsCache.Findings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewMetrics.Purpose;
import java.util.Optional;

/**
 * The findings of a patch set for a request thread, which never analyses itself: from the {@link
 * FindingsCache}, where the review put them, or computed on the {@link FindingsQueue} and waited
 * for a bounded time.
 */
@Singleton
class PatchSetFindings {
  private final FindingsCache cache;
  private final FindingsQueue queue;
  private final Analyzer analyzer;

  @Inject
  PatchSetFindings(FindingsCache cache, FindingsQueue queue, Analyzer analyzer) {
    this.cache = cache;
    this.queue = queue;
    this.analyzer = analyzer;
  }

  Optional<Findings> cached(
      Project.NameKey project, String commit, ProjectSettings settings, ServerSettings server) {
    return cache.get(cache.key(project, commit, settings, server));
  }

  /** Computed on the findings queue; pending when the wait ends first, busy when it is full. */
  Answer<Findings> computed(
      Project.NameKey project, String commit, ProjectSettings settings, ServerSettings server)
      throws Exception {
    return queue.await(
        cache.key(project, commit, settings, server),
        () -> Findings.of(analyzer.analyze(project, commit, settings, server, Purpose.FINDINGS)));
  }

  /** The answer to a request that found the findings queue full ({@code 429}). */
  static QuotaException busy() {
    return new QuotaException(
        "security-review: "
            + FindingsQueue.MAX_PENDING
            + " analyses are queued already; ask again later");
  }

  /**
   * The findings of patch set {@code patchSet}, for a request that cannot do without them: a
   * conflict while they are being computed, a 429 when the queue is full.
   */
  Findings require(
      Project.NameKey project,
      String commit,
      int patchSet,
      ProjectSettings settings,
      ServerSettings server)
      throws Exception {
    Optional<Findings> cached = cached(project, commit, settings, server);
    if (cached.isPresent()) {
      return cached.get();
    }
    return switch (computed(project, commit, settings, server)) {
      case Done<Findings> done -> done.value();
      case Pending<Findings> pending ->
          throw new ResourceConflictException(
              "patch set " + patchSet + " is still being analysed; try again in a few seconds");
      case Busy<Findings> busy -> throw busy();
    };
  }
}
