package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;

/**
 * Each node of a file's tree to its position in the flattened tree, so that what the model knows of
 * every node sits in arrays: one identity lookup per question, and no object per node. A node the
 * tree holds twice keeps its later position.
 */
final class NodeIndex {
  private final Node[] keys;
  private final int[] positions;
  private final int mask;

  /** Sized for {@code size} nodes, at most half full. */
  NodeIndex(int size) {
    int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
    keys = new Node[capacity];
    positions = new int[capacity];
    mask = capacity - 1;
  }

  void put(Node node, int position) {
    for (int i = slot(node); ; i = (i + 1) & mask) {
      Node k = keys[i];
      if (k == null || k == node) {
        keys[i] = node;
        positions[i] = position;
        return;
      }
    }
  }

  /** The node's position, or -1 for a node not in the tree. */
  int of(Node node) {
    for (int i = slot(node); ; i = (i + 1) & mask) {
      Node k = keys[i];
      if (k == node) {
        return positions[i];
      }
      if (k == null) {
        return -1;
      }
    }
  }

  private int slot(Node node) {
    int h = System.identityHashCode(node);
    // Spread the low bits, which the mask keeps.
    return (h ^ (h >>> 16)) & mask;
  }
}
