package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/** A parameter with a default value, for {@link SemanticModel#parameterDefaults}. */
public record ParameterDefault(Ast.Arg parameter, Ast.Expr value) {}
