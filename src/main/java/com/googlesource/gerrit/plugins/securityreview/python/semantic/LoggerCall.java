package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.List;

/**
 * A logging call.
 *
 * @param method the method called: {@code debug}, {@code exception}, {@code log}, ...
 * @param arguments the message and its arguments, positional then keyword values; the level
 *     argument of {@code .log(level, ...)} is left out
 * @param byName whether the receiver is known to be a logger only by its name ({@code LOG})
 */
public record LoggerCall(
    Ast.Call call, String method, LogLevel level, List<Ast.Expr> arguments, boolean byName) {}
