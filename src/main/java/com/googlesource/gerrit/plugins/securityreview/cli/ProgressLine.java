package com.googlesource.gerrit.plugins.securityreview.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far a long scan is, on one line of stderr that is rewritten in place ({@code \r}): {@code
 * security-review: 340 of 1200 files, 12s}. Only on a terminal, and only for scans of more than
 * {@link #MIN_FILES} files: a short scan ends before a line would help, and a log or a pipe should
 * not fill with carriage returns. {@link #close} clears the line, so that the report and messages
 * that follow start on a clean line. Thread-safe: the analysis threads report their files.
 */
final class ProgressLine implements AutoCloseable {
  /** Scans of at most this many files show no progress. */
  static final int MIN_FILES = 300;

  /**
   * How often the line is rewritten at most: often enough to look alive, rarely enough to cost
   * nothing.
   */
  static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final PrintStream err;
  private final boolean stderrIsTerminal;
  private final LongSupplier nanoTime;
  private final long start;
  private int total = -1;
  private boolean shown;
  private int done;
  private long lastDrawn;
  private int width;

  /**
   * A line that counts files from now on, and shows them once it knows how many the scan checks
   * ({@link #total}): files are checked while the walk still looks for more.
   *
   * @param stderrIsTerminal whether {@code err} goes to a terminal ({@link #stderrIsTerminal()}
   *     outside tests)
   * @param nanoTime the clock, as {@link System#nanoTime}
   */
  ProgressLine(PrintStream err, boolean stderrIsTerminal, LongSupplier nanoTime) {
    this.err = err;
    this.stderrIsTerminal = stderrIsTerminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastDrawn = start - REFRESH_NANOS;
  }

  /**
   * How many files the scan checks; the line is drawn at once, as the files checked during the walk
   * may be all of them.
   */
  synchronized void total(int total) {
    this.total = total;
    this.shown = stderrIsTerminal && total > MIN_FILES;
    draw();
  }

  /**
   * Whether stderr is a terminal (other than a dumb one). Java cannot ask about stderr alone; Linux
   * tells what file descriptor 2 is in {@code /proc/self/fd}. Elsewhere {@link System#console()}
   * answers for stdin and stdout together: from Java 22 on it exists even when they are redirected,
   * and {@code Console.isTerminal()} (looked up by reflection, as the jar is built for Java 21)
   * tells.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String fd2 = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return fd2.startsWith("/dev/pts/") || fd2.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      // No /proc: ask the console.
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      // Java 21: a console exists only on a terminal.
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** One more file checked. */
  synchronized void fileDone() {
    done++;
    draw();
  }

  private void draw() {
    if (!shown) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastDrawn >= REFRESH_NANOS) {
      lastDrawn = now;
      // The counts and the time only grow: each line covers the one before.
      String line = line(done, total, now - start);
      err.print('\r' + line);
      err.flush();
      width = line.length();
    }
  }

  /** Clears the line, if one was drawn. */
  @Override
  public synchronized void close() {
    if (width > 0) {
      err.print('\r' + " ".repeat(width) + '\r');
      err.flush();
      width = 0;
    }
  }

  /** E.g. {@code security-review: 340 of 1200 files, 1m05s}. */
  static String line(int done, int total, long elapsedNanos) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
    String elapsed =
        seconds < 60
            ? seconds + "s"
            : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    return Main.NAME + ": " + done + " of " + total + " files, " + elapsed;
  }
}
