package com.googlesource.gerrit.plugins.securityreview.tools;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Python3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the unit tests of the recall check over real fixes ({@code tools/fixes/test_fixes.py}) so
 * that CI keeps the Python tool working; skipped when python3 is not on PATH, as the tool needs it.
 */
class FixesToolTest {
  private static final String PYTHON = Python3.COMMAND;
  private static final Path TESTS = Path.of("tools/fixes/test_fixes.py");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void pythonUnitTestsPass() throws Exception {
    assumeTrue(Python3.available(), PYTHON + " (3.8 or newer) is not on PATH");
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
}
