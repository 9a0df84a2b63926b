package com.googlesource.gerrit.plugins.securityreview.python;

/**
 * Parses Python 3 source (the grammar of CPython 3.13) into an {@link Ast.Module}.
 *
 * <p>Never throws for any input: undecodable bytes, syntax errors, NUL bytes, runaway nesting and
 * Python 2 code give {@link Diagnostic}s and as much of the tree as could be read.
 */
public final class PythonParser {
  private PythonParser() {}

  /** Parses file content, honouring a UTF-8 BOM and a PEP 263 coding declaration. */
  public static ParseResult parse(byte[] content) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Parses already decoded source text. */
  public static ParseResult parse(String source) {
    throw new UnsupportedOperationException("TODO");
  }
}
