package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads the files a patch set adds or modifies, with their new content and the lines changed
 * against the patch set's first parent (a root commit: against the empty tree), as Gerrit shows
 * them by default. Merge commits are not read (see {@link PatchSetFiles#merge()}): their diff
 * against the first parent is the whole merged-in history, not the author's work.
 */
@Singleton
public class PatchSetReader {
  /** A file to check. */
  public record ChangedFile(String path, byte[] content, ChangedLines changed) {}

  /** A file the globs admit but that is not checked, and why. */
  public record SkippedFile(String path, String reason) {}

  public record PatchSetFiles(List<ChangedFile> files, List<SkippedFile> skipped, boolean merge) {}

  private final GitRepositoryManager repoManager;

  @Inject
  PatchSetReader(GitRepositoryManager repoManager) {
    this.repoManager = repoManager;
  }

  public PatchSetFiles read(
      Project.NameKey project, String commitId, EngineOptions options, long maxFileSize)
      throws IOException {
    try (Repository repo = repoManager.openRepository(project);
        RevWalk rw = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      RevCommit commit = rw.parseCommit(ObjectId.fromString(commitId));
      if (commit.getParentCount() > 1) {
        return new PatchSetFiles(List.of(), List.of(), true);
      }
      AbstractTreeIterator base =
          commit.getParentCount() == 0
              ? new EmptyTreeIterator()
              : new CanonicalTreeParser(
                  null, reader, rw.parseCommit(commit.getParent(0)).getTree());
      df.setRepository(repo);
      df.setDetectRenames(true);
      List<ChangedFile> files = new ArrayList<>();
      List<SkippedFile> skipped = new ArrayList<>();
      for (DiffEntry e : df.scan(base, new CanonicalTreeParser(null, reader, commit.getTree()))) {
        boolean deleted = e.getChangeType() == DiffEntry.ChangeType.DELETE;
        String path = deleted ? e.getOldPath() : e.getNewPath();
        if (!options.accepts(path)) {
          continue;
        }
        if (deleted) {
          skipped.add(new SkippedFile(path, "deleted"));
          continue;
        }
        if (e.getNewMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB
            || e.getNewMode() == FileMode.SYMLINK) {
          skipped.add(new SkippedFile(path, "not a regular file"));
          continue;
        }
        ObjectLoader loader = reader.open(e.getNewId().toObjectId());
        if (loader.getSize() > maxFileSize) {
          skipped.add(
              new SkippedFile(
                  path, "larger than " + maxFileSize + " bytes (" + loader.getSize() + ")"));
          continue;
        }
        byte[] content = loader.getCachedBytes();
        if (RawText.isBinary(content)) {
          skipped.add(new SkippedFile(path, "binary"));
          continue;
        }
        files.add(new ChangedFile(path, content, changedLines(df, e)));
      }
      return new PatchSetFiles(List.copyOf(files), List.copyOf(skipped), false);
    }
  }

  private static ChangedLines changedLines(DiffFormatter df, DiffEntry e) throws IOException {
    if (e.getChangeType() == DiffEntry.ChangeType.ADD) {
      return ChangedLines.ALL;
    }
    List<int[]> ranges = new ArrayList<>();
    for (Edit edit : df.toFileHeader(e).toEditList()) {
      // B side, 0-based with exclusive end: lines beginB+1 .. endB, 1-based inclusive.
      if (edit.getEndB() > edit.getBeginB()) {
        ranges.add(new int[] {edit.getBeginB() + 1, edit.getEndB()});
      }
    }
    return ChangedLines.of(ranges);
  }
}
