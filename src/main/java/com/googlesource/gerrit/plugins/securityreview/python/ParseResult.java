package com.googlesource.gerrit.plugins.securityreview.python;

import java.util.List;
import java.util.Set;

/**
 * The outcome of parsing one file: the tree (always present, possibly partial), the text it was
 * read from, the problems found, the comments (which the tree does not keep) and the identifiers
 * the file spells. An empty {@code diagnostics} list means CPython would accept the file too.
 *
 * @param names the identifiers of the tokens, or null for a tree not made by the tokenizer (then
 *     every identifier counts as spelled)
 */
public record ParseResult(
    Ast.Module module,
    SourceText source,
    List<Diagnostic> diagnostics,
    List<Comment> comments,
    NameTable names) {
  /** A result whose identifiers are not known. */
  public ParseResult(
      Ast.Module module, SourceText source, List<Diagnostic> diagnostics, List<Comment> comments) {
    this(module, source, diagnostics, comments, null);
  }

  /** Whether the source is valid Python: no syntax error (our own defects aside). */
  public boolean ok() {
    return diagnostics.stream().allMatch(Diagnostic::internal);
  }

  /**
   * Whether the file spells one of these identifiers anywhere: in an import, a name, an attribute,
   * a keyword argument or a definition, an f-string's fields included (not in the text of strings
   * or comments).
   */
  public boolean spellsAny(Set<String> identifiers) {
    if (names == null) {
      return true;
    }
    for (String id : identifiers) {
      if (names.contains(id)) {
        return true;
      }
    }
    return false;
  }
}
