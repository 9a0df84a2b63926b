package com.googlesource.gerrit.plugins.securityreview.launcher;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version check of {@link Launcher}, and that its class file loads on Java 8. */
class LauncherTest {
  @TempDir Path jvms;

  @Test
  void classFileIsForJava8() throws IOException {
    try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class");
        DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort(); // minor version
      assertThat(data.readUnsignedShort()).isEqualTo(52);
    }
  }

  @Test
  void readsSpecificationVersions() {
    assertThat(Launcher.major("1.8")).isEqualTo(8);
    assertThat(Launcher.major("11")).isEqualTo(11);
    assertThat(Launcher.major("17")).isEqualTo(17);
    assertThat(Launcher.major("21")).isEqualTo(21);
    assertThat(Launcher.major("25.0.1")).isEqualTo(25);
    assertThat(Launcher.major("")).isEqualTo(-1);
    assertThat(Launcher.major("x")).isEqualTo(-1);
    assertThat(Launcher.major("123456789012")).isEqualTo(-1);
    assertThat(Launcher.major(null)).isEqualTo(-1);
  }

  @Test
  void java21AndNewerPass() {
    assertThat(Launcher.tooOld("21", jvms.resolve("jdk-21").toString(), "sr.jar")).isNull();
    assertThat(Launcher.tooOld("25", jvms.resolve("jdk-25").toString(), "sr.jar")).isNull();
  }

  @Test
  void unreadableVersionLeavesTheVerdictToTheJvm() {
    assertThat(Launcher.tooOld(null, null, "sr.jar")).isNull();
    assertThat(Launcher.tooOld("unknown", "/nowhere", "sr.jar")).isNull();
  }

  @Test
  void olderJavaNamesItselfAndTheNewerOnesBesideIt() throws IOException {
    Path old = install("java-17-openjdk", "17.0.15");
    install("jdk-1.8", "1.8.0_452");
    Path jdk21 = install("jdk-21", "21.0.7");
    Path temurin25 = install("temurin-25-jdk", "25.0.1");
    Files.createSymbolicLink(jvms.resolve("java-1.21.0"), jdk21);
    Files.createDirectories(jvms.resolve("no-release-file/bin"));
    Files.writeString(jvms.resolve("no-release-file/bin/java"), "");

    String message = Launcher.tooOld("17", old.toString(), "/opt/security-review.jar");

    assertThat(message)
        .startsWith("security-review needs Java 21 or newer, but this is Java 17 (" + old + ").\n");
    assertThat(message)
        .contains(
            "\n  "
                + jdk21
                + "/bin/java -jar /opt/security-review.jar ...\n  "
                + temurin25
                + "/bin/java -jar /opt/security-review.jar ...\n");
    assertThat(message).doesNotContain("jdk-1.8");
    assertThat(message).doesNotContain("no-release-file");
    assertThat(message).doesNotContain("java-1.21.0");
    assertThat(message).endsWith("\n");
  }

  @Test
  void olderJavaAloneIsToldToInstallOne() throws IOException {
    Path old = install("java-11", "11.0.2");
    assertThat(Launcher.tooOld("11", old.toString(), "security-review.jar"))
        .contains(
            "Install a Java 21+ (for example Temurin 21 or 25, or your system's openjdk-21 or"
                + " newer) and run the jar with it:\n"
                + "  /path/to/java-21/bin/java -jar security-review.jar ...\n");
    assertThat(Launcher.tooOld("1.8", "/", "security-review.jar"))
        .contains("but this is Java 8 (/)");
  }

  @Test
  void releaseFileGivesTheMajorVersion() throws IOException {
    assertThat(Launcher.releaseMajor(install("a", "21.0.7").resolve("release").toFile()))
        .isEqualTo(21);
    assertThat(Launcher.releaseMajor(jvms.resolve("missing/release").toFile())).isEqualTo(-1);
  }

  /** A fake Java installation: bin/java and a release file as JDKs ship it. */
  private Path install(String name, String version) throws IOException {
    Path home = jvms.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "");
    Files.writeString(
        home.resolve("release"),
        "IMPLEMENTOR=\"Example\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n",
        UTF_8);
    return home;
  }

  @Test
  void plainJavaJarScanRunsInATunedJvm() throws IOException {
    Path home = fakeJava("jdk-25");
    String[] args = {"scan", "--format", "json", "neutron"};
    List<String> command =
        Launcher.tunedCommand(
            List.of("java", "-jar", "sr.jar", "scan", "--format", "json", "neutron"),
            home.toString(),
            "sr.jar",
            args,
            false,
            null,
            "",
            null);
    assertThat(command).isNotNull();
    assertThat(command.get(0)).isEqualTo(home.resolve("bin/java").toString());
    assertThat(command).containsAtLeastElementsIn(Launcher.SCAN_OPTIONS);
    assertThat(command.subList(command.size() - 6, command.size()))
        .containsExactly("-jar", "sr.jar", "scan", "--format", "json", "neutron")
        .inOrder();
    assertThat(command.stream().anyMatch(a -> a.startsWith("-D" + Launcher.TUNED_PROPERTY + "=")))
        .isTrue();
  }

  @Test
  void theUsersJvmOptionsOtherCommandsAndTheTunedJvmItselfRunHere() throws IOException {
    String home = fakeJava("jdk-25").toString();
    String[] scan = {"scan", "x.py"};
    List<String> plain = List.of("java", "-jar", "sr.jar", "scan", "x.py");
    assertThat(Launcher.tunedCommand(plain, home, "sr.jar", scan, false, null, null, null))
        .isNotNull();
    // Options of the user's, on the command line or in the environment.
    assertThat(
            Launcher.tunedCommand(
                List.of("java", "-Xmx1g", "-jar", "sr.jar", "scan", "x.py"),
                home,
                "sr.jar",
                scan,
                false,
                null,
                null,
                null))
        .isNull();
    assertThat(Launcher.tunedCommand(plain, home, "sr.jar", scan, false, "-Xmx1g", null, null))
        .isNull();
    assertThat(Launcher.tunedCommand(plain, home, "sr.jar", scan, false, null, "-Xmx1g", null))
        .isNull();
    // Started by the launcher already, or the command line unknown.
    assertThat(Launcher.tunedCommand(plain, home, "sr.jar", scan, true, null, null, null)).isNull();
    assertThat(Launcher.tunedCommand(null, home, "sr.jar", scan, false, null, null, null)).isNull();
    // Another command, no command, another jar, no java to start.
    assertThat(
            Launcher.tunedCommand(
                List.of("java", "-jar", "sr.jar", "--version"),
                home,
                "sr.jar",
                new String[] {"--version"},
                false,
                null,
                null,
                null))
        .isNull();
    assertThat(
            Launcher.tunedCommand(
                List.of("java", "-jar", "sr.jar"),
                home,
                "sr.jar",
                new String[0],
                false,
                null,
                null,
                null))
        .isNull();
    assertThat(Launcher.tunedCommand(plain, home, "other.jar", scan, false, null, null, null))
        .isNull();
    assertThat(
            Launcher.tunedCommand(
                plain, jvms.resolve("none").toString(), "sr.jar", scan, false, null, null, null))
        .isNull();
  }

  @Test
  void splitsProcCommandLines() {
    assertThat(Launcher.splitNul("java\0-jar\0sr.jar\0\0scan\0".getBytes(UTF_8)))
        .containsExactly("java", "-jar", "sr.jar", "", "scan")
        .inOrder();
    assertThat(Launcher.splitNul("java".getBytes(UTF_8))).containsExactly("java");
    assertThat(Launcher.splitNul(new byte[0])).isEmpty();
  }

  @Test
  void withACacheTheTunedJvmMapsIt_andKeepsWhatTheJvmSaysOfItOffStdout() throws IOException {
    String home = fakeJava("jdk-25").toString();
    File cache = jvms.resolve("sr.jar.aot").toFile();
    List<String> command =
        Launcher.tunedCommand(
            List.of("java", "-jar", "sr.jar", "scan", "x.py"),
            home,
            "sr.jar",
            new String[] {"scan", "x.py"},
            false,
            null,
            null,
            cache);
    assertThat(command).contains("-XX:AOTCache=" + cache.getPath());
    assertThat(command).contains("-Xlog:all=warning:stderr");
    assertThat(command.indexOf("-XX:AOTCache=" + cache.getPath()))
        .isLessThan(command.indexOf("-jar"));
  }

  @Test
  void theCacheSitsBesideTheJar_namedForItAndTheJava_fromJava25On() throws IOException {
    Path jar = jvms.resolve("sr.jar");
    Files.writeString(jar, "jar");
    File cache = Launcher.aotCache(jar.toString(), "25", "25.0.3+9-LTS", null);
    assertThat(cache).isNotNull();
    assertThat(cache.getParentFile()).isEqualTo(jvms.toFile().getAbsoluteFile());
    assertThat(cache.getName()).startsWith(".sr.jar.25.0.3+9-LTS.3.");
    assertThat(cache.getName()).endsWith(".aot");
    assertThat(Launcher.aotCache(jar.toString(), "26", "26/ea", null).getName())
        .startsWith(".sr.jar.26_ea.");
    // Rebuilt: another cache.
    Files.writeString(jar, "a rebuilt jar");
    assertThat(Launcher.aotCache(jar.toString(), "25", "25.0.3+9-LTS", null)).isNotEqualTo(cache);
    // None before Java 25, when turned off, or without a jar.
    assertThat(Launcher.aotCache(jar.toString(), "21", "21.0.7+6", null)).isNull();
    assertThat(Launcher.aotCache(jar.toString(), "25", "25.0.3+9-LTS", "off")).isNull();
    assertThat(Launcher.aotCache(jvms.resolve("none.jar").toString(), "25", "25", null)).isNull();
  }

  @Test
  void trainingCopiesEveryPythonFileUnderTheTrainingFolder_sideBySide() throws IOException {
    Path jar = jvms.resolve("sr.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          List.of(
              "training/aot_training.py",
              "training/rules/OVN101/fires.py",
              "training/rules/OVN101/OVN101.snap",
              "Documentation/rules.md",
              "samples/x.py")) {
        out.putNextEntry(new JarEntry(name));
        out.write(("# " + name + "\n").getBytes(UTF_8));
        out.closeEntry();
      }
    }
    Path dir = Files.createDirectories(jvms.resolve("training"));
    assertThat(Launcher.extractTraining(jar.toString(), dir.toFile())).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("aot_training.py", "rules_OVN101_fires.py");
    }
    assertThat(Files.readString(dir.resolve("rules_OVN101_fires.py")))
        .isEqualTo("# training/rules/OVN101/fires.py\n");
  }

  private Path fakeJava(String name) throws IOException {
    Path java = jvms.resolve(name).resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    return jvms.resolve(name);
  }
}
