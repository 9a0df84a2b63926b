package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Iterative pre-order walks, so that deep chains cannot overflow the stack. */
final class Walk {
  private Walk() {}

  /**
   * Visits nodes in source order, parents first. {@code visit} returns whether to descend into the
   * node's children.
   */
  static void preorder(List<? extends Node> roots, Predicate<Node> visit) {
    ArrayDeque<Node> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      if (roots.get(i) != null) {
        stack.push(roots.get(i));
      }
    }
    List<Node> children = new ArrayList<>();
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (!visit.test(n)) {
        continue;
      }
      children.clear();
      NodeVisitor.forEachChild(n, children::add);
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
  }
}
