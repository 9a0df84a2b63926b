package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A tree flattened once, in the order {@link NodeVisitor} visits it: for each node its parent and
 * where its subtree ends. The walks that visit every node of a file (the semantic model's build,
 * the rules') read it instead of asking every node for its children again, and a node's ancestors
 * are its chain of parents.
 */
public final class Preorder {
  private final Node[] nodes;
  private final int[] parents;
  private final int[] ends;
  private final int size;

  private Preorder(Node[] nodes, int[] parents, int[] ends, int size) {
    this.nodes = nodes;
    this.parents = parents;
    this.ends = ends;
    this.size = size;
  }

  /** Flattens the tree under a node, the node first; iterative, so no chain is too deep. */
  public static Preorder of(Node root) {
    Node[] nodes = new Node[256];
    int[] parents = new int[256];
    int size = 0;
    Node[] pending = new Node[64];
    int[] pendingParents = new int[64];
    int top = 0;
    List<Node> children = new ArrayList<>();
    Consumer<Node> collect = children::add;
    pending[top] = root;
    pendingParents[top++] = -1;
    while (top > 0) {
      Node n = pending[--top];
      int parent = pendingParents[top];
      pending[top] = null;
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        parents = Arrays.copyOf(parents, size * 2);
      }
      int index = size++;
      nodes[index] = n;
      parents[index] = parent;
      children.clear();
      NodeVisitor.forEachChild(n, collect);
      if (top + children.size() > pending.length) {
        int grown = Math.max(pending.length * 2, top + children.size());
        pending = Arrays.copyOf(pending, grown);
        pendingParents = Arrays.copyOf(pendingParents, grown);
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        pending[top] = children.get(i);
        pendingParents[top++] = index;
      }
    }
    // A subtree ends where its last descendant's does: children come after their parents.
    int[] ends = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      ends[i] = Math.max(ends[i], i + 1);
      int p = parents[i];
      if (p >= 0 && ends[p] < ends[i]) {
        ends[p] = ends[i];
      }
    }
    return new Preorder(nodes, parents, ends, size);
  }

  public int size() {
    return size;
  }

  public Node node(int index) {
    return nodes[index];
  }

  /** The index of a node's parent, or -1 for the root. */
  public int parent(int index) {
    return parents[index];
  }

  /**
   * The position after a node's subtree: its descendants are the positions from {@code index + 1}
   * up to it.
   */
  public int end(int index) {
    return ends[index];
  }
}
