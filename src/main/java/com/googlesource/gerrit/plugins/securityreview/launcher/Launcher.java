package com.googlesource.gerrit.plugins.securityreview.launcher;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The jar's {@code Main-Class}: checks the Java version before any class compiled for Java 21 is
 * loaded, then hands over to the command line ({@value #CLI_MAIN}).
 *
 * <p>This package is compiled for Java 8 (a separate compiler execution in {@code pom.xml}) so that
 * an older {@code java -jar} runs it and prints what to do, instead of failing with {@code
 * UnsupportedClassVersionError}. It may use only Java 8 APIs and no other class of the project.
 * Gerrit loads the plugin through the {@code Gerrit-Module} manifest entries and never runs it.
 */
public final class Launcher {
  static final int MIN_JAVA = 21;
  static final String CLI_MAIN = "com.googlesource.gerrit.plugins.securityreview.cli.Main";

  /** Exit status for a Java that is too old; the CLI's own status for usage and I/O errors. */
  static final int EXIT_TOO_OLD = 2;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String problem =
        tooOld(
            System.getProperty("java.specification.version"),
            System.getProperty("java.home"),
            jarPath());
    if (problem != null) {
      System.err.print(problem);
      System.exit(EXIT_TOO_OLD);
    }
    MethodHandle cliMain =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName(CLI_MAIN), "main", MethodType.methodType(void.class, String[].class));
    cliMain.invokeExact(args);
  }

  /**
   * What to tell the user when {@code specVersion} (the {@code java.specification.version} of the
   * running Java: "1.8", "17", "21"...) is older than {@value #MIN_JAVA}, or null when it is recent
   * enough or cannot be read (then the command line starts and the JVM has the last word).
   *
   * @param javaHome the running Java's {@code java.home}, where newer Javas are looked for nearby
   * @param jar the jar's path as the user should type it
   */
  static String tooOld(String specVersion, String javaHome, String jar) {
    int major = major(specVersion);
    if (major < 0 || major >= MIN_JAVA) {
      return null;
    }
    StringBuilder msg = new StringBuilder();
    msg.append("security-review needs Java ")
        .append(MIN_JAVA)
        .append(" or newer, but this is Java ")
        .append(major)
        .append(" (")
        .append(javaHome)
        .append(").\n");
    List<String> newer = newerJavasBeside(javaHome);
    if (newer.isEmpty()) {
      msg.append("Install a Java ")
          .append(MIN_JAVA)
          .append("+ (for example Temurin 21 or 25, or your system's openjdk-21 or newer) and run")
          .append(" the jar with it:\n  /path/to/java-21/bin/java -jar ")
          .append(jar)
          .append(" ...\n");
    } else {
      msg.append("Run the jar with a newer Java found on this machine:\n");
      for (String home : newer) {
        msg.append("  ").append(home).append("/bin/java -jar ").append(jar).append(" ...\n");
      }
    }
    msg.append("or put its bin/ first on PATH (the pre-commit hook runs $JAVA_HOME/bin/java when")
        .append(" JAVA_HOME is set).\n");
    return msg.toString();
  }

  /** The major version of a {@code java.specification.version}, or -1 when it is not one. */
  static int major(String specVersion) {
    if (specVersion == null) {
      return -1;
    }
    String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 4) {
      return -1;
    }
    return Integer.parseInt(v.substring(0, end));
  }

  /**
   * The Java installations of at least {@value #MIN_JAVA} beside {@code javaHome} (in the same
   * folder, as under {@code /usr/lib/jvm}), by the {@code JAVA_VERSION} of their {@code release}
   * file, in name order.
   */
  static List<String> newerJavasBeside(String javaHome) {
    File parent = javaHome == null ? null : new File(javaHome).getAbsoluteFile().getParentFile();
    File[] siblings = parent == null ? null : parent.listFiles();
    if (siblings == null) {
      return new ArrayList<>();
    }
    Arrays.sort(siblings);
    // Debian links one installation under several names: name it once, by its real folder.
    Map<String, String> byRealPath = new LinkedHashMap<>();
    for (File dir : siblings) {
      if (new File(dir, "bin/java").isFile()
          && releaseMajor(new File(dir, "release")) >= MIN_JAVA) {
        String real = realPath(dir);
        if (!byRealPath.containsKey(real) || real.equals(dir.getAbsolutePath())) {
          byRealPath.put(real, dir.getPath());
        }
      }
    }
    return new ArrayList<>(byRealPath.values());
  }

  private static String realPath(File dir) {
    try {
      return dir.getCanonicalPath();
    } catch (IOException e) {
      return dir.getAbsolutePath();
    }
  }

  /** The major version in a Java installation's {@code release} file, or -1. */
  static int releaseMajor(File release) {
    Properties p = new Properties();
    try (InputStream in = new FileInputStream(release)) {
      p.load(in);
    } catch (IOException e) {
      return -1;
    }
    String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
    return major(v);
  }

  /** This jar's path, or its usual name when it cannot be told (as in tests). */
  private static String jarPath() {
    CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
    try {
      String path = source == null ? "" : new File(source.getLocation().toURI()).getPath();
      return path.endsWith(".jar") ? path : "security-review.jar";
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "security-review.jar";
    }
  }
}
