package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of one function body in source order, with each node's parent. Nested functions and
 * classes are left out: the rules look at each function on its own.
 */
final class FunctionScope {
  private final List<Node> nodes;
  private final Map<Node, Node> parents;

  private FunctionScope(List<Node> nodes, Map<Node, Node> parents) {
    this.nodes = Collections.unmodifiableList(nodes);
    this.parents = Collections.unmodifiableMap(parents);
  }

  static FunctionScope of(Node function) {
    List<Node> nodes = new ArrayList<>();
    Map<Node, Node> parents = new IdentityHashMap<>();
    for (Ast.Stmt s : RuleContext.functionBody(function)) {
      parents.put(s, function);
      new NodeVisitor() {
        @Override
        protected boolean enter(Node node) {
          Node parent = ancestors().iterator().hasNext() ? ancestors().iterator().next() : null;
          if (parent != null) {
            parents.put(node, parent);
          }
          nodes.add(node);
          return !(node instanceof Ast.FunctionDef
              || node instanceof Ast.AsyncFunctionDef
              || node instanceof Ast.ClassDef);
        }
      }.visit(s);
    }
    return new FunctionScope(nodes, parents);
  }

  /** Every node of the body, parents before children, in source order. */
  List<Node> nodes() {
    return nodes;
  }

  /** The parent of a node in the body (the function itself for top-level statements). */
  Node parent(Node n) {
    return parents.get(n);
  }
}
