package com.googlesource.gerrit.plugins.securityreview.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Commands;
import com.googlesource.gerrit.plugins.securityreview.testing.Exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook of {@code .pre-commit-hooks.yaml} as a contributor's project uses it: pre-commit (the
 * one installed on this machine, Debian's in CI) clones a hook repository holding this checkout's
 * hook files, installs itself in a fresh git repository and runs on {@code git commit} and on
 * {@code pre-commit run --all-files} (what {@code tox -e pep8} runs).
 *
 * <p>The jar is the one this build made, passed as {@code SECURITY_REVIEW_JAR}; the build-once path
 * runs against a stand-in {@code mvn} that copies that jar, so that no test waits for a second
 * Maven build. Skipped without {@code pre-commit} or {@code git}; under CI ({@code CI=true}, where
 * {@code .ci/run} installs pre-commit) their absence fails instead.
 */
class PreCommitHookIT {
  private static final Path JAR =
      Path.of(System.getProperty("securityreview.jar", "target/security-review.jar"))
          .toAbsolutePath();
  private static final String HOOK_SCRIPT = "tools/pre-commit/security-review-hook";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private static final String DEFECT =
      "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n";
  private static final String CLEAN =
      "import subprocess\n\n\ndef run(argv):\n    return subprocess.call(argv)\n";

  /** A finding of medium severity (PY103, yaml.load without a Loader). */
  private static final String MEDIUM =
      "import yaml\n\n\ndef load(text):\n    return yaml.load(text)\n";

  @TempDir Path tmp;
  private final Map<String, String> env = new HashMap<>();
  private String rev;

  @BeforeEach
  void hookRepository() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    String missing =
        !Commands.succeeds("pre-commit", "--version")
            ? "pre-commit is not on PATH"
            : !Commands.succeeds("git", "--version") ? "git is not on PATH" : null;
    if (ci) {
      assertWithMessage("CI installs pre-commit (.ci/run)").that(missing).isNull();
    }
    assumeTrue(missing == null, missing);

    System.getenv()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("GIT_")
                  && !k.startsWith("SECURITY_REVIEW_")
                  && !k.startsWith("PRE_COMMIT")) {
                env.put(k, v);
              }
            });
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
    env.put("SECURITY_REVIEW_CACHE", tmp.resolve("jar-cache").toString());
    env.put("SECURITY_REVIEW_JAR", JAR.toString());
    // No ahead-of-time cache: its recording runs on in the background, in the jar's folder, which
    // for the built-once jar is this test's temporary folder.
    env.put("SECURITY_REVIEW_AOT", "off");
    // Git without the machine's or the user's settings (a core.hooksPath would stop
    // 'pre-commit install'), and with an author for the commits.
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    for (String who : List.of("AUTHOR", "COMMITTER")) {
      env.put("GIT_" + who + "_NAME", "Hook Test");
      env.put("GIT_" + who + "_EMAIL", "hook-test@example.com");
    }

    // The hook files of this checkout, committed to a repository of their own as pre-commit
    // needs a git URL and a rev: the same layout as this repository's root.
    Path hooks = Files.createDirectories(tmp.resolve("hooks"));
    Files.copy(Path.of(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    Path script = hooks.resolve(HOOK_SCRIPT);
    Files.createDirectories(script.getParent());
    Files.copy(Path.of(HOOK_SCRIPT), script, StandardCopyOption.COPY_ATTRIBUTES);
    ok(hooks, "git", "init", "-q");
    ok(hooks, "git", "add", "-A");
    ok(hooks, "git", "commit", "-q", "-m", "hooks");
    rev = ok(hooks, "git", "rev-parse", "HEAD").strip();
  }

  @Test
  void commitWithADefectFailsAndCleanCodePasses() throws Exception {
    Path project = staged("", "driver.py", DEFECT);
    ok(project, "pre-commit", "install");

    Exec.Result refused = run(project, "git", "commit", "-m", "Add driver");
    assertWithMessage(refused.output()).that(refused.exit()).isNotEqualTo(0);
    assertThat(refused.output()).containsMatch("security-review\\.+Failed");
    assertThat(refused.output()).contains("driver.py:5:12: PY104 [high/");
    assertThat(run(project, "git", "rev-parse", "--verify", "-q", "HEAD").exit()).isNotEqualTo(0);

    Files.writeString(project.resolve("driver.py"), CLEAN);
    ok(project, "git", "add", "-A");
    Exec.Result committed = run(project, "git", "commit", "-m", "Add driver");
    assertWithMessage(committed.output()).that(committed.exit()).isEqualTo(0);
    assertThat(committed.output()).containsMatch("security-review\\.+Passed");

    Exec.Result all = runAllFiles(project);
    assertWithMessage(all.output()).that(all.exit()).isEqualTo(0);
    assertThat(all.output()).containsMatch("security-review\\.+Passed");
  }

  @Test
  void argsOfTheProjectsConfigReachTheScan() throws Exception {
    Exec.Result r =
        runAllFiles(staged("        args: [--min-severity, high]\n", "config.py", MEDIUM));
    assertWithMessage(r.output()).that(r.exit()).isEqualTo(0);

    Exec.Result flagged = runAllFiles(staged("", "config.py", MEDIUM));
    assertWithMessage(flagged.output()).that(flagged.exit()).isNotEqualTo(0);
    assertThat(flagged.output()).contains("config.py:5:12: PY103 [medium/");
  }

  @Test
  void firstRunBuildsTheJarOnceAndLaterRunsReuseIt() throws Exception {
    Path calls = tmp.resolve("mvn-calls");
    standInMaven(
        "echo \"$*\" >> '"
            + calls
            + "'\n"
            + "for a in \"$@\"; do case \"$a\" in -Dbuild.dir=*) out=\"${a#-Dbuild.dir=}\" ;; esac;"
            + " done\n"
            + "cp '"
            + JAR
            + "' \"$out/security-review.jar\"\n");
    Path project = staged("", "driver.py", DEFECT);

    Exec.Result first = runAllFiles(project);
    Exec.Result second = runAllFiles(project);

    for (Exec.Result r : List.of(first, second)) {
      assertWithMessage(r.output()).that(r.exit()).isNotEqualTo(0);
      assertThat(r.output()).contains("driver.py:5:12: PY104 [high/");
    }
    assertThat(first.output()).contains("building the jar of revision " + rev.substring(0, 12));
    assertThat(second.output()).doesNotContain("building the jar");
    List<String> builds = Files.readAllLines(calls);
    assertThat(builds).hasSize(1);
    Path cache = tmp.resolve("jar-cache").resolve(rev);
    assertThat(builds.get(0)).contains("package");
    assertThat(builds.get(0)).contains("-DskipTests");
    assertThat(builds.get(0)).containsMatch("-f \\S+/pom\\.xml ");
    assertThat(builds.get(0)).contains("-Dbuild.dir=" + cache.resolve("build."));
    try (Stream<Path> kept = Files.list(cache)) {
      assertThat(kept.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("build.log", "security-review.jar");
    }
  }

  @Test
  void failedBuildIsShownAndNothingIsCached() throws Exception {
    standInMaven("echo '[ERROR] COMPILATION ERROR: Example.java:[1,1] expected'\nexit 1\n");
    Exec.Result r = runAllFiles(staged("", "driver.py", CLEAN));

    assertWithMessage(r.output()).that(r.exit()).isNotEqualTo(0);
    assertThat(r.output()).contains("[ERROR] COMPILATION ERROR: Example.java:[1,1] expected");
    assertThat(r.output()).contains("security-review hook: building the jar failed");
    Path cache = tmp.resolve("jar-cache").resolve(rev);
    try (Stream<Path> kept = Files.list(cache)) {
      assertThat(kept.map(p -> p.getFileName().toString()).toList()).containsExactly("build.log");
    }
  }

  /**
   * A git repository whose .pre-commit-config.yaml uses the hook, with {@code extra} lines, and
   * with {@code file} staged.
   */
  private Path staged(String extra, String file, String source) throws Exception {
    Path project = Files.createTempDirectory(tmp, "project");
    ok(project, "git", "init", "-q");
    Files.writeString(
        project.resolve(".pre-commit-config.yaml"),
        "repos:\n"
            + "  - repo: "
            + tmp.resolve("hooks")
            + "\n    rev: "
            + rev
            + "\n    hooks:\n"
            + "      - id: security-review\n"
            + extra);
    Files.writeString(project.resolve(file), source);
    ok(project, "git", "add", "-A");
    return project;
  }

  /** {@code pre-commit run --all-files}, as {@code tox -e pep8} runs it. */
  private Exec.Result runAllFiles(Path project) throws Exception {
    return run(project, "pre-commit", "run", "--all-files");
  }

  /** Puts an {@code mvn} running {@code body} first on PATH and lets the hook build with it. */
  private void standInMaven(String body) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/usr/bin/env bash\nset -eu\n" + body);
    assertThat(mvn.toFile().setExecutable(true)).isTrue();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.remove("SECURITY_REVIEW_JAR");
  }

  private Exec.Result run(Path dir, String... command) throws Exception {
    return Exec.run(dir, env, TIMEOUT, List.of(command));
  }

  /** Runs a set-up step that must succeed and returns its output. */
  private String ok(Path dir, String... command) throws Exception {
    Exec.Result r = run(dir, command);
    assertWithMessage("%s\n%s", String.join(" ", command), r.output()).that(r.exit()).isEqualTo(0);
    return r.output();
  }
}
