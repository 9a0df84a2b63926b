package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;

/**
 * A call that defines an oslo.config (or keystoneauth) option: {@code cfg.StrOpt('name',
 * default=..., secret=True, help=_('...'))}.
 *
 * @param call the defining call
 * @param type the qualified name of the option class ({@code oslo_config.cfg.StrOpt})
 * @param name the option's name, folded to a constant; null when not constant
 * @param nameArgument the expression giving the name (first argument or {@code name=}), or null
 * @param defaultValue the {@code default=} expression, or null
 * @param secret the {@code secret=} expression, or null
 * @param help the help text, folded (through a {@code _()} translation); null when not constant
 * @param holdsText whether the option's values are text (strings, URIs, lists or dicts of them)
 */
public record ConfigOption(
    Ast.Call call,
    String type,
    String name,
    Expr nameArgument,
    Expr defaultValue,
    Expr secret,
    String help,
    boolean holdsText) {}
