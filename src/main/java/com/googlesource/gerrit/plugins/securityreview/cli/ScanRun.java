package com.googlesource.gerrit.plugins.securityreview.cli;

import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Checked;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Problem;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanReport.Scanned;
import com.googlesource.gerrit.plugins.securityreview.cli.ScanTargets.Target;
import com.googlesource.gerrit.plugins.securityreview.engine.BaseVersion;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Finding;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the engine over the targets of a {@code scan} on a few threads with large stacks, and
 * gathers the results in the order of the targets. The walk that finds the files hands each to
 * {@link #start} as it finds it, so that checking begins while it goes on. A file that cannot be
 * read, or on which the engine fails, becomes a {@link Problem}; the other files are still checked.
 * (A rule that throws does not stop the engine: its failure is in the file's result.)
 */
final class ScanRun implements AutoCloseable {
  /**
   * Stack of the analysis threads: the parser and the tree walk recurse over nested source, and a
   * pathological file must not crash the scan.
   */
  private static final long STACK_SIZE = 256L << 20;

  private static final int MAX_THREADS = 8;

  private final Engine engine;
  private final Runnable fileDone;

  /** Its threads are made as tasks arrive, so a scan of one file starts one. */
  private final ExecutorService pool;

  /** The files started before the list of targets was complete. */
  private final Map<Target, Future<Checked>> started = new HashMap<>();

  /**
   * @param fileDone told each time a file has been checked, on the thread that checked it
   */
  ScanRun(Engine engine, Runnable fileDone) {
    this.engine = engine;
    this.fileDone = fileDone;
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(null, r, Main.NAME + "-scan", STACK_SIZE);
              t.setDaemon(true);
              return t;
            });
  }

  /** Checks {@code targets} on a run of its own; see {@link #finish}. */
  static ScanReport check(
      Engine engine,
      List<Target> targets,
      List<Problem> unreadable,
      boolean diff,
      long startNanos,
      Runnable fileDone) {
    try (ScanRun run = new ScanRun(engine, fileDone)) {
      return run.finish(targets, unreadable, diff, startNanos);
    }
  }

  /** Starts checking a file the walk found; {@link #finish} reports it if it is a target. */
  void start(Target t) {
    started.computeIfAbsent(t, this::submit);
  }

  private Future<Checked> submit(Target t) {
    return pool.submit(
        () -> {
          try {
            return check(engine, t);
          } finally {
            fileDone.run();
          }
        });
  }

  /**
   * The report on {@code targets}, in their order: each started already, or started now.
   *
   * @param unreadable what the walk for the targets could not read, reported first
   * @param diff whether the targets are the files of a change ({@code --diff})
   * @param startNanos {@link System#nanoTime} when the scan started, for the report's wall time
   */
  ScanReport finish(List<Target> targets, List<Problem> unreadable, boolean diff, long startNanos) {
    List<Future<Checked>> futures = new ArrayList<>();
    for (Target t : targets) {
      Future<Checked> f = started.remove(t);
      futures.add(f != null ? f : submit(t));
    }
    // Started and then left out: a file the walk reached again through a link.
    started.values().forEach(f -> f.cancel(false));
    started.clear();
    List<Scanned> files = new ArrayList<>();
    List<Problem> errors = new ArrayList<>(unreadable);
    for (int i = 0; i < futures.size(); i++) {
      Checked checked;
      try {
        checked = futures.get(i).get();
      } catch (ExecutionException e) {
        checked =
            new Problem(
                targets.get(i).path(), "internal error: " + RuleFailure.error(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        checked = new Problem(targets.get(i).path(), "interrupted");
      }
      switch (checked) {
        case Scanned s -> files.add(s);
        case Problem p -> errors.add(p);
      }
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    return new ScanReport(List.copyOf(files), List.copyOf(errors), millis, diff);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Reads and checks one file. */
  private static Checked check(Engine engine, Target t) {
    byte[] content;
    try {
      content = Files.readAllBytes(t.file());
    } catch (IOException e) {
      return new Problem(t.path(), "cannot read: " + e.getMessage());
    }
    return check(engine, t, content);
  }

  /** Checks one file's content, read already, on the calling thread. */
  static Checked check(Engine engine, Target t, byte[] content) {
    FileResult result;
    try {
      if (t.base() == null) {
        result = engine.analyze(t.path(), content, t.changed());
      } else {
        BaseVersion base;
        try {
          base = t.base().read();
        } catch (GitDiff.GitException e) {
          return new Problem(t.path(), e.getMessage());
        }
        result = engine.analyze(t.path(), content, t.changed(), base);
      }
    } catch (RuntimeException | StackOverflowError e) {
      return new Problem(t.path(), "internal error while checking: " + RuleFailure.error(e));
    }
    if (result.findings().isEmpty()) {
      return new Scanned(result, List.of());
    }
    // Only files with findings, and only the lines they are on: most files have none.
    Map<Integer, String> lines = lines(content, result.findings());
    List<String> texts = new ArrayList<>(result.findings().size());
    for (Finding f : result.findings()) {
      texts.add(lines.getOrDefault(f.line(), ""));
    }
    return new Scanned(result, List.copyOf(texts));
  }

  /**
   * The text of the lines the findings are on, for line hashes only: UTF-8, bad bytes replaced,
   * lines ended by CRLF, CR or LF; a line past the end is missing.
   */
  private static Map<Integer, String> lines(byte[] content, List<Finding> findings) {
    Set<Integer> wanted = new HashSet<>();
    for (Finding f : findings) {
      wanted.add(f.line());
    }
    String s = new String(content, StandardCharsets.UTF_8);
    int start = s.startsWith("\uFEFF") ? 1 : 0;
    Map<Integer, String> out = new HashMap<>();
    int line = 1;
    for (int i = start; ; i++) {
      boolean end = i == s.length();
      char c = end ? 0 : s.charAt(i);
      if (end || c == '\n' || c == '\r') {
        if (wanted.contains(line)) {
          out.put(line, s.substring(start, i));
        }
        if (end) {
          return out;
        }
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
        line++;
      }
    }
  }
}
