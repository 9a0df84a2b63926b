package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * Where a tenant-controlled value comes from.
 *
 * @param source the expression that reads the tenant's data ({@code port['name']}, {@code
 *     context.current})
 * @param reason why it is tenant-controlled, for messages
 * @param freeForm whether it is a free-form text field a tenant fills in (a name, a description, a
 *     binding profile value, an external id) rather than a whole resource or a structured field
 */
public record TenantSource(Ast.Expr source, String reason, boolean freeForm) {}
