package com.googlesource.gerrit.plugins.securityreview.tools;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the unit tests of the ecosystem check ({@code tools/ecosystem/test_ecosystem.py}) so that
 * CI keeps the Python tool working; skipped when python3 is not on PATH, as the tool needs it.
 */
class EcosystemToolTest {
  private static final String PYTHON = "python3";
  private static final Path TESTS = Path.of("tools/ecosystem/test_ecosystem.py");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void pythonUnitTestsPass() throws Exception {
    assumeTrue(pythonAvailable(), PYTHON + " (3.8 or newer) is not on PATH");
    assertWithMessage("Maven runs the tests from the project folder")
        .that(Files.isRegularFile(TESTS))
        .isTrue();
    Process p = new ProcessBuilder(PYTHON, TESTS.toString()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("python3 %s did not finish", TESTS)
        .that(p.waitFor(60, TimeUnit.SECONDS))
        .isTrue();
    assertWithMessage("python3 %s failed:\n%s", TESTS, output).that(p.exitValue()).isEqualTo(0);
  }

  private static boolean pythonAvailable() {
    try {
      Process p =
          new ProcessBuilder(
                  PYTHON, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
