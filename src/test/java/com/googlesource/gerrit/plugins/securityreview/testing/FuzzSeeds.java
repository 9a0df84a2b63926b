package com.googlesource.gerrit.plugins.securityreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the fuzz tests start from and what they hold every input to. The seeds are the Python files
 * the other tests already have (rule fixtures, syntax feature files): real-looking code that
 * reaches deep into the grammar and the rules, so that mutations start there.
 */
public final class FuzzSeeds {
  private static final Path ROOT = Path.of("src/test/resources");

  /**
   * The longest one input may take. Real files take milliseconds; a slow input is a superlinear
   * path, which a hostile upload could use to hold a review worker.
   */
  public static final Duration MAX_TIME_PER_INPUT = Duration.ofSeconds(2);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FuzzSeeds() {}

  /** Every seed file's content, in a stable order. */
  public static List<byte[]> pythonFiles() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".py")).sorted().map(FuzzSeeds::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code work} on every seed once, so that class loading (with the fuzzer's instrumentation)
   * and the first compilations are not charged to the first inputs.
   */
  public static void warmUp(Consumer<byte[]> work) {
    pythonFiles().forEach(work);
  }

  /** The CPU time of this thread: other work on a shared machine does not count. */
  public static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Fails when more than {@link #MAX_TIME_PER_INPUT} of CPU time passed since {@code start}. */
  public static void withinTimeLimit(long startCpuNanos, String what) {
    Duration took = Duration.ofNanos(cpuNanos() - startCpuNanos);
    if (took.compareTo(MAX_TIME_PER_INPUT) > 0) {
      throw new AssertionError(what + " took " + took.toMillis() + " ms of CPU time");
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
