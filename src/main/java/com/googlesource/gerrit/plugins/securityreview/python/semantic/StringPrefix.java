package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * The constant text a string value starts with, for {@link SemanticModel#stringPrefix}: all of it
 * when the value folds to a constant, else the leading constant parts of an f-string, a {@code +}
 * chain, or the format string of a {@code %} or {@code .format()} up to its first placeholder.
 *
 * @param text the leading constant text
 * @param whole whether the text is the whole value
 * @param literal the string literal the text starts with (in an assignment when it comes through a
 *     name); null when the value starts otherwise (a folded {@code join}, say)
 */
public record StringPrefix(String text, boolean whole, Ast.Constant literal) {}
