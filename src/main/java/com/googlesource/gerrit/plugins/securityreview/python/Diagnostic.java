package com.googlesource.gerrit.plugins.securityreview.python;

/**
 * A problem found while reading a source file, such as a syntax error or an undecodable byte.
 *
 * @param line 1-based line
 * @param col 0-based column in UTF-8 bytes, as CPython reports {@code SyntaxError.offset - 1}
 * @param message what is wrong, in CPython's words where it has them
 * @param internal whether it is a defect of ours (the tokenizer or parser threw) rather than a fact
 *     about the source: the statement it is in was skipped, though it may be valid Python
 */
public record Diagnostic(int line, int col, String message, boolean internal) {
  public Diagnostic(int line, int col, String message) {
    this(line, col, message, false);
  }

  /** A defect of the front end at this position, reported instead of thrown. */
  static Diagnostic internalError(int line, int col, String component, Throwable e) {
    return new Diagnostic(line, col, "internal " + component + " error: " + describe(e), true);
  }

  /** The exception and the first frame of this project's code, which names the failing code. */
  public static String describe(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("com.googlesource.")) {
        return e + " at " + frame;
      }
    }
    StackTraceElement[] frames = e.getStackTrace();
    return frames.length == 0 ? e.toString() : e + " at " + frames[0];
  }

  @Override
  public String toString() {
    return line + ":" + (col + 1) + ": " + message;
  }
}
