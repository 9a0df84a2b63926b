package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.ChangedFile;
import com.googlesource.gerrit.plugins.securityreview.gerrit.PatchSetReader.PatchSetFiles;
import com.googlesource.gerrit.plugins.securityreview.rules.Rules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a patch set and runs the engine over its files against their base versions, so that only
 * what the patch set introduces is reported.
 */
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
    Engine engine = new Engine(Rules.all(), settings.engineOptions());
    PatchSetFiles files = reader.read(project, commitId, engine.options(), server.maxFileSize());
    List<FileResult> results = new ArrayList<>();
    for (ChangedFile f : files.files()) {
      results.add(engine.analyze(f.path(), f.content(), f.changed(), f.base()));
    }
    return new Analysis(files, List.copyOf(results), settings);
  }
}
