package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logging calls as OpenStack writes them: {@code LOG.debug(...)} on a logger, {@code
 * self.log.info(...)}, module-level {@code logging.warning(...)}.
 */
final class Loggers {
  private static final Map<String, LogLevel> METHODS =
      Map.of(
          "debug", LogLevel.DEBUG,
          "info", LogLevel.INFO,
          "warning", LogLevel.WARNING,
          "warn", LogLevel.WARNING,
          "error", LogLevel.ERROR,
          "exception", LogLevel.ERROR,
          "critical", LogLevel.CRITICAL,
          "fatal", LogLevel.CRITICAL,
          "log", LogLevel.UNKNOWN);

  /** Names a logger goes by, as a module global or an attribute of {@code self} / {@code cls}. */
  static final Set<String> LOGGER_NAMES =
      Set.of("LOG", "_LOG", "LOGGER", "_LOGGER", "log", "_log", "logger", "_logger");

  /** The modules whose functions log: {@code logging.info(...)}. */
  static final Set<String> LOGGING_MODULES = Set.of("logging", "oslo_log.log");

  /** The factories that make a logger. */
  static final Set<String> GET_LOGGER =
      Set.of("logging.getLogger", "oslo_log.log.getLogger", "logging.LoggerAdapter");

  private final SemanticModel model;
  private final Map<Ast.Call, Object> memo = new IdentityHashMap<>();

  Loggers(SemanticModel model) {
    this.model = model;
  }

  LoggerCall of(Ast.Call call) {
    if (call == null) {
      return null;
    }
    Object cached = memo.get(call);
    if (cached != null) {
      return cached instanceof LoggerCall l ? l : null;
    }
    LoggerCall l = compute(call);
    memo.put(call, l == null ? Boolean.FALSE : l);
    return l;
  }

  private LoggerCall compute(Ast.Call call) {
    if (!(call.func() instanceof Ast.Attribute f)) {
      return null;
    }
    LogLevel level = METHODS.get(f.attr());
    if (level == null) {
      return null;
    }
    Boolean byName = loggerEvidence(f.value());
    if (byName == null) {
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
    return new LoggerCall(call, f.attr(), level, List.copyOf(args), byName);
  }

  boolean isLogger(Expr e) {
    return loggerEvidence(e) != null;
  }

  /** Null when not a logger; else whether only the name says so. */
  private Boolean loggerEvidence(Expr receiver) {
    if (receiver instanceof Ast.Name n) {
      if (LOGGING_MODULES.contains(String.valueOf(model.qualifiedName(n)))) {
        return false;
      }
      Expr v = model.onlyValue(n);
      if (v instanceof Ast.Call c && isGetLogger(c)) {
        return false;
      }
      // A logger name that an import binds is a module (e.g. "from oslo_log import log").
      return LOGGER_NAMES.contains(n.id()) && !model.imports().isImported(n.id()) ? true : null;
    }
    if (receiver instanceof Ast.Attribute a && a.value() instanceof Ast.Name owner) {
      Ast.ClassDef cls = model.ownerClass(a);
      if (cls != null) {
        for (Expr v : model.attributeValues(cls, a.attr())) {
          if (v instanceof Ast.Call c && isGetLogger(c)) {
            return false;
          }
        }
      }
      return (owner.id().equals("self") || owner.id().equals("cls"))
              && LOGGER_NAMES.contains(a.attr())
          ? true
          : null;
    }
    return null;
  }

  private boolean isGetLogger(Ast.Call c) {
    String q = model.callName(c);
    return q != null && GET_LOGGER.contains(q);
  }

  /** The level of {@code LOG.log(level, ...)}: {@code logging.INFO} or a literal number. */
  private static LogLevel levelOf(Expr e) {
    if (e instanceof Ast.Constant c && c.value() instanceof BigInteger i) {
      int v = i.intValue();
      return v >= 50
          ? LogLevel.CRITICAL
          : v >= 40
              ? LogLevel.ERROR
              : v >= 30 ? LogLevel.WARNING : v >= 20 ? LogLevel.INFO : LogLevel.DEBUG;
    }
    String name = SemanticModel.dotted(e);
    if (name == null) {
      return LogLevel.UNKNOWN;
    }
    return switch (SemanticModel.lastPart(name)) {
      case "DEBUG", "TRACE" -> LogLevel.DEBUG;
      case "INFO" -> LogLevel.INFO;
      case "WARN", "WARNING" -> LogLevel.WARNING;
      case "ERROR" -> LogLevel.ERROR;
      case "CRITICAL", "FATAL" -> LogLevel.CRITICAL;
      default -> LogLevel.UNKNOWN;
    };
  }
}
