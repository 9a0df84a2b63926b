package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Small expression helpers shared by the PY2xx rules. */
final class DataExprs {
  private DataExprs() {}

  /** The oslo.config (and keystoneauth) option classes whose values may hold text. */
  static final Set<String> TEXT_OPTIONS =
      Set.of(
          "oslo_config.cfg.Opt",
          "oslo_config.cfg.StrOpt",
          "oslo_config.cfg.URIOpt",
          "oslo_config.cfg.MultiStrOpt",
          "oslo_config.cfg.MultiOpt",
          "oslo_config.cfg.ListOpt",
          "oslo_config.cfg.DictOpt",
          "keystoneauth1.loading.Opt");

  /** The value of a string literal, or null. */
  static String string(Expr e) {
    return e instanceof Ast.Constant c && c.value() instanceof String s ? s : null;
  }

  /** Whether an expression is the literal {@code True}. */
  static boolean isTrue(Expr e) {
    return e instanceof Ast.Constant c && Boolean.TRUE.equals(c.value());
  }

  /** Whether an expression is the literal {@code False}. */
  static boolean isFalse(Expr e) {
    return e instanceof Ast.Constant c && Boolean.FALSE.equals(c.value());
  }

  /** Whether a call builds an oslo.config option that holds text. */
  static boolean isTextOption(RuleContext ctx, Call call) {
    String name = ctx.callName(call);
    return name != null && TEXT_OPTIONS.contains(name);
  }

  /** The literal name of an oslo.config option ({@code cfg.StrOpt('name', ...)}), or null. */
  static String optionName(Call call) {
    return string(RuleContext.argument(call, 0, "name"));
  }

  /**
   * The text of a help string: a literal, or a literal wrapped in {@code _()}; "" for anything
   * else.
   */
  static String helpText(Call call) {
    Expr help = RuleContext.keyword(call, "help");
    if (help instanceof Call c && c.args().size() == 1) {
      help = c.args().get(0);
    }
    String s = string(help);
    return s == null ? "" : s;
  }

  /** Whether the file imports a module ({@code import tarfile}, {@code from tarfile import x}). */
  static boolean importsModule(Ast.Module module, String name) {
    Set<String> found = new HashSet<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Ast.Import imp) {
          for (Ast.Alias a : imp.names()) {
            if (a.name().equals(name) || a.name().startsWith(name + ".")) {
              found.add(name);
            }
          }
          return false;
        }
        if (node instanceof Ast.ImportFrom from && from.level() == 0 && from.module() != null) {
          if (from.module().equals(name) || from.module().startsWith(name + ".")) {
            found.add(name);
          }
          return false;
        }
        return true;
      }
    }.visit(module);
    return !found.isEmpty();
  }

  /** Whether the file calls one of the given functions anywhere (imports resolved). */
  static boolean callsAnywhere(RuleContext ctx, Set<String> names) {
    Set<String> found = new HashSet<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Call call) {
          String called = ctx.callName(call);
          if (called != null && names.contains(called)) {
            found.add(called);
          }
        }
        return found.isEmpty();
      }
    }.visit(ctx.module());
    return !found.isEmpty();
  }

  /** Converts {@code adminPassword} to {@code admin_password}; lower case throughout. */
  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
