package com.googlesource.gerrit.plugins.securityreview.python;

import java.util.List;

/**
 * The outcome of parsing one file: the tree (always present, possibly partial), the text it was
 * read from, the problems found, and the comments (which the tree does not keep). An empty {@code
 * diagnostics} list means CPython would accept the file too.
 */
public record ParseResult(
    Ast.Module module, SourceText source, List<Diagnostic> diagnostics, List<Comment> comments) {
  /** Whether the source is valid Python: no syntax error (our own defects aside). */
  public boolean ok() {
    return diagnostics.stream().allMatch(Diagnostic::internal);
  }
}
