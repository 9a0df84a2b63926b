package com.googlesource.gerrit.plugins.securityreview.python.differential;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@link DifferentialCheck} with CPython 3.14 and 3.15 themselves as the oracle ({@code
 * tools/cpython-oracle/python3.NN.mjs}, Pyodide under Node) over a fixed sample of that version's
 * own standard library (every {@value #SAMPLE_EVERY}th file of its {@code python_stdlib.zip}) and
 * the parser fixtures of the syntax it added ({@code features-3.NN/}).
 *
 * <p>Skipped without {@code node} or without {@code npm ci} having been run in {@code
 * tools/cpython-oracle}; under CI ({@code CI=true}, where {@code .ci/run} installs them) their
 * absence fails instead, so that a lost install step shows.
 */
class OracleDifferentialTest {
  private static final String ORACLE_DIR = "tools/cpython-oracle";

  /** About 40 files of the 560 to 600 of a standard library. */
  private static final int SAMPLE_EVERY = 15;

  @TempDir Path sampleDir;

  @ParameterizedTest(name = "CPython {0}")
  @ValueSource(strings = {"3.14", "3.15"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void stdlibSampleAndFeaturesParseAsCpython(String version) throws Exception {
    Path root = DifferentialCheck.locateScript(null).getParent().getParent().getParent();
    Path oracle = root.resolve(ORACLE_DIR);
    Path command = oracle.resolve("python" + version + ".mjs");
    Path stdlibZip =
        oracle.resolve("node_modules/pyodide-" + version.replace(".", "") + "/python_stdlib.zip");
    boolean ci = "true".equals(System.getenv("CI"));
    String missing =
        !Commands.succeeds("node", "--version")
            ? "node is not on PATH"
            : !Files.isRegularFile(stdlibZip)
                ? stdlibZip + " is missing: run npm ci in " + ORACLE_DIR
                : null;
    if (ci) {
      assertWithMessage("CI installs the CPython oracles (.ci/run)").that(missing).isNull();
    }
    assumeTrue(missing == null, missing);

    DifferentialCheck.Options o = new DifferentialCheck.Options();
    o.python = command.toString();
    o.roots.add(extractSample(stdlibZip, sampleDir));
    o.roots.add(root.resolve("src/test/resources/python/features-" + version));
    StringBuilder report = new StringBuilder();
    DifferentialCheck.Report r = DifferentialCheck.runForTest(o, report);
    assertWithMessage("interpreter\n%s", report).that(r.python).startsWith(version + ".");
    assertWithMessage("files checked\n%s", report).that(r.files).isGreaterThan(30);
    assertWithMessage("crashes\n%s", report).that(r.crashes).isEqualTo(0);
    assertWithMessage("files CPython rejects\n%s", report).that(r.rejected).isEqualTo(0);
    assertWithMessage("files that differ from CPython's tree\n%s", report)
        .that(r.equal)
        .isEqualTo(r.accepted);
  }

  /**
   * Writes every {@value #SAMPLE_EVERY}th {@code .py} file of the zip, by name, under {@code dir}.
   */
  private static Path extractSample(Path zip, Path dir) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<ZipEntry> sources = new ArrayList<>();
      z.stream()
          .filter(e -> !e.isDirectory() && e.getName().endsWith(".py"))
          .sorted(Comparator.comparing(ZipEntry::getName))
          .forEach(sources::add);
      for (int i = 0; i < sources.size(); i += SAMPLE_EVERY) {
        ZipEntry e = sources.get(i);
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry outside the folder: " + e.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, target);
        }
      }
    }
    return dir;
  }
}
