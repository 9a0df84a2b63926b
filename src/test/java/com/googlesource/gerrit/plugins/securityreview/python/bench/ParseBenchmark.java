package com.googlesource.gerrit.plugins.securityreview.python.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import com.googlesource.gerrit.plugins.securityreview.python.differential.DifferentialCheck;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parse throughput of {@link PythonParser} over the standard library of the {@code python3} on
 * PATH, single thread, warm JVM, beside CPython's {@code ast.parse} over the same files in the same
 * run ({@code tools/differential/cpython_dump.py --time}).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.googlesource.gerrit.plugins.securityreview.python.bench.ParseBenchmark \
 *   -Dexec.args="--rounds 5"
 * </pre>
 *
 * <p>Options: {@code --rounds N} (measured rounds, default 5), {@code --limit N} (files), {@code
 * --max-warmup N} (rounds, default 20), {@code --site} (add site-packages), {@code --python
 * python3}, {@code --script PATH}, {@code --no-cpython}; files or folders as positional arguments
 * replace the standard library.
 */
public final class ParseBenchmark {
  private static volatile long sink;

  private ParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = 5;
    int maxWarmup = 20;
    boolean cpython = true;
    DifferentialCheck.Options o = new DifferentialCheck.Options();
    o.stdlibOnly = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--limit" -> o.limit = Integer.parseInt(args[++i]);
        case "--max-warmup" -> maxWarmup = Integer.parseInt(args[++i]);
        case "--site" -> o.stdlibOnly = false;
        case "--python" -> o.python = args[++i];
        case "--script" -> o.script = Paths.get(args[++i]);
        case "--no-cpython" -> cpython = false;
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println(
                "usage: ParseBenchmark [--rounds N] [--limit N] [--max-warmup N] [--site]"
                    + " [--python python3] [--script PATH] [--no-cpython] [FILE|DIR ...]");
            System.exit(2);
          }
          o.roots.add(Paths.get(args[i]));
        }
      }
    }
    Path script = DifferentialCheck.locateScript(o.script);
    List<Path> files = DifferentialCheck.files(o, script);
    byte[][] contents = new byte[files.size()][];
    long lines = 0;
    long bytes = 0;
    for (int i = 0; i < contents.length; i++) {
      contents[i] = Files.readAllBytes(files.get(i));
      lines += DifferentialCheck.countLines(contents[i]);
      bytes += contents[i].length;
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: %d files, %d lines, %.1f MB (%s)%n",
        contents.length,
        lines,
        bytes / 1e6,
        o.roots.isEmpty()
            ? (o.stdlibOnly ? "standard library" : "stdlib + site-packages")
            : o.roots);

    // Warm up until two consecutive rounds are within 3% (at least 5 rounds).
    long[] fileNanos = new long[contents.length];
    int[] crashes = new int[1];
    long prev = Long.MAX_VALUE;
    for (int w = 1; w <= maxWarmup; w++) {
      long t = round(contents, fileNanos, crashes);
      System.out.printf(Locale.ROOT, "warm-up %d: %.3f s%n", w, t / 1e9);
      if (w >= 5 && Math.abs(t - prev) <= 0.03 * prev) {
        break;
      }
      prev = t;
    }
    if (crashes[0] > 0) {
      System.out.printf("warning: our parser threw on %d file parses%n", crashes[0]);
    }

    // Measure.
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long[] best = new long[contents.length];
    Arrays.fill(best, Long.MAX_VALUE);
    long total = 0;
    long bestRound = Long.MAX_VALUE;
    crashes[0] = 0;
    for (int r = 0; r < rounds; r++) {
      long t = round(contents, fileNanos, crashes);
      total += t;
      bestRound = Math.min(bestRound, t);
      for (int i = 0; i < best.length; i++) {
        best[i] = Math.min(best[i], fileNanos[i]);
      }
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    int worst = 0;
    for (int i = 1; i < best.length; i++) {
      if (best[i] > best[worst]) {
        worst = i;
      }
    }
    double ourSeconds = total / 1e9;
    double ourLps = lines * rounds / ourSeconds;
    double ourMbps = bytes * rounds / ourSeconds / 1e6;
    System.out.printf(
        Locale.ROOT,
        "ours:    %d rounds in %.3f s (best round %.3f s): %,.0f lines/s, %.2f MB/s%n",
        rounds,
        ourSeconds,
        bestRound / 1e9,
        ourLps,
        ourMbps);
    System.out.printf(
        Locale.ROOT,
        "ours:    peak heap during measured rounds %.0f MB (max %.0f MB); slowest file %.2f ms:"
            + " %s (%d lines)%n",
        peakHeap / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6,
        best.length == 0 ? 0.0 : best[worst] / 1e6,
        files.isEmpty() ? "-" : files.get(worst),
        files.isEmpty() ? 0 : DifferentialCheck.countLines(contents[worst]));
    if (crashes[0] > 0) {
      System.out.printf("ours:    threw on %d file parses%n", crashes[0]);
    }

    if (!cpython) {
      return;
    }
    Path list = DifferentialCheck.writeList(files);
    JsonObject py = cpythonTiming(o.python, script, list, rounds);
    double pyLps = py.get("lines_per_second").getAsDouble();
    System.out.printf(
        Locale.ROOT,
        "cpython: %s ast.parse, %d rounds in %.3f s (best round %.3f s): %,.0f lines/s, %.2f"
            + " MB/s (%d files rejected)%n",
        py.get("python").getAsString(),
        rounds,
        py.get("seconds").getAsDouble(),
        py.get("best_round_seconds").getAsDouble(),
        pyLps,
        py.get("mb_per_second").getAsDouble(),
        py.get("rejected").getAsInt());
    double ratio = pyLps / ourLps;
    System.out.printf(
        Locale.ROOT,
        "ratio:   CPython/ours = %.2f (%s; target: ours within 2x of CPython, ratio <= 2)%n",
        ratio,
        ratio > 1
            ? String.format(Locale.ROOT, "ours is %.2fx slower", ratio)
            : String.format(Locale.ROOT, "ours is %.2fx faster", 1 / ratio));
  }

  private static long round(byte[][] contents, long[] fileNanos, int[] crashes) {
    long start = System.nanoTime();
    long s = 0;
    for (int i = 0; i < contents.length; i++) {
      long t0 = System.nanoTime();
      try {
        ParseResult r = PythonParser.parse(contents[i]);
        s += r.module().body().size() + r.diagnostics().size();
      } catch (Throwable t) {
        crashes[0]++;
      }
      fileNanos[i] = System.nanoTime() - t0;
    }
    sink += s;
    return System.nanoTime() - start;
  }

  private static JsonObject cpythonTiming(String python, Path script, Path list, int rounds)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(python);
    cmd.add(script.toString());
    cmd.add("--time");
    cmd.add(String.valueOf(rounds));
    cmd.add("--list");
    cmd.add(list.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    p.getOutputStream().close();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", cmd) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String[] outLines = out.trim().split("\n");
    return JsonParser.parseString(outLines[outLines.length - 1]).getAsJsonObject();
  }
}
