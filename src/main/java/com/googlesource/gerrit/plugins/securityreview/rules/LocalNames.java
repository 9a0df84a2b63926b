package com.googlesource.gerrit.plugins.securityreview.rules;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a local name stands for, as far as one reading of the enclosing function can tell. Rules use
 * it to see through {@code mode = 0o777; os.chmod(p, mode)}; anything less certain is unknown, so
 * rules stay silent rather than guess.
 */
public final class LocalNames {
  private LocalNames() {}

  /**
   * The value of a name's only plain assignment ({@code name = value}) in the enclosing function,
   * or in the module when the function does not bind it. Parameters, loop variables and names bound
   * more than once are unknown: null.
   */
  public static Expr localValue(RuleContext ctx, Ast.Name name) {
    Node fn = ctx.enclosingFunction();
    if (fn != null) {
      if (isParameter(fn, name.id())) {
        return null;
      }
      Bindings b = scan(RuleContext.functionBody(fn), name.id());
      if (!b.stores().isEmpty()) {
        return b.only();
      }
    }
    return scan(ctx.module().body(), name.id()).only();
  }

  /** Follows a name through its local assignments, three steps at most; else the expression. */
  public static Expr resolve(RuleContext ctx, Expr e) {
    for (int i = 0; i < 3 && e instanceof Ast.Name n; i++) {
      Expr v = localValue(ctx, n);
      if (v == null) {
        return e;
      }
      e = v;
    }
    return e;
  }

  /**
   * The value last assigned to a local name before a line, in the enclosing function (or the
   * module), or the name itself when it is a parameter or bound in a way this does not follow. An
   * augmented {@code name += value} after it counts as concatenation ({@code BinOp Add}), so a
   * string or argv list built up piece by piece is seen whole.
   */
  public static Expr lastAssignmentBefore(RuleContext ctx, Ast.Name name, int line) {
    Ast.Stmt fn = ctx.enclosingFunction();
    List<Ast.Stmt> body = fn == null ? ctx.module().body() : RuleContext.functionBody(fn);
    Expr[] found = {name};
    for (Ast.Stmt s : body) {
      new NodeVisitor() {
        @Override
        protected boolean enter(Node n) {
          if (NodeVisitor.opensScope(n)) {
            return false;
          }
          if (n instanceof Ast.Stmt st && st.loc().line() >= line) {
            return false;
          }
          if (n instanceof Ast.Assign a
              && a.targets().size() == 1
              && a.targets().get(0) instanceof Ast.Name t
              && t.id().equals(name.id())) {
            found[0] = a.value();
          } else if (n instanceof Ast.AugAssign a
              && a.op() == Ast.Operator.Add
              && a.target() instanceof Ast.Name t
              && t.id().equals(name.id())) {
            found[0] = new Ast.BinOp(found[0], Ast.Operator.Add, a.value(), a.loc());
          }
          return true;
        }
      }.visit(s);
    }
    return found[0];
  }

  /** Whether a name is a parameter of a function (sync or async). */
  public static boolean isParameter(Node fn, String id) {
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

  /** Every binding of a name in a body, and the values of its plain assignments. */
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
}
