package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines changed in a git checkout since a ref: {@code git diff --unified=0} between the ref and
 * the working tree (staged and unstaged edits), plus the untracked files git does not ignore, which
 * count as wholly changed. Paths are relative to the top of the work tree, with {@code /}.
 */
final class GitDiff {
  private static final Pattern HUNK =
      Pattern.compile("^@@+ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@+");

  /**
   * The changed files and their changed lines (new-file line numbers); deleted files are absent.
   */
  record Result(Path topLevel, Map<String, ChangedLines> changed) {}

  /** Output of one git command. */
  record Output(int status, String out, String err) {}

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
   * Runs git in {@code cwd}. {@code pathspecs} limit the diff as they would on git's command line
   * (relative to {@code cwd}).
   */
  static Result changedSince(Path cwd, String ref, List<String> pathspecs)
      throws UsageException, GitException {
    if (ref.isEmpty() || ref.startsWith("-")) {
      throw new UsageException(
          "--diff needs a git ref (a commit, branch or tag), not '" + ref + "'",
          ScanCommand.HELP_COMMAND);
    }
    Output top = git(cwd, List.of("rev-parse", "--show-toplevel"));
    if (top.status() != 0) {
      throw new GitException(
          "--diff needs a git checkout, but "
              + cwd
              + " is not inside a git work tree ("
              + firstLine(top.err())
              + ")");
    }
    Path topLevel = Path.of(top.out().strip());

    List<String> diff =
        new ArrayList<>(
            List.of(
                "-c",
                "core.quotePath=false",
                "-c",
                "diff.relative=false",
                "-c",
                "diff.noprefix=false",
                "--literal-pathspecs",
                "diff",
                "--unified=0",
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
    Map<String, ChangedLines> changed = new LinkedHashMap<>();
    parse(d.out()).forEach((path, ranges) -> changed.put(path, ChangedLines.of(ranges)));

    List<String> others =
        new ArrayList<>(
            List.of(
                "--literal-pathspecs",
                "ls-files",
                "--others",
                "--exclude-standard",
                "--full-name",
                "-z",
                "--"));
    others.addAll(pathspecs);
    Output u = git(cwd, others);
    if (u.status() != 0) {
      throw new GitException("--diff: git ls-files failed: " + u.err().strip());
    }
    for (String path : u.out().split("\0")) {
      if (!path.isEmpty()) {
        changed.put(path, ChangedLines.ALL);
      }
    }
    return new Result(topLevel, changed);
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
      p.getOutputStream().close();
      // Read stderr on the side so that neither pipe can fill up and block git.
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
      drain.start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      int status = p.waitFor();
      drain.join();
      return new Output(
          status, new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
