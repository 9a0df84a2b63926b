package com.googlesource.gerrit.plugins.securityreview.cli;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code scan} as the command line does, and git in the tests' repositories. */
final class ScanTesting {
  private ScanTesting() {}

  /** What one {@code scan} printed, and its exit status. */
  record Run(int status, String out, String err) {
    /** The text format's finding lines. */
    List<String> findingLines() {
      return out.lines().filter(l -> l.matches(".+:\\d+:\\d+: \\S+ \\[.*")).toList();
    }

    /** The summary line, just above the predicted vote that ends the text output. */
    String summary() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 2);
    }
  }

  /** {@code scan ARGS} through {@link Main}, as if started in {@code cwd} with {@code rules}. */
  static Run scan(List<Rule> rules, Path cwd, String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "scan";
    System.arraycopy(args, 0, argv, 1, args.length);
    return capture((out, err) -> Main.run(argv, out, err, cwd, rules));
  }

  /** {@code scan ARGS} with stderr taken for a terminal. */
  static Run scanOnTerminal(List<Rule> rules, Path cwd, String... args) {
    return capture(
        (out, err) -> {
          try {
            return new ScanCommand(out, err, cwd, rules, true).run(args);
          } catch (UsageException e) {
            throw new AssertionError(e);
          }
        });
  }

  private interface Command {
    int run(PrintStream out, PrintStream err);
  }

  private static Run capture(Command command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      status = command.run(o, e);
    }
    return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** Runs git in {@code dir} as a test user, with a fixed default branch; fails on an error. */
  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertWithMessage("git %s: %s", String.join(" ", args), output).that(p.waitFor()).isEqualTo(0);
    return output;
  }
}
