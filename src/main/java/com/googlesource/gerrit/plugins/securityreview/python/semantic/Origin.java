package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;

/**
 * Where a string comes from: a literal (or built from safe parts only), built by formatting or
 * concatenation from a part that is not safe, opaque (a parameter, an attribute, a call result:
 * nothing says what it holds), or built from a tenant-controlled part.
 *
 * @param how for BUILT and TENANT, how it is built ("with `%`", "as an f-string"); else null
 * @param value the first part that is not safe; null for LITERAL
 * @param tenant for TENANT, where the tenant's data comes from; else null
 */
public record Origin(Kind kind, String how, Expr value, TenantSource tenant) {
  public enum Kind {
    LITERAL,
    BUILT,
    OPAQUE,
    TENANT
  }

  public static final Origin LITERAL = new Origin(Kind.LITERAL, null, null, null);

  static Origin built(String how, Expr value) {
    return new Origin(Kind.BUILT, how, value, null);
  }

  static Origin opaque(Expr value) {
    return new Origin(Kind.OPAQUE, null, value, null);
  }

  public boolean isLiteral() {
    return kind == Kind.LITERAL;
  }

  /** Built from a part that is not safe (tenant-controlled parts included). */
  public boolean isBuilt() {
    return kind == Kind.BUILT || kind == Kind.TENANT;
  }
}
