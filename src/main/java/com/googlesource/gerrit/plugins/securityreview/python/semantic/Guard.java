package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition that selects the branch a node is in ({@link SemanticModel#guards}).
 *
 * @param branching the {@code if} statement or conditional expression
 * @param test its condition
 * @param inBody whether the node is in the branch taken when the test is true
 * @param other the other branch: the {@code else} part or, for an {@code if} with none whose body
 *     ends by leaving ({@code return}, {@code raise}), the statements after it; empty otherwise
 * @param encloses whether the node is inside {@code branching}; false for an earlier {@code if} of
 *     its block that leaves when its test holds (the node runs when it does not)
 */
public record Guard(
    Ast.Node branching,
    Expr test,
    boolean inBody,
    List<? extends Ast.Node> other,
    boolean encloses) {

  /**
   * The conditions that must hold for the branch to run: the test's {@code and} parts in the body;
   * in the other branch, the test's {@code or} parts, each false (or the test itself, false).
   */
  public List<Expr> necessary() {
    return switch (test) {
      case Ast.BoolOp b when inBody && b.op() == Ast.BoolOperator.And -> b.values();
      case Ast.BoolOp b when !inBody && b.op() == Ast.BoolOperator.Or -> b.values();
      default -> List.of(test);
    };
  }

  /**
   * The guards of a node, innermost first, up to the function or class it is in: the {@code if}s
   * whose branch holds it, and the earlier {@code if}s of its blocks that leave when their test
   * holds ({@code if not address: return}).
   */
  static List<Guard> of(SemanticModel model, Ast.Node node) {
    List<Guard> out = new ArrayList<>();
    Ast.Node child = node;
    for (Ast.Node a = model.parentOf(node);
        a != null && !(a instanceof Ast.FunctionLike) && !(a instanceof Ast.ClassDef);
        child = a, a = model.parentOf(a)) {
      if (child instanceof Ast.Stmt s) {
        addEarlierExits(model, s, out);
      }
      Guard g = guard(model, a, child);
      if (g != null) {
        out.add(g);
      }
    }
    if (child instanceof Ast.Stmt s && !(child instanceof Ast.FunctionLike)) {
      addEarlierExits(model, s, out);
    }
    return out;
  }

  private static void addEarlierExits(SemanticModel model, Ast.Stmt stmt, List<Guard> out) {
    List<Ast.Stmt> block = model.blockOf(stmt);
    int at = -1;
    for (int n = 0; n < block.size(); n++) {
      if (block.get(n) == stmt) {
        at = n;
      }
    }
    for (int n = at - 1; n >= 0; n--) {
      if (block.get(n) instanceof Ast.If i && i.orelse().isEmpty() && leaves(model, i.body())) {
        out.add(new Guard(i, i.test(), false, i.body(), false));
      }
    }
  }

  private static Guard guard(SemanticModel model, Ast.Node a, Ast.Node child) {
    return switch (a) {
      case Ast.If i when holds(i.body(), child) ->
          new Guard(
              i, i.test(), true, i.orelse().isEmpty() ? following(model, i) : i.orelse(), true);
      case Ast.If i when holds(i.orelse(), child) -> new Guard(i, i.test(), false, i.body(), true);
      case Ast.IfExp i when i.body() == child ->
          new Guard(i, i.test(), true, List.of(i.orelse()), true);
      case Ast.IfExp i when i.orelse() == child ->
          new Guard(i, i.test(), false, List.of(i.body()), true);
      default -> null;
    };
  }

  /** Whether a block ends by leaving: return, raise, continue, break or {@code sys.exit()}. */
  private static boolean leaves(SemanticModel model, List<Ast.Stmt> body) {
    Ast.Stmt last = body.isEmpty() ? null : body.get(body.size() - 1);
    return switch (last) {
      case Ast.Return r -> true;
      case Ast.Raise r -> true;
      case Ast.Continue c -> true;
      case Ast.Break b -> true;
      case Ast.ExprStmt e when e.value() instanceof Ast.Call c ->
          "sys.exit".equals(model.callName(c)) || "os._exit".equals(model.callName(c));
      case null, default -> false;
    };
  }

  private static List<Ast.Stmt> following(SemanticModel model, Ast.If i) {
    if (!leaves(model, i.body())) {
      return List.of();
    }
    List<Ast.Stmt> block = model.blockOf(i);
    for (int n = 0; n < block.size(); n++) {
      if (block.get(n) == i) {
        return block.subList(n + 1, block.size());
      }
    }
    return List.of();
  }

  private static boolean holds(List<? extends Ast.Node> nodes, Ast.Node n) {
    for (Ast.Node x : nodes) {
      if (x == n) {
        return true;
      }
    }
    return false;
  }
}
