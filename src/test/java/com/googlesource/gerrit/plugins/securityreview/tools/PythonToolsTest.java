package com.googlesource.gerrit.plugins.securityreview.tools;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Python3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the unit tests of the Python tools under {@code tools/} (the ecosystem check, the recall
 * check over real fixes) so that CI keeps them working; skipped when python3 is not on PATH, as
 * the tools need it.
 */
class PythonToolsTest {
  private static final String PYTHON = Python3.COMMAND;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tools/ecosystem/test_ecosystem.py", "tools/fixes/test_fixes.py"})
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void unitTestsPass(String tests) throws Exception {
    assumeTrue(Python3.available(), PYTHON + " (3.8 or newer) is not on PATH");
    assertWithMessage("Maven runs the tests from the project folder")
        .that(Files.isRegularFile(Path.of(tests)))
        .isTrue();
    Process p = new ProcessBuilder(PYTHON, tests).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("python3 %s did not finish", tests)
        .that(p.waitFor(60, TimeUnit.SECONDS))
        .isTrue();
    assertWithMessage("python3 %s failed:\n%s", tests, output).that(p.exitValue()).isEqualTo(0);
  }
}
