package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the objects of one file are, as far as their assignments tell: {@code self._queue =
 * queue.Queue()} makes {@code self._queue} a queue everywhere in the file, {@code t =
 * threading.Thread(...)} makes {@code t} a thread within its function. The rules ask it what a
 * call's receiver is, so that {@code q.get()} is matched on queues and not on context variables.
 *
 * <p>Attribute and subscript targets count for the whole file (they are usually {@code self.x}, set
 * in {@code __init__} and used in other methods); plain names count in the function (or module)
 * that assigns them, falling back to the module.
 */
final class Receivers {
  /** What an assignment that no classifier recognises makes of its target. */
  static final String OTHER = "other";

  private final Map<String, String> kinds;

  private Receivers(Map<String, String> kinds) {
    this.kinds = kinds;
  }

  /**
   * Types the targets of every assignment and {@code with ... as} of the file: {@code classify}
   * maps an assigned value to a kind, or null when it cannot tell.
   */
  static Receivers of(RuleContext ctx, Function<Expr, String> classify) {
    Map<String, String> kinds = new HashMap<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        switch (node) {
          case Ast.Assign a -> {
            for (Expr t : a.targets()) {
              record(t, a.value());
            }
          }
          case Ast.AnnAssign a when a.value() != null -> record(a.target(), a.value());
          case Ast.WithItem w when w.optionalVars() != null ->
              record(w.optionalVars(), w.contextExpr());
          default -> {}
        }
        return true;
      }

      private void record(Expr target, Expr value) {
        if (value instanceof Ast.Constant c && c.isNone()) {
          return; // "self._event = None" placeholders say nothing
        }
        String key = key(ctx, target, scopeOf(ancestors()));
        if (key == null) {
          return;
        }
        String kind = classify.apply(value);
        if (kind != null) {
          kinds.put(key, kind);
        } else {
          // A known kind wins over any other assignment of the same target.
          kinds.putIfAbsent(key, OTHER);
        }
      }
    }.visit(ctx.module());
    return new Receivers(Map.copyOf(kinds));
  }

  /** The kind of an expression by its assignments, {@link #OTHER}, or null when never assigned. */
  String kindOf(RuleContext ctx, Expr receiver) {
    String key = key(ctx, receiver, scopeOf(ctx.ancestors()));
    if (key == null) {
      return null;
    }
    String kind = kinds.get(key);
    if (kind == null && receiver instanceof Ast.Name) {
      kind = kinds.get(key(ctx, receiver, "module"));
    }
    return kind;
  }

  /** The last identifier of a receiver ({@code _queue} for {@code self._queue}), or null. */
  static String lastName(Expr receiver) {
    return switch (receiver) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case Ast.Subscript s when s.slice() instanceof Ast.Constant c && c.isString() ->
          (String) c.value();
      default -> null;
    };
  }

  private static String key(RuleContext ctx, Expr target, String scope) {
    return switch (target) {
      case Ast.Name n -> scope + "/" + n.id();
      case Ast.Attribute a -> {
        String dotted = DottedNames.of(a);
        yield dotted != null ? dotted : ctx.text(a).replaceAll("\\s+", "");
      }
      case Ast.Subscript s -> ctx.text(s).replaceAll("\\s+", "");
      default -> null;
    };
  }

  private static String scopeOf(Iterable<Node> ancestors) {
    for (Node n : ancestors) {
      if (n instanceof Ast.FunctionDef || n instanceof Ast.AsyncFunctionDef) {
        Ast.Loc l = ((Ast.Stmt) n).loc();
        return l.line() + ":" + l.col();
      }
    }
    return "module";
  }
}
