package com.googlesource.gerrit.plugins.securityreview.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end, for tests that drive a jar or a tool the way a user would. */
public final class Exec {
  private Exec() {}

  /** What a program printed (standard output and error, interleaved) and its exit status. */
  public record Result(int exit, String output) {}

  /**
   * Runs {@code command} in {@code dir} with exactly {@code env} as its environment and no input.
   *
   * @throws AssertionError when it has not finished after {@code timeout} (it is then killed)
   */
  public static Result run(
      Path dir, Map<String, String> env, Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("exec", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + ":\n"
                + new String(Files.readAllBytes(log), UTF_8));
      }
      return new Result(p.exitValue(), new String(Files.readAllBytes(log), UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
