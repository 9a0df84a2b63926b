package com.googlesource.gerrit.plugins.securityreview.launcher;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlesource.gerrit.plugins.securityreview.testing.Exec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar under {@code java -jar}: the launcher is its Main-Class and hands over to the
 * command line on Java 21+, and an older Java that this machine has gets the launcher's message. An
 * integration test: it runs after {@code package}, on the jar itself.
 */
class LauncherJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("securityreview.jar", "target/security-review.jar"));
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  @TempDir Path tmp;

  @Test
  void manifestNamesTheLauncherAndKeepsThePluginEntries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo(Launcher.class.getName());
      assertThat(main.getValue("Gerrit-PluginName")).isEqualTo("security-review");
      assertThat(main.getValue("Gerrit-Module"))
          .isEqualTo("com.googlesource.gerrit.plugins.securityreview.Module");
      assertThat(main.getValue("Gerrit-ApiType")).isEqualTo("plugin");
    }
  }

  @Test
  void handsArgumentsAndExitStatusToTheCommandLine() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Exec.Result version = java(java, "--version");
    assertWithMessage(version.output()).that(version.exit()).isEqualTo(0);
    assertThat(version.output()).startsWith("security-review ");

    Files.writeString(
        tmp.resolve("agent.py"), "import os\n\n\ndef restart(name):\n    os.system(name)\n");
    Exec.Result scan = java(java, "scan", "agent.py");
    assertWithMessage(scan.output()).that(scan.exit()).isEqualTo(1);
    assertThat(scan.output()).contains("agent.py:5:5: PY");
  }

  @Test
  void olderJavaGetsTheLaunchersMessage() throws Exception {
    Path older = olderJava();
    assumeTrue(older != null, "no Java older than 21 on this machine");

    Exec.Result r = java(older.resolve("bin/java").toString(), "--version");

    assertWithMessage(r.output()).that(r.exit()).isEqualTo(Launcher.EXIT_TOO_OLD);
    assertThat(r.output()).startsWith("security-review needs Java 21 or newer, but this is Java ");
    assertThat(r.output()).contains(JAR.toAbsolutePath().toString());
    assertThat(r.output()).doesNotContain("UnsupportedClassVersionError");
  }

  private Exec.Result java(String java, String... args) throws Exception {
    List<String> command =
        Stream.concat(Stream.of(java, "-jar", JAR.toAbsolutePath().toString()), Stream.of(args))
            .toList();
    return Exec.run(tmp, Map.of("PATH", System.getenv("PATH")), TIMEOUT, command);
  }

  /** A Java 8 to 20 installed beside the JVM running this test (as under /usr/lib/jvm), or null. */
  private static Path olderJava() {
    File[] homes = Path.of(System.getProperty("java.home")).getParent().toFile().listFiles();
    if (homes == null) {
      return null;
    }
    for (File home : homes) {
      int major = Launcher.releaseMajor(new File(home, "release"));
      if (major >= 8 && major < Launcher.MIN_JAVA && new File(home, "bin/java").canExecute()) {
        return home.toPath();
      }
    }
    return null;
  }
}
