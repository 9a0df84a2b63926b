package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Small value helpers shared by the PY4xx rules. */
final class Values {
  /** The category of the PY4xx rules. */
  static final String CATEGORY = "PY4xx templates, assertions, permissions and debug hooks";

  private Values() {}

  /** Whether an expression is a literal that Python treats as false: False, None, 0 or "". */
  static boolean isFalsyLiteral(Expr e) {
    if (!(e instanceof Ast.Constant c)) {
      return false;
    }
    return Boolean.FALSE.equals(c.value())
        || c.isNone()
        || BigInteger.ZERO.equals(c.value())
        || "".equals(c.value());
  }

  /** Whether an expression is the literal {@code True}. */
  static boolean isTrue(Expr e) {
    return e instanceof Ast.Constant c && Boolean.TRUE.equals(c.value());
  }

  /**
   * Follows a local name to the value of its only plain assignment in the enclosing function (or
   * the module), a few steps at most. Parameters, loop variables and names bound several times stay
   * unknown: the name itself is returned, so rules stay silent rather than guess.
   */
  static Expr resolve(RuleContext ctx, Expr e) {
    for (int i = 0; i < 3 && e instanceof Ast.Name n; i++) {
      Expr v = localValue(ctx, n.id());
      if (v == null) {
        return e;
      }
      e = v;
    }
    return e;
  }

  private static Expr localValue(RuleContext ctx, String id) {
    Node fn = ctx.enclosingFunction();
    if (fn != null) {
      if (isParameter(fn, id)) {
        return null;
      }
      List<Ast.Stmt> body = RuleContext.functionBody(fn);
      Bindings b = scan(body, id);
      if (!b.stores().isEmpty()) {
        return b.only();
      }
    }
    return scan(ctx.module().body(), id).only();
  }

  private record Bindings(List<Node> stores, List<Expr> values) {
    Expr only() {
      return stores.size() == 1 && values.size() == 1 ? values.get(0) : null;
    }
  }

  private static Bindings scan(List<Ast.Stmt> body, String id) {
    Bindings b = new Bindings(new ArrayList<>(), new ArrayList<>());
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        // Nested functions and classes bind their own names.
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
