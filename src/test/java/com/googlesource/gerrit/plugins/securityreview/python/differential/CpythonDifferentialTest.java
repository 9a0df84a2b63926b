package com.googlesource.gerrit.plugins.securityreview.python.differential;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Python3;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@link DifferentialCheck} over a fixed sample of the standard library of the {@code python3}
 * on PATH (every 6th file, at most 300); skipped when there is no {@code python3}.
 */
class CpythonDifferentialTest {
  private static final String PYTHON = Python3.COMMAND;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void stdlibSampleParsesAsCpython() throws Exception {
    assumeTrue(Python3.available(), PYTHON + " (3.8 or newer) is not on PATH");
    DifferentialCheck.Options o = new DifferentialCheck.Options();
    o.python = PYTHON;
    o.stdlibOnly = true;
    o.sampleEvery = 6;
    o.limit = 300;
    StringBuilder report = new StringBuilder();
    DifferentialCheck.Report r = DifferentialCheck.runForTest(o, report);
    assertWithMessage("files checked").that(r.files).isGreaterThan(0);
    assertWithMessage("crashes\n%s", report).that(r.crashes).isEqualTo(0);
    assertWithMessage("files CPython rejects that we accept\n%s", report)
        .that(r.missed)
        .isEqualTo(0);
    assertWithMessage("fidelity in %%: %s\n%s", r.summaryLine(), report)
        .that(r.fidelity())
        .isAtLeast(99.5);
  }
}
