package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayList;
import java.util.List;

/** Small expression helpers shared by the OVN4xx rules. */
final class Exprs {
  private Exprs() {}

  /** The value of a string literal, or null. */
  static String string(Expr e) {
    return e instanceof Ast.Constant c && c.value() instanceof String s ? s : null;
  }

  /** Whether an expression is the literal {@code False}. */
  static boolean isFalse(Expr e) {
    return e instanceof Ast.Constant c && Boolean.FALSE.equals(c.value());
  }

  /** Whether an expression is the literal {@code True}. */
  static boolean isTrue(Expr e) {
    return e instanceof Ast.Constant c && Boolean.TRUE.equals(c.value());
  }

  /** Whether an expression is an empty list or tuple literal. */
  static boolean isEmptySequence(Expr e) {
    return (e instanceof Ast.List l && l.elts().isEmpty())
        || (e instanceof Ast.Tuple t && t.elts().isEmpty());
  }

  /** The last part of a dotted name (imports resolved), or null when it is not a dotted name. */
  static String lastName(RuleContext ctx, Expr e) {
    String q = ctx.qualifiedName(e);
    return q == null ? null : DottedNames.lastPart(q);
  }

  /** The last part of what a call calls, or "" when it calls no dotted name. */
  static String callLastName(RuleContext ctx, Ast.Call call) {
    String last = lastName(ctx, call.func());
    return last == null ? "" : last;
  }

  /**
   * What a local name stands for: the value of its only assignment in the enclosing function (or
   * the module), when it is bound exactly once by a plain {@code name = value}. Anything else
   * (parameters, loop variables, several assignments) is unknown and gives null, so rules stay
   * silent rather than guess.
   */
  static Expr localValue(RuleContext ctx, Ast.Name name) {
    Node scope = ctx.enclosingFunction();
    if (scope == null) {
      return onlyAssignment(ctx.module().body(), name.id());
    }
    if (isParameter(scope, name.id())) {
      return null;
    }
    List<Ast.Stmt> body = RuleContext.functionBody(scope);
    if (bindsName(body, name.id())) {
      return onlyAssignment(body, name.id());
    }
    // Not bound in the function: a module-level constant, if it is one.
    return onlyAssignment(ctx.module().body(), name.id());
  }

  private static boolean bindsName(List<Ast.Stmt> body, String id) {
    return !scan(body, id).stores().isEmpty();
  }

  private static Expr onlyAssignment(List<Ast.Stmt> body, String id) {
    Bindings b = scan(body, id);
    return b.stores().size() == 1 && b.values().size() == 1 ? b.values().get(0) : null;
  }

  private record Bindings(List<Node> stores, List<Expr> values) {}

  private static Bindings scan(List<Ast.Stmt> body, String id) {
    Bindings b = new Bindings(new ArrayList<>(), new ArrayList<>());
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        // Nested scopes bind their own names.
        if (NodeVisitor.opensScope(node)) {
          return false;
        }
        if (node instanceof Ast.Name n && n.id().equals(id) && n.ctx() != Ast.ExprContext.Load) {
          b.stores().add(n);
        }
        if (node instanceof Ast.Assign a
            && a.targets().size() == 1
            && a.targets().get(0) instanceof Ast.Name t
            && t.id().equals(id)) {
          b.values().add(a.value());
        }
        return true;
      }
    }.visitAll(body);
    return b;
  }

  /** Follows a name to its only local assignment, a few steps at most; else the expression. */
  static Expr resolve(RuleContext ctx, Expr e) {
    for (int i = 0; i < 3 && e instanceof Ast.Name n; i++) {
      Expr v = localValue(ctx, n);
      if (v == null) {
        return e;
      }
      e = v;
    }
    return e;
  }

  private static boolean isParameter(Node fn, String id) {
    Ast.Arguments a =
        switch (fn) {
          case Ast.FunctionDef f -> f.args();
          case Ast.AsyncFunctionDef f -> f.args();
          default -> null;
        };
    if (a == null) {
      return false;
    }
    List<Ast.Arg> all = new ArrayList<>();
    all.addAll(a.posonlyargs());
    all.addAll(a.args());
    all.addAll(a.kwonlyargs());
    if (a.vararg() != null) {
      all.add(a.vararg());
    }
    if (a.kwarg() != null) {
      all.add(a.kwarg());
    }
    return all.stream().anyMatch(p -> p.arg().equals(id));
  }
}
