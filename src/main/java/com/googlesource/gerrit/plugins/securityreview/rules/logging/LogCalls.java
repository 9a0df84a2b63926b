package com.googlesource.gerrit.plugins.securityreview.rules.logging;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises logging calls as OpenStack code writes them: {@code LOG.debug(...)} on a module logger
 * ({@code LOG = logging.getLogger(__name__)} from oslo_log or the standard library), {@code
 * self.log.info(...)}, and module-level {@code logging.warning(...)}.
 *
 * <p>The receiver is matched by the names OpenStack uses for loggers rather than by type: {@code
 * notifier.info(...)} or {@code warnings.warn(...)} are not logging calls.
 */
public final class LogCalls {
  private LogCalls() {}

  /** A log level, lowest first; {@code UNKNOWN} for a {@code .log(level, ...)} not known. */
  public enum Level {
    DEBUG,
    INFO,
    WARNING,
    ERROR,
    CRITICAL,
    UNKNOWN;

    /** Whether the level is known and above debug, i.e. logged by a default configuration. */
    public boolean aboveDebug() {
      return this != DEBUG && this != UNKNOWN;
    }
  }

  /**
   * A logging call.
   *
   * @param method the method called: {@code debug}, {@code exception}, {@code log}, ...
   * @param arguments the message and its arguments, positional then keyword values; the level
   *     argument of {@code .log(level, ...)} is left out
   */
  public record LogCall(Call call, String method, Level level, List<Expr> arguments) {}

  private static final Map<String, Level> METHODS =
      Map.of(
          "debug", Level.DEBUG,
          "info", Level.INFO,
          "warning", Level.WARNING,
          "warn", Level.WARNING,
          "error", Level.ERROR,
          "exception", Level.ERROR,
          "critical", Level.CRITICAL,
          "fatal", Level.CRITICAL,
          "log", Level.UNKNOWN);

  /** Names a logger goes by, as a module global or an attribute of {@code self} / {@code cls}. */
  private static final Set<String> LOGGER_NAMES =
      Set.of("LOG", "_LOG", "LOGGER", "_LOGGER", "log", "_log", "logger", "_logger");

  /** The modules whose functions log: {@code logging.info(...)}. */
  private static final Set<String> LOGGING_MODULES = Set.of("logging", "oslo_log.log");

  /** The logging call an expression is, or null. */
  public static LogCall of(Node node, RuleContext ctx) {
    if (!(node instanceof Call call) || !(call.func() instanceof Ast.Attribute f)) {
      return null;
    }
    Level level = METHODS.get(f.attr());
    if (level == null || !isLogger(f.value(), ctx)) {
      return null;
    }
    List<Expr> args = new ArrayList<>(call.args());
    if (f.attr().equals("log")) {
      if (args.isEmpty()) {
        return null;
      }
      level = levelOf(args.remove(0));
    }
    for (Ast.Keyword k : call.keywords()) {
      args.add(k.value());
    }
    return new LogCall(call, f.attr(), level, List.copyOf(args));
  }

  /** Whether a node is a logging call. */
  public static boolean isLogCall(Node node, RuleContext ctx) {
    return of(node, ctx) != null;
  }

  /**
   * Whether statements contain a logging call, nested blocks included; functions and classes
   * defined there are left out (their bodies do not run here).
   */
  public static boolean containsLogCall(List<? extends Node> body, RuleContext ctx) {
    boolean[] found = {false};
    NodeVisitor v =
        new NodeVisitor() {
          @Override
          protected boolean enter(Node n) {
            if (found[0] || NodeVisitor.opensScope(n)) {
              return false;
            }
            if (isLogCall(n, ctx)) {
              found[0] = true;
              return false;
            }
            return true;
          }
        };
    for (Node n : body) {
      v.visit(n);
    }
    return found[0];
  }

  private static boolean isLogger(Expr receiver, RuleContext ctx) {
    if (receiver instanceof Ast.Name n) {
      if (LOGGING_MODULES.contains(ctx.qualifiedName(n))) {
        return true;
      }
      // A logger name that an import binds is a module (e.g. "from oslo_log import log").
      return LOGGER_NAMES.contains(n.id()) && !ctx.imports().isImported(n.id());
    }
    if (receiver instanceof Ast.Attribute a && a.value() instanceof Ast.Name owner) {
      return (owner.id().equals("self") || owner.id().equals("cls"))
          && LOGGER_NAMES.contains(a.attr());
    }
    return false;
  }

  /** The level of {@code LOG.log(level, ...)}: {@code logging.INFO} or a literal number. */
  private static Level levelOf(Expr e) {
    if (e instanceof Ast.Constant c && c.value() instanceof BigInteger i) {
      int v = i.intValue();
      return v >= 50
          ? Level.CRITICAL
          : v >= 40 ? Level.ERROR : v >= 30 ? Level.WARNING : v >= 20 ? Level.INFO : Level.DEBUG;
    }
    String name = DottedNames.of(e);
    if (name == null) {
      return Level.UNKNOWN;
    }
    return switch (DottedNames.lastPart(name)) {
      case "DEBUG", "TRACE" -> Level.DEBUG;
      case "INFO" -> Level.INFO;
      case "WARN", "WARNING" -> Level.WARNING;
      case "ERROR" -> Level.ERROR;
      case "CRITICAL", "FATAL" -> Level.CRITICAL;
      default -> Level.UNKNOWN;
    };
  }
}
