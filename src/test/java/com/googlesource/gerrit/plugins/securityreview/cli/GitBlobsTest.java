package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.googlesource.gerrit.plugins.securityreview.cli.ScanTesting.git;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitDiff.Blobs}: base versions read one at a time from one running git. */
class GitBlobsTest {
  @TempDir Path repo;

  private String blob(String content) throws Exception {
    Path file = Files.createTempFile(repo, "blob", ".txt");
    Files.write(file, content.getBytes(UTF_8));
    return git(repo, "hash-object", "-w", file.toString()).strip();
  }

  @Test
  void readsBlobsInAnyOrderAndAgain_emptyAndBinaryToo() throws Exception {
    git(repo, "init", "-q");
    String a = blob("a = 1\n");
    String empty = blob("");
    String nul = blob("x\0y\n\n");
    try (GitDiff.Blobs blobs = new GitDiff.Blobs(repo)) {
      assertThat(new String(blobs.read(a), UTF_8)).isEqualTo("a = 1\n");
      assertThat(blobs.read(empty)).isEmpty();
      assertThat(new String(blobs.read(nul), UTF_8)).isEqualTo("x\0y\n\n");
      assertThat(new String(blobs.read(a), UTF_8)).isEqualTo("a = 1\n");
    }
  }

  @Test
  void aMissingBlobIsAGitError_andTheNextReadStillWorks() throws Exception {
    git(repo, "init", "-q");
    String a = blob("a = 1\n");
    try (GitDiff.Blobs blobs = new GitDiff.Blobs(repo)) {
      GitDiff.GitException e =
          assertThrows(GitDiff.GitException.class, () -> blobs.read("0".repeat(40)));
      assertThat(e).hasMessageThat().contains("cannot read the blob " + "0".repeat(40));
      assertThat(new String(blobs.read(a), UTF_8)).isEqualTo("a = 1\n");
    }
  }

  @Test
  void threadsShareOneGit() throws Exception {
    git(repo, "init", "-q");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(blob("x = " + i + "\n".repeat(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (GitDiff.Blobs blobs = new GitDiff.Blobs(repo)) {
      List<Future<String>> read = new ArrayList<>();
      for (String id : ids) {
        read.add(pool.submit(() -> new String(blobs.read(id), UTF_8)));
      }
      for (int i = 0; i < ids.size(); i++) {
        assertThat(read.get(i).get()).isEqualTo("x = " + i + "\n".repeat(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
