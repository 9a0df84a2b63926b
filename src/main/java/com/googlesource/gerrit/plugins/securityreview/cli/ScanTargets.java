package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.googlesource.gerrit.plugins.securityreview.cli.ScanOptions.HELP_COMMAND;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which files a {@code scan} checks: those below the PATH arguments ({@link #walk}), or those a
 * change since a git ref touches ({@link #changedSince}), each with the path it is reported as and
 * the lines that count.
 */
final class ScanTargets implements AutoCloseable {

  /**
   * One file to check: where it is, how it is reported, which of its lines count, and with {@code
   * --diff} its base version (null for a plain scan).
   */
  record Target(Path file, String path, ChangedLines changed, Base base) {}

  /**
   * The base version of a {@code --diff} target, read when the file is checked: from git, one file
   * at a time, so that a scan holds the base contents of the files being checked, not of all.
   */
  @FunctionalInterface
  interface Base {
    BaseVersion read() throws GitDiff.GitException;
  }

  /**
   * What a change touches: the files to check, and how many files it touches in all (added,
   * modified, renamed or deleted; all of the checkout, whatever the paths and globs).
   */
  record Changes(List<Target> targets, int changedFiles) {}

  /** A command-line path: as given (for reporting), resolved, and its real location. */
  private record Root(String arg, String display, Path path, Path real) {}

  private final Path cwd;
  private final EngineOptions options;
  private final List<Problem> unreadable = new ArrayList<>();
  private final List<GitDiff.Blobs> blobReaders = new ArrayList<>();

  /**
   * @param cwd the folder relative paths are resolved against and reported relative to (absolute
   *     and normalized)
   * @param options the globs that admit files
   */
  ScanTargets(Path cwd, EngineOptions options) {
    this.cwd = cwd;
    this.options = options;
  }

  /** Ends the git processes that read the base versions of {@link #changedSince}'s targets. */
  @Override
  public void close() {
    blobReaders.forEach(GitDiff.Blobs::close);
    blobReaders.clear();
  }

  /** The files and folders below the paths that {@link #walk} could not read. */
  List<Problem> unreadable() {
    return List.copyOf(unreadable);
  }

  /**
   * Every file under the paths: a file as named (unless excluded), a folder walked for the files
   * the globs admit, sorted, hidden folders skipped. A file reached twice is checked once.
   *
   * @param found told of each file as the walk finds it, in the walk's order (a file reached twice
   *     among them), before the list is complete
   */
  List<Target> walk(List<String> paths, Consumer<Target> found) throws UsageException {
    List<Target> targets = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Root root : roots(paths)) {
      if (Files.isRegularFile(root.path())) {
        if (!excluded(root.display()) && seen.add(root.real())) {
          Target t = new Target(root.path(), root.display(), ChangedLines.ALL, null);
          found.accept(t);
          targets.add(t);
        }
        continue;
      }
      record Found(Target target, Path real) {}
      List<Found> inRoot = new ArrayList<>();
      try {
        Files.walkFileTree(
            root.path(),
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root.path()) && hidden(dir.getFileName())) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path rel = root.path().relativize(file);
                String display = join(root.display(), rel);
                // The walk's attributes are the entry's own: only a link needs a look at its
                // target.
                boolean regular =
                    attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                if (regular && options.accepts(display)) {
                  // The walk follows no link, so no folder below the root is one: the file's real
                  // path is the root's and the rest of its own, unless it is a link itself.
                  Path real = attrs.isSymbolicLink() ? realPath(file) : root.real().resolve(rel);
                  Target t = new Target(file, display, ChangedLines.ALL, null);
                  found.accept(t);
                  inRoot.add(new Found(t, real));
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Its files go unchecked: an error of the scan, not a warning.
                Path rel = root.path().relativize(file);
                String display =
                    rel.toString().isEmpty() ? root.display() : join(root.display(), rel);
                unreadable.add(new Problem(display, "cannot read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UsageException("cannot read folder " + root.arg() + ": " + e.getMessage());
      }
      inRoot.sort(Comparator.comparing(f -> f.target().path()));
      for (Found f : inRoot) {
        if (seen.add(f.real())) {
          targets.add(f.target());
        }
      }
    }
    return targets;
  }

  /**
   * The changed files under the paths, with their changed lines and base versions. The same filters
   * apply as for a walk: a changed file named on the command line is taken unless excluded; the
   * others must pass the globs and lie in no hidden folder below the path they were found under.
   *
   * <p>The engine sees every path, new, base and {@link BaseVersion#changedPaths}, in the form
   * findings are reported in (see {@link #display}), so that a change-level rule can compare them
   * and the test-path logic treats both versions of a file alike; from the top of the checkout
   * these are the repository paths the plugin uses.
   */
  Changes changedSince(String ref, List<String> paths) throws UsageException, GitDiff.GitException {
    // The paths are checked before git runs: a missing path is a usage error, not a git one.
    List<Root> roots = roots(paths);
    GitDiff.Result diff = GitDiff.changedSince(cwd, ref, paths);
    Path top = realPath(diff.topLevel());
    Path here = realPath(cwd);
    Set<String> displayed = new LinkedHashSet<>();
    for (String p : diff.changedPaths()) {
      displayed.add(display(roots, here, top.resolve(p).normalize()));
    }
    // One copy shared by every base version (BaseVersion keeps the set it is given when it is
    // immutable already), not one per file.
    Set<String> changedPaths = Set.copyOf(displayed);

    record Found(Path file, String path, GitDiff.FileChange change) {}
    List<Found> found = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Map.Entry<String, GitDiff.FileChange> e : diff.changed().entrySet()) {
      Path file = top.resolve(e.getKey()).normalize();
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !seen.add(file)) {
        continue;
      }
      for (Root root : roots) {
        if (!file.startsWith(root.real())) {
          continue;
        }
        Path rel = root.real().relativize(file);
        boolean named = rel.toString().isEmpty();
        String display = named ? root.display() : join(root.display(), rel);
        boolean take =
            named ? !excluded(display) : !inHiddenFolder(rel) && options.accepts(display);
        if (take) {
          found.add(new Found(file, display, e.getValue()));
        }
        break;
      }
    }

    GitDiff.Blobs blobs = new GitDiff.Blobs(top);
    blobReaders.add(blobs);
    List<Target> targets = new ArrayList<>();
    for (Found f : found) {
      GitDiff.FileChange c = f.change();
      Base base;
      if (c.baseBlob() == null) {
        BaseVersion added = BaseVersion.added(f.path(), changedPaths);
        base = () -> added;
      } else {
        String basePath = display(roots, here, top.resolve(c.basePath()).normalize());
        String blob = c.baseBlob();
        base = () -> new BaseVersion(basePath, blobs.read(blob), changedPaths);
      }
      targets.add(new Target(f.file(), f.path(), c.lines(), base));
    }
    targets.sort(Comparator.comparing(Target::path));
    return new Changes(List.copyOf(targets), diff.changedPaths().size());
  }

  private List<Root> roots(List<String> args) throws UsageException {
    List<Root> roots = new ArrayList<>();
    for (String arg : args) {
      Path given;
      try {
        given = Path.of(arg);
      } catch (InvalidPathException e) {
        throw new UsageException(
            "scan: invalid path '" + arg + "': " + e.getReason(), HELP_COMMAND);
      }
      Path resolved = cwd.resolve(given).normalize();
      if (!Files.exists(resolved)) {
        throw new UsageException("no such file or folder: " + arg, HELP_COMMAND);
      }
      if (!Files.isDirectory(resolved) && !Files.isRegularFile(resolved)) {
        throw new UsageException("not a regular file or folder: " + arg, HELP_COMMAND);
      }
      String display = slashes(given.normalize().toString());
      Path real;
      try {
        real = resolved.toRealPath();
      } catch (IOException e) {
        throw new UsageException("cannot read " + arg + ": " + e.getMessage(), HELP_COMMAND);
      }
      roots.add(new Root(arg, display, resolved, real));
    }
    return roots;
  }

  /**
   * How a file of the checkout (existing or not) is reported: below a path argument, relative to
   * the first one that holds it, as a walk reports it; elsewhere, relative to the current folder.
   */
  private static String display(List<Root> roots, Path here, Path file) {
    for (Root root : roots) {
      if (file.startsWith(root.real())) {
        Path rel = root.real().relativize(file);
        return rel.toString().isEmpty() ? root.display() : join(root.display(), rel);
      }
    }
    return slashes(here.relativize(file).toString());
  }

  private boolean excluded(String path) {
    return options.exclude().stream().anyMatch(g -> g.matches(path));
  }

  private static boolean inHiddenFolder(Path rel) {
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      if (hidden(rel.getName(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hidden(Path name) {
    return name != null && name.toString().startsWith(".") && !name.toString().equals("..");
  }

  private static String join(String base, Path rel) {
    String r = slashes(rel.toString());
    return base.isEmpty() ? r : base.endsWith("/") ? base + r : base + "/" + r;
  }

  private static String slashes(String p) {
    return p.replace('\\', '/');
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
