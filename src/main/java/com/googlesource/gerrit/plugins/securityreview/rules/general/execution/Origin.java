package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;

/**
 * Where a string (a command, a piece of code) comes from, as far as one function shows: a literal
 * (or built from literals and constants only), built by formatting or concatenation from a value
 * that is not a literal, or opaque (a parameter, an attribute, a call result: nothing says what it
 * holds).
 *
 * @param kind which of the three
 * @param how for {@link Kind#BUILT}, how it is built ("with `%`", "as an f-string"); else null
 * @param value the first non-literal value that goes into it; null for {@link Kind#LITERAL}
 */
record Origin(Kind kind, String how, Expr value) {
  enum Kind {
    LITERAL,
    BUILT,
    OPAQUE
  }

  static final Origin LITERAL = new Origin(Kind.LITERAL, null, null);

  static Origin built(String how, Expr value) {
    return new Origin(Kind.BUILT, how, value);
  }

  static Origin opaque(Expr value) {
    return new Origin(Kind.OPAQUE, null, value);
  }

  boolean isLiteral() {
    return kind == Kind.LITERAL;
  }

  boolean isBuilt() {
    return kind == Kind.BUILT;
  }
}
