package com.googlesource.gerrit.plugins.securityreview.engine;

import java.time.Duration;

/**
 * The time one file's analysis may take, and the check the engine makes as it walks: once the
 * deadline has passed or the thread is interrupted, the analysis stops where it is, so that one
 * pathological file cannot hold a review worker, and an interrupt (a plugin stop) is honoured.
 */
final class FileBudget {
  /** How many nodes pass between two looks at the clock: nanoTime is cheap, not free. */
  private static final int CHECK_EVERY = 256;

  private final Duration limit;
  private final long deadline;
  private int untilCheck = CHECK_EVERY;

  FileBudget(Duration limit) {
    this.limit = limit;
    this.deadline = System.nanoTime() + limit.toNanos();
  }

  /**
   * Called for every node visited: whether it is time to {@link #check} (once in {@value
   * #CHECK_EVERY} nodes), so that the caller works out the line only then.
   */
  boolean due() {
    if (--untilCheck > 0) {
      return false;
    }
    untilCheck = CHECK_EVERY;
    return true;
  }

  /** Throws {@link Exceeded} when the deadline has passed or the thread was interrupted. */
  void check(int line) {
    if (Thread.currentThread().isInterrupted()) {
      // The flag stays set: whoever interrupted the worker still sees it.
      throw new Exceeded(line, "the review was interrupted");
    }
    if (System.nanoTime() - deadline > 0) {
      throw new Exceeded(
          line,
          "the analysis took longer than the file's time budget of "
              + describe(limit)
              + " (option fileBudget)");
    }
  }

  private static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** The analysis of a file stopped at a line; what was found before it is kept. */
  static final class Exceeded extends RuntimeException {
    private final int line;

    Exceeded(int line, String reason) {
      super(reason, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }

    /** The diagnostic that makes the file's review report as incomplete, and why. */
    com.googlesource.gerrit.plugins.securityreview.python.Diagnostic diagnostic() {
      return new com.googlesource.gerrit.plugins.securityreview.python.Diagnostic(
          Math.max(1, line),
          0,
          "review stopped at line "
              + Math.max(1, line)
              + ": "
              + getMessage()
              + "; findings after it are missing");
    }
  }
}
