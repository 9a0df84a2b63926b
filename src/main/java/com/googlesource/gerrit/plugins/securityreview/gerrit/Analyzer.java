package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.DeepStack;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.gerrit.ReviewMetrics.Purpose;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Reads the files of a patch set ({@link PatchSetReader}) and analyzes them ({@link Analysis}).
 * What it finds is kept in the {@link FindingsCache}, so that the findings view can show a review's
 * findings without analysing the patch set again.
 */
@Singleton
public class Analyzer {
  private final PatchSetReader reader;
  private final FindingsCache cache;
  private final ReviewMetrics metrics;

  @Inject
  Analyzer(PatchSetReader reader, FindingsCache cache, ReviewMetrics metrics) {
    this.reader = reader;
    this.cache = cache;
    this.metrics = metrics;
  }

  /** The analysis of a review. */
  public Analysis analyze(
      Project.NameKey project, String commitId, ProjectSettings settings, ServerSettings server)
      throws IOException {
    return analyze(project, commitId, settings, server, Purpose.REVIEW);
  }

  Analysis analyze(
      Project.NameKey project,
      String commitId,
      ProjectSettings settings,
      ServerSettings server,
      Purpose purpose)
      throws IOException {
    long start = System.nanoTime();
    Engine engine =
        new Engine(
            Rules.all(),
            settings.engineOptions().withFileBudget(Duration.ofMillis(server.fileBudgetMillis())));
    PatchSetFiles files = reader.read(project, commitId, engine.options(), server.maxFileSize());
    Analysis analysis;
    try {
      analysis =
          DeepStack.call("security-review-analysis", () -> Analysis.of(engine, files, settings));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while analysing " + commitId);
    }
    metrics.analysed(purpose, System.nanoTime() - start);
    cache.put(cache.key(project, commitId, settings, server), FindingsCache.Findings.of(analysis));
    return analysis;
  }
}
