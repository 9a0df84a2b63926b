package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed in a git checkout since a ref, file by file, as the plugin sees a patch set: the
 * working tree (staged and unstaged edits) against the ref, renames paired up. For each changed
 * file: its changed lines ({@code git diff --unified=0 -M}) and its base, the blob it had at the
 * ref under its old path ({@code git diff --raw}); untracked files that git does not ignore count
 * as added, wholly changed. Paths are relative to the top of the work tree, with {@code /}.
 */
final class GitDiff {
  private static final Pattern HUNK =
      Pattern.compile("^@@+ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@+");

  /** Settings a user's git config could change and the parsing relies on. */
  private static final List<String> CONFIG =
      List.of(
          "-c",
          "core.quotePath=false",
          "-c",
          "diff.relative=false",
          "-c",
          "diff.noprefix=false",
          "--literal-pathspecs");

  /**
   * One changed file.
   *
   * @param lines the changed lines of the new version (empty when the change only deletes lines)
   * @param basePath the file's path at the ref (another one when the change renames it); null when
   *     it has no base
   * @param baseBlob the id of the file's blob at the ref; null when it has no base: added since the
   *     ref, untracked, or at the ref not a regular file (a symbolic link, a submodule)
   */
  record FileChange(ChangedLines lines, String basePath, String baseBlob) {}

  /**
   * @param changed the changed files to check, by new path; deleted files, binary files and files
   *     that were only renamed or had their mode changed are absent
   * @param changedPaths every path the change touches: new paths, and deleted files by their old
   *     path (for the change-level rules)
   */
  record Result(Path topLevel, Map<String, FileChange> changed, Set<String> changedPaths) {}

  /** Output of one git command. */
  record Output(int status, String out, String err) {}

  /** Output of one git command, standard output as bytes. */
  private record BinaryOutput(int status, byte[] out, String err) {}

  /** One entry of {@code git diff --raw -z}: status letter, old side, paths. */
  record RawEntry(char status, String oldMode, String oldBlob, String oldPath, String newPath) {}

  /**
   * git is missing, the folder is no checkout, the ref is unknown: exit status 2, no usage hint.
   */
  static final class GitException extends Exception {
    private static final long serialVersionUID = 1L;

    GitException(String message) {
      super(message);
    }
  }

  private GitDiff() {}

  /**
   * Runs git in {@code cwd}. {@code pathspecs} limit the files whose lines are diffed, as they
   * would on git's command line (relative to {@code cwd}); renames, bases, untracked files and
   * {@link Result#changedPaths} are found in the whole work tree, as the change is the whole tree.
   */
  static Result changedSince(Path cwd, String ref, List<String> pathspecs)
      throws UsageException, GitException {
    if (ref.isEmpty() || ref.startsWith("-")) {
      throw new UsageException(
          "--diff needs a git ref (a commit, branch or tag), not '" + ref + "'",
          ScanOptions.HELP_COMMAND);
    }
    Path topLevel = topLevel(cwd);

    // Every changed path with its old side; -z: no quoting, any byte in a name.
    List<String> rawArgs = new ArrayList<>(CONFIG);
    rawArgs.addAll(
        List.of(
            "diff",
            "--raw",
            "-z",
            "--find-renames",
            "--no-abbrev",
            "--no-ext-diff",
            "--ignore-submodules",
            ref,
            "--"));
    Output raw = git(topLevel, rawArgs);
    if (raw.status() != 0) {
      throw new GitException(
          "--diff " + ref + ": git diff failed: " + raw.err().strip() + pathHint(cwd, ref));
    }
    Map<String, RawEntry> byNewPath = new HashMap<>();
    Set<String> changedPaths = new TreeSet<>();
    for (RawEntry e : parseRaw(raw.out())) {
      if (e.status() == 'D') {
        changedPaths.add(e.oldPath());
      } else {
        changedPaths.add(e.newPath());
        byNewPath.put(e.newPath(), e);
      }
    }

    List<String> diff = new ArrayList<>(CONFIG);
    diff.addAll(
        List.of(
            "diff",
            "--unified=0",
            "--find-renames",
            "--no-color",
            "--no-ext-diff",
            "--ignore-submodules",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            ref,
            "--"));
    diff.addAll(pathspecs);
    Output d = git(cwd, diff);
    if (d.status() != 0) {
      throw new GitException("--diff " + ref + ": git diff failed: " + d.err().strip());
    }
    Map<String, FileChange> changed = new LinkedHashMap<>();
    parse(d.out())
        .forEach(
            (path, ranges) -> {
              RawEntry e = byNewPath.get(path);
              boolean hasBase = e != null && hasBase(e);
              changed.put(
                  path,
                  new FileChange(
                      ChangedLines.of(ranges),
                      hasBase ? e.oldPath() : null,
                      hasBase ? e.oldBlob() : null));
            });

    // Run at the top: ls-files lists only what lies below the folder it runs in.
    Output u =
        git(
            topLevel,
            List.of("--literal-pathspecs", "ls-files", "--others", "--exclude-standard", "-z"));
    if (u.status() != 0) {
      throw new GitException("--diff: git ls-files failed: " + u.err().strip());
    }
    for (String path : u.out().split("\0")) {
      if (!path.isEmpty()) {
        changed.put(path, new FileChange(ChangedLines.ALL, null, null));
        changedPaths.add(path);
      }
    }
    return new Result(topLevel, changed, Collections.unmodifiableSet(changedPaths));
  }

  /**
   * For a REF git does not know that is a file or folder: how to name it as a PATH ({@code --diff}
   * takes the next argument as its REF).
   */
  private static String pathHint(Path cwd, String ref) {
    try {
      if (Files.exists(cwd.resolve(ref))) {
        return "; '"
            + ref
            + "' is a path, not a git ref: to review the next upload's changes below it, write"
            + " 'scan --diff -- "
            + ref
            + "'";
      }
    } catch (InvalidPathException e) {
      // Not a path either: git's message says it all.
    }
    return "";
  }

  /** The top of the work tree {@code cwd} is in. */
  static Path topLevel(Path cwd) throws GitException {
    Output top = git(cwd, List.of("rev-parse", "--show-toplevel"));
    if (top.status() != 0) {
      throw new GitException(
          "--diff needs a git checkout, but "
              + cwd
              + " is not inside a git work tree ("
              + firstLine(top.err())
              + ")");
    }
    return Path.of(top.out().strip());
  }

  /**
   * Whether the entry's old side is a file to compare with: a modified, renamed or retyped file
   * that was a regular file at the ref. An unmerged path has no old blob in the listing.
   */
  private static boolean hasBase(RawEntry e) {
    return (e.status() == 'M' || e.status() == 'R' || e.status() == 'T')
        && (e.oldMode().equals("100644") || e.oldMode().equals("100755"))
        && !e.oldBlob().matches("0+");
  }

  /**
   * Parses {@code git diff --raw -z}: {@code :OLDMODE NEWMODE OLDSHA NEWSHA STATUS\0PATH\0}, with a
   * second path (the new one) for renames and copies.
   */
  static List<RawEntry> parseRaw(String raw) {
    List<RawEntry> entries = new ArrayList<>();
    String[] fields = raw.split("\0", -1);
    int i = 0;
    while (i < fields.length && fields[i].startsWith(":")) {
      String[] head = fields[i].substring(1).split(" ");
      if (head.length < 5 || i + 1 >= fields.length) {
        break;
      }
      char status = head[4].charAt(0);
      String oldPath = fields[i + 1];
      String newPath = oldPath;
      i += 2;
      if ((status == 'R' || status == 'C') && i < fields.length) {
        newPath = fields[i++];
      }
      entries.add(new RawEntry(status, head[0], head[2], oldPath, newPath));
    }
    return entries;
  }

  /**
   * Reads blobs by id, one at a time, from one {@code git cat-file --batch} that runs until {@link
   * #close}: the base versions of a {@code --diff} are read as each file is checked and dropped
   * after it, instead of all being held from the start of the scan to its end. Thread-safe; git
   * starts on the first read.
   */
  static final class Blobs implements AutoCloseable {
    private final Path cwd;
    private Process process;
    private OutputStream toGit;
    private InputStream fromGit;
    private Thread drain;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean closed;

    Blobs(Path cwd) {
      this.cwd = cwd;
    }

    /**
     * The blob's content.
     *
     * @throws GitException when git fails or lacks the blob
     */
    synchronized byte[] read(String id) throws GitException {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (process == null) {
        start();
      }
      try {
        toGit.write((id + "\n").getBytes(StandardCharsets.UTF_8));
        toGit.flush();
        // "ID TYPE SIZE\n", SIZE bytes, "\n"; or "NAME missing\n".
        String header = line();
        if (header == null) {
          throw failed("git cat-file ended early, before " + id);
        }
        String[] fields = header.split(" ");
        if (fields.length != 3) {
          throw new GitException("--diff: git cannot read the blob " + id + " of the base");
        }
        int size = Integer.parseInt(fields[2]);
        byte[] content = fromGit.readNBytes(size);
        if (content.length != size || fromGit.read() != '\n') {
          throw failed("git cat-file ended early, in " + id);
        }
        return content;
      } catch (IOException e) {
        throw failed("git cat-file failed: " + e.getMessage());
      }
    }

    private void start() throws GitException {
      ProcessBuilder pb = new ProcessBuilder("git", "cat-file", "--batch").directory(cwd.toFile());
      pb.environment().put("GIT_TERMINAL_PROMPT", "0");
      try {
        process = pb.start();
      } catch (IOException e) {
        throw new GitException("--diff needs git, which could not be run: " + e.getMessage());
      }
      toGit = new BufferedOutputStream(process.getOutputStream());
      fromGit = new BufferedInputStream(process.getInputStream(), 1 << 16);
      Process p = process;
      drain =
          new Thread(
              () -> {
                try (InputStream in = p.getErrorStream()) {
                  byte[] buffer = new byte[4096];
                  int n;
                  while ((n = in.read(buffer)) > 0) {
                    synchronized (err) {
                      err.write(buffer, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // git has gone: its status says how.
                }
              },
              "git-stderr");
      drain.setDaemon(true);
      drain.start();
    }

    /** One header line of git's output, without its newline; null at the end of the output. */
    private String line() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream(80);
      int c;
      while ((c = fromGit.read()) != '\n') {
        if (c < 0) {
          return null;
        }
        b.write(c);
      }
      return b.toString(StandardCharsets.UTF_8);
    }

    private GitException failed(String what) {
      String stderr;
      synchronized (err) {
        stderr = err.toString(StandardCharsets.UTF_8).strip();
      }
      return new GitException("--diff: " + what + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    /** Ends git: its input closed, it exits. */
    @Override
    public synchronized void close() {
      closed = true;
      if (process == null) {
        return;
      }
      try {
        toGit.close();
      } catch (IOException e) {
        // git has gone already.
      }
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroy();
        }
        drain.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
      }
    }
  }

  /**
   * Parses {@code git diff --unified=0} output into the added lines of each file, as ranges {@code
   * {first, last}}. A file that is deleted, binary or changed in mode only is absent or has no
   * ranges; a pure deletion hunk ({@code +c,0}) adds no line.
   */
  static Map<String, List<int[]>> parse(String diff) {
    Map<String, List<int[]>> files = new LinkedHashMap<>();
    String current = null;
    boolean header = false;
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("diff ")) {
        header = true;
        current = null;
      } else if (header && line.startsWith("+++ ")) {
        String name = unquote(line.substring(4).stripTrailing());
        if (name.equals("/dev/null")) {
          current = null;
        } else {
          current = name.startsWith("b/") ? name.substring(2) : name;
          files.computeIfAbsent(current, k -> new ArrayList<>());
        }
      } else if (line.startsWith("@@")) {
        header = false;
        Matcher m = HUNK.matcher(line);
        if (current != null && m.find()) {
          int start = Integer.parseInt(m.group(1));
          int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
          if (count > 0) {
            files.get(current).add(new int[] {start, start + count - 1});
          }
        }
      }
      // Anything else is a header line we do not need or a hunk line ('+', '-', ' ', '\').
    }
    return files;
  }

  /** Undoes git's C-style quoting of an unusual path ({@code "b/na\"me.py"}, octal bytes). */
  static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length() - 1) {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> bytes.write('\n');
        case 't' -> bytes.write('\t');
        case 'r' -> bytes.write('\r');
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write('\b');
        case 'f' -> bytes.write('\f');
        case 'v' -> bytes.write(11);
        default -> {
          if (n >= '0' && n <= '7' && i + 2 < s.length() - 1) {
            bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
            i += 2;
          } else {
            bytes.write(n);
          }
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code git ARGS} in {@code cwd}; failing to start git at all is a usage error. */
  static Output git(Path cwd, List<String> args) throws GitException {
    BinaryOutput o = run(cwd, args, new byte[0]);
    return new Output(o.status(), new String(o.out(), StandardCharsets.UTF_8), o.err());
  }

  /** Runs {@code git ARGS} in {@code cwd} with {@code stdin} as its input. */
  private static BinaryOutput run(Path cwd, List<String> args, byte[] stdin) throws GitException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException("--diff needs git, which could not be run: " + e.getMessage());
    }
    try {
      // Feed stdin and read stderr on the side, so that no pipe can fill up and block git.
      Thread feed =
          new Thread(
              () -> {
                try (OutputStream o = p.getOutputStream()) {
                  o.write(stdin);
                } catch (IOException e) {
                  // git stopped reading (it failed): its status and stderr say why.
                }
              },
              "git-stdin");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread drain =
          new Thread(
              () -> {
                try (InputStream in = p.getErrorStream()) {
                  in.transferTo(err);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              "git-stderr");
      feed.start();
      drain.start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      int status = p.waitFor();
      feed.join();
      drain.join();
      return new BinaryOutput(status, out, err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GitException("--diff: reading git's output failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new GitException("--diff: interrupted while waiting for git");
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
