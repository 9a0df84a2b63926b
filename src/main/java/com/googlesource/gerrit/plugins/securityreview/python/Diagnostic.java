package com.googlesource.gerrit.plugins.securityreview.python;

/**
 * A problem found while reading a source file, such as a syntax error or an undecodable byte.
 *
 * @param line 1-based line
 * @param col 0-based column in UTF-8 bytes, as CPython reports {@code SyntaxError.offset - 1}
 * @param message what is wrong, in CPython's words where it has them
 */
public record Diagnostic(int line, int col, String message) {
  @Override
  public String toString() {
    return line + ":" + (col + 1) + ": " + message;
  }
}
