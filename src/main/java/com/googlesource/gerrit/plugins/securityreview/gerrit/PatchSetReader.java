package com.googlesource.gerrit.plugins.securityreview.gerrit;

import com.google.gerrit.entities.Project;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
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
 * Reads the files a patch set adds or modifies, with their new content, the lines changed against
 * the patch set's first parent (a root commit: against the empty tree), as Gerrit shows them by
 * default, and their base version in that parent. Merge commits are not read (see {@link
 * PatchSetFiles#merge()}): their diff against the first parent is the whole merged-in history, not
 * the author's work.
 */
@Singleton
public class PatchSetReader {
  /**
   * A file to check.
   *
   * @param base the file in the first parent (under its old path when renamed; null content when
   *     added), or null when the base cannot be compared (larger than the size limit, binary, not a
   *     regular file): then every finding on a changed line counts as new
   */
  public record ChangedFile(String path, byte[] content, ChangedLines changed, BaseVersion base) {}

  /** A file the globs admit but that is not checked, and why. */
  public record SkippedFile(String path, String reason) {}

  /**
   * @param changedPaths every path the patch set touches, whatever the globs: new paths, and
   *     deleted files by their old path
   */
  public record PatchSetFiles(
      List<ChangedFile> files, List<SkippedFile> skipped, boolean merge, Set<String> changedPaths) {
    public PatchSetFiles {
      changedPaths = Set.copyOf(changedPaths);
    }
  }

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
        return new PatchSetFiles(List.of(), List.of(), true, Set.of());
      }
      AbstractTreeIterator base =
          commit.getParentCount() == 0
              ? new EmptyTreeIterator()
              : new CanonicalTreeParser(
                  null, reader, rw.parseCommit(commit.getParent(0)).getTree());
      df.setRepository(repo);
      df.setDetectRenames(true);
      List<DiffEntry> entries =
          df.scan(base, new CanonicalTreeParser(null, reader, commit.getTree()));
      Set<String> changedPaths = new LinkedHashSet<>();
      for (DiffEntry e : entries) {
        changedPaths.add(isDeleted(e) ? e.getOldPath() : e.getNewPath());
      }
      List<ChangedFile> files = new ArrayList<>();
      List<SkippedFile> skipped = new ArrayList<>();
      for (DiffEntry e : entries) {
        boolean deleted = isDeleted(e);
        String path = deleted ? e.getOldPath() : e.getNewPath();
        if (!options.accepts(path)) {
          continue;
        }
        if (deleted) {
          skipped.add(new SkippedFile(path, "deleted"));
          continue;
        }
        if (!isRegularFile(e.getNewMode())) {
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
        files.add(
            new ChangedFile(
                path,
                content,
                changedLines(df, e),
                baseVersion(reader, e, changedPaths, maxFileSize)));
      }
      return new PatchSetFiles(List.copyOf(files), List.copyOf(skipped), false, changedPaths);
    }
  }

  private static boolean isDeleted(DiffEntry e) {
    return e.getChangeType() == DiffEntry.ChangeType.DELETE;
  }

  private static boolean isRegularFile(FileMode mode) {
    return mode.getObjectType() == Constants.OBJ_BLOB && mode != FileMode.SYMLINK;
  }

  /**
   * The file before the change. A base that cannot be read as Python text (too large, binary, a
   * symlink) gives no comparison rather than an empty one, which would claim the file is new.
   */
  private static BaseVersion baseVersion(
      ObjectReader reader, DiffEntry e, Set<String> changedPaths, long maxFileSize)
      throws IOException {
    if (e.getChangeType() == DiffEntry.ChangeType.ADD) {
      return BaseVersion.added(e.getNewPath(), changedPaths);
    }
    if (!isRegularFile(e.getOldMode())) {
      return null;
    }
    ObjectLoader loader = reader.open(e.getOldId().toObjectId());
    if (loader.getSize() > maxFileSize) {
      return null;
    }
    byte[] content = loader.getCachedBytes();
    return RawText.isBinary(content)
        ? null
        : new BaseVersion(e.getOldPath(), content, changedPaths);
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
