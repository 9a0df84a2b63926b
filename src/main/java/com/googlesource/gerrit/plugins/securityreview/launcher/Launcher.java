package com.googlesource.gerrit.plugins.securityreview.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The jar's {@code Main-Class}: checks the Java version before any class compiled for Java 21 is
 * loaded, then hands over to the command line ({@value #CLI_MAIN}); a {@code scan} under plain
 * {@code java -jar} it hands to a JVM started with options that suit it ({@link #SCAN_OPTIONS}).
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
    String javaHome = System.getProperty("java.home");
    String jar = jarPath();
    String training = System.getProperty(TRAINING_PROPERTY);
    if (training != null) {
      train(javaHome, jar, new File(training));
      return;
    }
    File cache =
        aotCache(
            jar,
            System.getProperty("java.specification.version"),
            System.getProperty("java.runtime.version"),
            System.getenv(AOT_ENV));
    List<String> tuned =
        tunedCommand(
            procCommandLine(),
            javaHome,
            jar,
            args,
            System.getProperty(TUNED_PROPERTY) != null,
            System.getenv("JDK_JAVA_OPTIONS"),
            System.getenv("JAVA_TOOL_OPTIONS"),
            cache != null && cache.isFile() ? cache : null);
    if (tuned != null) {
      Integer status = runTuned(tuned);
      if (status != null) {
        if (cache != null && !cache.exists()) {
          startTraining(javaHome, jar, cache);
        }
        System.exit(status);
      }
    }
    MethodHandle cliMain =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName(CLI_MAIN), "main", MethodType.methodType(void.class, String[].class));
    cliMain.invokeExact(args);
  }

  /**
   * Set in the JVM that {@link #tunedCommand} starts, so that it does not start another. Its value
   * is the options it was given.
   */
  static final String TUNED_PROPERTY = "security-review.jvm";

  /**
   * The options for a {@code scan} JVM. A scan is a few seconds of CPU spread over a few thousand
   * short files: the serial collector keeps the heap, and so the resident memory, small (a Neutron
   * scan peaks at about 170 MiB, against 320 to 900 MiB with G1, which sizes its heap by the
   * machine's memory); the client compiler alone (tier 1) compiles fast enough to pay from the
   * first files, where the optimizing compiler's warm-up competes with the scan for the cores and
   * is not won back even over 16,000 files (eight copies of Neutron: 8% less wall time with tier 1
   * alone on two cores).
   */
  static final List<String> SCAN_OPTIONS =
      Collections.unmodifiableList(
          Arrays.asList("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));

  /**
   * The command that runs {@code args} in a JVM started with {@link #SCAN_OPTIONS}, or null to run
   * them in this one. Only {@code scan} is run so, and only when this JVM was started as plain
   * {@code java -jar JAR ...}: with options of the user's (on the command line, in {@code
   * JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}), or when its command line cannot be read, the
   * user's choice of JVM stands.
   *
   * @param commandLine this process's arguments, from {@code java} on ({@code /proc/self/cmdline}),
   *     or null when they cannot be read
   * @param tuned whether this JVM was started by such a command already
   * @param aotCache the ahead-of-time cache to start with ({@link #aotCache}), or null
   */
  static List<String> tunedCommand(
      List<String> commandLine,
      String javaHome,
      String jar,
      String[] args,
      boolean tuned,
      String jdkJavaOptions,
      String javaToolOptions,
      File aotCache) {
    if (tuned
        || args.length == 0
        || !args[0].equals("scan")
        || commandLine == null
        || javaHome == null
        || !jar.endsWith(".jar")
        || !blank(jdkJavaOptions)
        || !blank(javaToolOptions)) {
      return null;
    }
    // java -jar JAR ARGS..., and nothing else before the arguments.
    if (commandLine.size() != 3 + args.length
        || !commandLine.get(1).equals("-jar")
        || !new File(commandLine.get(2)).getAbsoluteFile().equals(new File(jar).getAbsoluteFile())
        || !commandLine.subList(3, commandLine.size()).equals(Arrays.asList(args))) {
      return null;
    }
    File java = new File(javaHome, "bin/java");
    if (!java.canExecute()) {
      return null;
    }
    List<String> command = new ArrayList<>();
    command.add(java.getPath());
    command.addAll(SCAN_OPTIONS);
    if (aotCache != null) {
      command.add("-XX:AOTCache=" + aotCache.getPath());
      // Whatever the JVM says of the cache goes to stderr, never into a JSON or SARIF report.
      command.add("-Xlog:disable");
      command.add("-Xlog:all=warning:stderr");
    }
    command.add("-D" + TUNED_PROPERTY + "=" + String.join(" ", SCAN_OPTIONS));
    command.add("-jar");
    command.add(commandLine.get(2));
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** Set to {@code off} to use and make no ahead-of-time cache. */
  static final String AOT_ENV = "SECURITY_REVIEW_AOT";

  /** Set in the JVM that records the ahead-of-time cache: the cache's path. */
  static final String TRAINING_PROPERTY = "security-review.aot-training";

  /**
   * The Python files the training run scans: every {@code .py} entry of the jar under this folder
   * (a module of ours and the rules' fixtures, so that each rule's code is reached).
   */
  static final String TRAINING_FOLDER = "training/";

  /**
   * Where the ahead-of-time cache of this jar for this Java is, or null when there is none to use
   * or make: before Java 25 (which makes one in a single run), with {@value #AOT_ENV}{@code =off},
   * or when the jar's folder is not writable. JDK 25's cache holds the classes a scan loads and
   * links, so that they are mapped at start instead of loaded one by one: a one-file scan starts in
   * half the time. It sits beside the jar, named after the jar's size and time and the Java's
   * version, so that a rebuilt jar or another Java makes a new one.
   */
  static File aotCache(String jar, String specVersion, String runtimeVersion, String env) {
    if (major(specVersion) < 25 || runtimeVersion == null || "off".equals(env)) {
      return null;
    }
    File jarFile = new File(jar).getAbsoluteFile();
    File dir = jarFile.getParentFile();
    if (!jarFile.isFile() || dir == null || !dir.canWrite()) {
      return null;
    }
    return new File(
        dir,
        cachePrefix(jarFile)
            + runtimeVersion.replaceAll("[^A-Za-z0-9.+-]", "_")
            + "."
            + jarFile.length()
            + "."
            + jarFile.lastModified()
            + ".aot");
  }

  private static String cachePrefix(File jar) {
    return "." + jar.getName() + ".";
  }

  /**
   * Starts the recording of the cache in the background, unless another is under way: a JVM of its
   * own ({@link #train}) that outlives this one, its output discarded, so that the scan that found
   * no cache ends as it would have.
   */
  private static void startTraining(String javaHome, String jar, File cache) {
    File lock = new File(cache.getPath() + ".lock");
    try {
      if (lock.exists() && System.currentTimeMillis() - lock.lastModified() < 10 * 60_000L) {
        return;
      }
      lock.delete();
      if (!lock.createNewFile()) {
        return;
      }
    } catch (IOException | SecurityException e) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(new File(javaHome, "bin/java").getPath());
    command.addAll(SCAN_OPTIONS);
    command.add("-D" + TRAINING_PROPERTY + "=" + cache.getPath());
    command.add("-cp");
    command.add(jar);
    command.add(Launcher.class.getName());
    try {
      quiet(new ProcessBuilder(command)).start();
    } catch (IOException | RuntimeException e) {
      lock.delete();
    }
  }

  private static ProcessBuilder quiet(ProcessBuilder pb) {
    File devNull = new File("/dev/null");
    return pb.redirectInput(ProcessBuilder.Redirect.from(devNull))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(devNull))
        .redirectError(ProcessBuilder.Redirect.appendTo(devNull));
  }

  /**
   * Records the cache: scans the files under {@value #TRAINING_FOLDER} in a JVM with {@link
   * #SCAN_OPTIONS} that writes the cache as it ends, then puts it in place (under a name of its own
   * first, so that no scan maps a cache half written) and removes this jar's older caches.
   */
  private static void train(String javaHome, String jar, File cache) {
    File lock = new File(cache.getPath() + ".lock");
    File partial = new File(cache.getPath() + "." + System.nanoTime() + ".tmp");
    File dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("security-review-aot").toFile();
      if (extractTraining(jar, dir) == 0) {
        return;
      }
      List<String> command = new ArrayList<>();
      command.add(new File(javaHome, "bin/java").getPath());
      command.addAll(SCAN_OPTIONS);
      command.add("-XX:AOTCacheOutput=" + partial.getPath());
      command.add("-D" + TUNED_PROPERTY + "=" + String.join(" ", SCAN_OPTIONS));
      command.add("-jar");
      command.add(jar);
      command.add("scan");
      command.add(dir.getPath());
      Process p = quiet(new ProcessBuilder(command)).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroy();
        return;
      }
      if (partial.length() > 0 && partial.renameTo(cache)) {
        File[] siblings = cache.getParentFile().listFiles();
        String prefix = cachePrefix(new File(jar));
        for (File f : siblings == null ? new File[0] : siblings) {
          if (f.getName().startsWith(prefix)
              && f.getName().endsWith(".aot")
              && !f.getName().equals(cache.getName())) {
            f.delete();
          }
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // No cache this time; the next scan tries again.
    } finally {
      partial.delete();
      new File(partial.getPath() + ".config").delete();
      if (dir != null) {
        File[] files = dir.listFiles();
        for (File f : files == null ? new File[0] : files) {
          f.delete();
        }
        dir.delete();
      }
      lock.delete();
    }
  }

  /**
   * Copies the jar's training files into {@code dir}, side by side (named after their path in the
   * jar), and returns how many there were.
   */
  static int extractTraining(String jar, File dir) throws IOException {
    int count = 0;
    try (JarFile jarFile = new JarFile(jar)) {
      Enumeration<JarEntry> entries = jarFile.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        String name = e.getName();
        if (e.isDirectory() || !name.startsWith(TRAINING_FOLDER) || !name.endsWith(".py")) {
          continue;
        }
        File out = new File(dir, name.substring(TRAINING_FOLDER.length()).replace('/', '_'));
        try (InputStream in = jarFile.getInputStream(e)) {
          java.nio.file.Files.copy(in, out.toPath());
        }
        count++;
      }
    }
    return count;
  }

  private static boolean blank(String s) {
    return s == null || s.trim().isEmpty();
  }

  /**
   * Runs the command with this process's standard streams and returns its exit status, or null when
   * it could not be started (then this JVM runs the command itself).
   */
  private static Integer runTuned(List<String> command) {
    final Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // Ended from outside (SIGTERM, Ctrl-C): the scan ends with this process.
    Thread stop = new Thread(child::destroy);
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int status = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return status;
      } catch (InterruptedException e) {
        // Wait on: the child holds the result.
      } catch (IllegalStateException e) {
        // Shutting down already: the hook ends the child.
        return 2;
      }
    }
  }

  /** This process's command line on Linux ({@code /proc/self/cmdline}), or null. */
  private static List<String> procCommandLine() {
    File cmdline = new File("/proc/self/cmdline");
    if (!cmdline.canRead()) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = new FileInputStream(cmdline)) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      return null;
    }
    return splitNul(bytes.toByteArray());
  }

  /** The NUL-terminated strings of a {@code /proc/PID/cmdline}, in the platform's encoding. */
  static List<String> splitNul(byte[] data) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == 0) {
        parts.add(new String(data, start, i - start, Charset.defaultCharset()));
        start = i + 1;
      }
    }
    if (start < data.length) {
      parts.add(new String(data, start, data.length - start, Charset.defaultCharset()));
    }
    return parts;
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
