package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.ProjectSettings;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.IOException;
import java.time.Duration;

/** Reads the files of a patch set ({@link PatchSetReader}) and analyzes them ({@link Analysis}). */
@Singleton
public class Analyzer {
  private final PatchSetReader reader;

  @Inject
  Analyzer(PatchSetReader reader) {
    this.reader = reader;
  }

  public Analysis analyze(
      Project.NameKey project, String commitId, ProjectSettings settings, ServerSettings server)
      throws IOException {
    Engine engine =
        new Engine(
            Rules.all(),
            settings.engineOptions().withFileBudget(Duration.ofMillis(server.fileBudgetMillis())));
    PatchSetFiles files = reader.read(project, commitId, engine.options(), server.maxFileSize());
    return Analysis.of(engine, files, settings);
  }
}
