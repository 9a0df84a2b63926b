package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.git;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.Run;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --diff} without REF: what the next upload holds, in real git repositories cloned as a
 * contributor clones one, and why a diff with nothing to scan has nothing.
 */
class ScanDiffTest {
  @TempDir Path tmp;

  private static Run scan(Path cwd, String... args) {
    return ScanTesting.scan(TestRules.all(), cwd, args);
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
  }

  /** The findings as {@code PATH:LINE:COL: ID}. */
  private static List<String> findings(Run r) {
    return r.findingLines().stream().map(l -> l.substring(0, l.indexOf(" ["))).toList();
  }

  private static String head(Path repo, String rev) throws Exception {
    return git(repo, "rev-parse", rev).strip();
  }

  /** The project as the server has it: one commit on main. */
  private Path upstream() throws Exception {
    Path origin = tmp.resolve("origin");
    Files.createDirectories(origin);
    git(origin, "init", "-q");
    write(origin.resolve("pkg/agent.py"), "danger()\nx = 1\n");
    write(origin.resolve("pkg/util.py"), "y = 2\n");
    write(origin.resolve("README.rst"), "Agent\n");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "base");
    return origin;
  }

  /** A contributor's clone of {@code origin}: origin/HEAD is origin/main, main tracks it. */
  private Path clone(Path origin) throws Exception {
    git(tmp, "clone", "-q", origin.toString(), "work");
    return tmp.resolve("work");
  }

  /** Commits a change of pkg/util.py that adds a TST100 finding on its line 2. */
  private static void commitAFinding(Path repo) throws Exception {
    write(repo.resolve("pkg/util.py"), "y = 2\ndanger()\n");
    git(repo, "commit", "-q", "-am", "a finding");
  }

  @Test
  void withoutRef_reviewsTheCommitsNotOnTheUpstreamBranch_andTheUncommittedChanges()
      throws Exception {
    Path work = clone(upstream());
    // git-review's flow: a topic branch that tracks the remote branch, changes committed.
    git(work, "checkout", "-q", "-b", "topic", "origin/main");
    write(work.resolve("pkg/agent.py"), "danger()\nx = 1\ndanger()  # committed\n");
    git(work, "commit", "-q", "-am", "first");
    write(work.resolve("pkg/util.py"), "y = 2\nrisky()  # second commit\n");
    git(work, "commit", "-q", "-am", "second");
    write(work.resolve("pkg/agent.py"), "danger()\nx = 1\ndanger()  # committed\nmeh()\n");
    write(work.resolve("pkg/new.py"), "danger()\n");

    Run r = scan(work, "--diff");

    assertWithMessage(r.err()).that(r.status()).isEqualTo(1);
    assertThat(findings(r))
        .containsExactly(
            "pkg/agent.py:3:1: TST100",
            "pkg/agent.py:4:1: TST102",
            "pkg/new.py:1:1: TST100",
            "pkg/util.py:2:1: TST101")
        .inOrder();
    assertThat(r.summary()).startsWith("3 files scanned, 4 findings");
    assertThat(r.summary()).contains("1 on unchanged lines");
    String mergeBase = head(work, "origin/main").substring(0, 10);
    assertThat(r.err())
        .isEqualTo(
            "security-review: --diff: reviewing 2 commits not yet on origin/main and the"
                + " uncommitted changes, against their merge base "
                + mergeBase
                + "\n");

    // The same change with the REF spelt out, and the usual mistake: only the uncommitted part.
    assertThat(findings(scan(work, "--diff", "origin/main"))).isEqualTo(findings(r));
    assertThat(findings(scan(work, "--diff", "HEAD")))
        .containsExactly("pkg/agent.py:4:1: TST102", "pkg/new.py:1:1: TST100")
        .inOrder();
  }

  @Test
  void withoutRef_comparesWithTheMergeBase_notWithWhereTheUpstreamBranchMovedSince()
      throws Exception {
    Path origin = upstream();
    Path work = clone(origin);
    git(work, "checkout", "-q", "-b", "topic", "origin/main");
    commitAFinding(work);
    // Others merge into main meanwhile, and the contributor fetches.
    write(origin.resolve("pkg/agent.py"), "x = 1\n");
    write(origin.resolve("pkg/other.py"), "danger()\n");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "theirs");
    git(work, "fetch", "-q");

    Run r = scan(work, "--diff");

    assertThat(findings(r)).containsExactly("pkg/util.py:2:1: TST100");
    assertThat(r.summary()).startsWith("1 file scanned");
    assertThat(r.err()).contains("reviewing 1 commit not yet on origin/main");
    // Against the branch's tip, their change would look like one of ours, undone.
    assertThat(scan(work, "--diff", "origin/main").summary()).startsWith("2 files scanned");
  }

  @Test
  void withoutRef_onABranchWithoutUpstream_comparesWithOriginHead() throws Exception {
    Path work = clone(upstream());
    git(work, "checkout", "-q", "-b", "topic");
    assertThat(scan(work, "--diff").err()).contains("no file changed between origin/main");
    commitAFinding(work);

    Run r = scan(work, "--diff");

    assertThat(findings(r)).containsExactly("pkg/util.py:2:1: TST100");
    assertThat(r.err()).contains("reviewing 1 commit not yet on origin/main");
  }

  @Test
  void withoutRef_noUpstreamAndNoOrigin_reviewsTheLastCommit() throws Exception {
    Path repo = upstream();
    commitAFinding(repo);
    write(repo.resolve("pkg/agent.py"), "danger()\nx = 1\nmeh()\n");

    Run r = scan(repo, "--diff");

    assertThat(findings(r))
        .containsExactly("pkg/agent.py:3:1: TST102", "pkg/util.py:2:1: TST100")
        .inOrder();
    assertThat(r.err())
        .isEqualTo(
            "security-review: --diff: no upstream branch and no origin/HEAD: reviewing the last"
                + " commit and the uncommitted changes, against HEAD^ ("
                + head(repo, "HEAD^").substring(0, 10)
                + ")\n");
  }

  @Test
  void withoutRef_firstCommitOrNoCommitYet_everyFileIsNew() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    write(repo.resolve("a.py"), "danger()\n");

    Run none = scan(repo, "--diff");
    assertThat(findings(none)).containsExactly("a.py:1:1: TST100");
    assertThat(none.err())
        .isEqualTo("security-review: --diff: no commit yet: reviewing every file as new\n");

    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    Run first = scan(repo, "--diff");
    assertThat(findings(first)).containsExactly("a.py:1:1: TST100");
    assertThat(first.err()).contains("HEAD has no parent: reviewing every file as new");
  }

  @Test
  void withoutRef_upstreamWithNoCommonCommit_exit2() throws Exception {
    Path repo = upstream();
    git(repo, "checkout", "-q", "--orphan", "unrelated");
    git(repo, "commit", "-q", "-m", "unrelated");
    git(repo, "branch", "-q", "--set-upstream-to=main");

    Run r = scan(repo, "--diff");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "security-review: --diff: HEAD and main have no commit in common; name the base to"
                + " compare with: --diff REF\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void withoutRef_outsideAGitCheckout_exit2() throws IOException {
    Path plain = tmp.resolve("plain");
    Files.createDirectories(plain);
    Run r = scan(plain, "--diff");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--diff needs a git checkout");
  }

  // ---------------------------------------------------------------- nothing to scan

  @Test
  void nothingToScan_afterCommitting_withRefHead_saysWhy_andPointsToTheNextUpload()
      throws Exception {
    Path work = clone(upstream());
    git(work, "checkout", "-q", "-b", "topic", "origin/main");
    commitAFinding(work);

    Run r = scan(work, "--diff", "HEAD");

    assertThat(r.status()).isEqualTo(0);
    assertThat(r.summary()).startsWith("0 files scanned");
    assertThat(r.err())
        .isEqualTo(
            "security-review: warning: --diff: nothing to scan: no file changed between HEAD and"
                + " the working tree; HEAD has 1 commit not yet on origin/main, which the diff"
                + " from HEAD leaves out: 'scan --diff' without REF reviews it and the"
                + " uncommitted changes, as the next upload holds them\n");
  }

  @Test
  void nothingToScan_everythingUploaded_namesTheBase() throws Exception {
    Path work = clone(upstream());
    Run r = scan(work, "--diff");
    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err())
        .endsWith(
            "security-review: warning: --diff: nothing to scan: no file changed between"
                + " origin/main (merge base "
                + head(work, "HEAD").substring(0, 10)
                + ") and the working tree\n");
  }

  @Test
  void nothingToScan_onlyOtherFilesChanged_saysWhichFilesCount() throws Exception {
    Path work = clone(upstream());
    write(work.resolve("README.rst"), "Agent, now documented\n");
    write(work.resolve("pkg/agent.py"), "danger()\nx = 1\ndanger()\n");
    git(work, "rm", "-q", "pkg/util.py");

    Run r = scan(work, "--diff", "--exclude", "pkg/agent.py");

    assertThat(r.status()).isEqualTo(0);
    assertThat(r.err())
        .endsWith(
            "security-review: warning: --diff: nothing to scan: 3 files changed between"
                + " origin/main (merge base "
                + head(work, "HEAD").substring(0, 10)
                + ") and the working tree, but none of them is an added or modified file below"
                + " . that the include globs (**/*.py) admit and no exclude glob matches\n");
    assertThat(scan(work, "--diff", "--exclude", "pkg/agent.py", "--include", "**/*.rst").err())
        .doesNotContain("nothing to scan");
  }

  // ---------------------------------------------------------------- REF or PATH

  @Test
  void refThatIsAPath_exit2_withHowToNameAPath() throws Exception {
    Path work = clone(upstream());
    write(work.resolve("pkg/util.py"), "y = 2\ndanger()\n");

    Run r = scan(work, "--diff", "pkg");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--diff pkg: git diff failed");
    assertThat(r.err())
        .contains(
            "'pkg' is a path, not a git ref: to review the next upload's changes below it, write"
                + " 'scan --diff -- pkg'");

    assertThat(findings(scan(work, "--diff", "--", "pkg")))
        .containsExactly("pkg/util.py:2:1: TST100");
    assertThat(findings(scan(work, "pkg", "--diff"))).containsExactly("pkg/util.py:2:1: TST100");
    assertThat(findings(scan(work, "--diff", "--format", "text", "pkg")))
        .containsExactly("pkg/util.py:2:1: TST100");
  }
}
