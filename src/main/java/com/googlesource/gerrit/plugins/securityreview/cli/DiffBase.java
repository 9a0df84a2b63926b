package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.GitDiff.GitException;
import com.googlesource.gerrit.plugins.securityreview.cli.GitDiff.Output;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code scan --diff} compares the working tree with: the REF given, or without one the base
 * of the next upload. That is where HEAD left the upstream branch ({@code @{upstream}}, else {@code
 * origin/HEAD}): the commits git-review would push, plus the uncommitted changes, each file against
 * its version there. Without either, {@code HEAD^}: the last commit; with no parent commit at all,
 * the empty tree: every file is new.
 *
 * @param ref what git diffs against: the REF as given, or the id of the base commit or empty tree
 * @param name how messages name the base: the REF, or e.g. {@code origin/master (merge base
 *     1a2b3c4)}
 * @param chosen for the next upload, how the base was chosen and what the diff holds, for a note on
 *     stderr; null for a REF given
 */
record DiffBase(String ref, String name, String chosen) {
  /** The upstream branches to compare with, in order: git's argument and how messages name it. */
  private record Upstream(String rev, String name) {}

  static DiffBase given(String ref) {
    return new DiffBase(ref, ref, null);
  }

  /**
   * The base of the next upload from the checkout {@code cwd} is in.
   *
   * @throws GitException when {@code cwd} is no git checkout, or HEAD and its upstream branch share
   *     no commit
   */
  static DiffBase nextUpload(Path cwd) throws GitException {
    GitDiff.topLevel(cwd);
    String head = commit(cwd, "HEAD");
    if (head == null) {
      return everyFileNew(cwd, "no commit yet: reviewing every file as new");
    }
    Upstream upstream = upstream(cwd);
    if (upstream != null) {
      Output mergeBase = GitDiff.git(cwd, List.of("merge-base", "HEAD", upstream.rev()));
      if (mergeBase.status() != 0) {
        throw new GitException(
            "--diff: HEAD and "
                + upstream.name()
                + " have no commit in common; name the base to compare with: --diff REF");
      }
      String base = mergeBase.out().strip();
      String name = upstream.name() + " (merge base " + abbreviate(base) + ")";
      int ahead = commitsSince(cwd, base);
      return new DiffBase(
          base,
          name,
          "reviewing "
              + commits(ahead)
              + " not yet on "
              + upstream.name()
              + " and the uncommitted changes, against their merge base "
              + abbreviate(base));
    }
    String parent = commit(cwd, "HEAD^");
    if (parent == null) {
      return everyFileNew(
          cwd,
          "no upstream branch, no origin/HEAD, and HEAD has no parent: reviewing every file as"
              + " new");
    }
    return new DiffBase(
        parent,
        "HEAD^ (" + abbreviate(parent) + ")",
        "no upstream branch and no origin/HEAD: reviewing the last commit and the uncommitted"
            + " changes, against HEAD^ ("
            + abbreviate(parent)
            + ")");
  }

  /**
   * For a REF given that leaves out commits of the next upload (such as {@code HEAD} after {@code
   * git commit}): which, and how to review them; null when it leaves out none, or git cannot tell.
   */
  String nextUploadHint(Path cwd) {
    if (chosen != null) {
      return null;
    }
    try {
      Upstream upstream = upstream(cwd);
      if (commit(cwd, "HEAD") == null || upstream == null) {
        return null;
      }
      Output mergeBase = GitDiff.git(cwd, List.of("merge-base", "HEAD", upstream.rev()));
      String sinceRef = commit(cwd, ref);
      if (mergeBase.status() != 0 || sinceRef == null) {
        return null;
      }
      int upload = commitsSince(cwd, mergeBase.out().strip());
      if (upload == 0 || commitsSince(cwd, sinceRef) >= upload) {
        return null;
      }
      return "HEAD has "
          + commits(upload)
          + " not yet on "
          + upstream.name()
          + ", which the diff from "
          + ref
          + " leaves out: 'scan --diff' without REF reviews "
          + (upload == 1 ? "it" : "them")
          + " and the uncommitted changes, as the next upload holds them";
    } catch (GitException e) {
      // Only a hint: the message it would extend stands on its own.
      return null;
    }
  }

  private static DiffBase everyFileNew(Path cwd, String chosen) throws GitException {
    // `git hash-object -t tree` names the empty tree in the repository's hash (SHA-1 or SHA-256).
    Output emptyTree = GitDiff.git(cwd, List.of("hash-object", "-t", "tree", "--stdin"));
    if (emptyTree.status() != 0) {
      throw new GitException("--diff: git hash-object failed: " + emptyTree.err().strip());
    }
    return new DiffBase(emptyTree.out().strip(), "the empty tree", chosen);
  }

  /** The branch HEAD tracks, else the remote's default branch; null when there is neither. */
  private static Upstream upstream(Path cwd) throws GitException {
    Output tracked =
        GitDiff.git(
            cwd, List.of("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"));
    if (tracked.status() == 0 && !tracked.out().isBlank()) {
      return new Upstream("@{upstream}", tracked.out().strip());
    }
    if (commit(cwd, "refs/remotes/origin/HEAD") == null) {
      return null;
    }
    Output target =
        GitDiff.git(cwd, List.of("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"));
    String name = target.status() == 0 ? target.out().strip() : "origin/HEAD";
    return new Upstream("refs/remotes/origin/HEAD", name);
  }

  /** The id of the commit {@code rev} names; null when it names none. */
  private static String commit(Path cwd, String rev) throws GitException {
    Output o = GitDiff.git(cwd, List.of("rev-parse", "--verify", "--quiet", rev + "^{commit}"));
    return o.status() == 0 ? o.out().strip() : null;
  }

  /** How many commits HEAD has that {@code base} lacks. */
  private static int commitsSince(Path cwd, String base) throws GitException {
    Output o = GitDiff.git(cwd, List.of("rev-list", "--count", base + "..HEAD"));
    if (o.status() != 0) {
      throw new GitException("--diff: git rev-list failed: " + o.err().strip());
    }
    return Integer.parseInt(o.out().strip());
  }

  private static String commits(int n) {
    return n + (n == 1 ? " commit" : " commits");
  }

  private static String abbreviate(String id) {
    return id.substring(0, Math.min(10, id.length()));
  }
}
