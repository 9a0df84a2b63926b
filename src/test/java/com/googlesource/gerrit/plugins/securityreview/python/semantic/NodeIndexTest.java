package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes to their positions, by identity. */
class NodeIndexTest {
  private static Ast.Name name(String id) {
    return new Ast.Name(id, Ast.ExprContext.Load, new Ast.Loc(1, 0, 1, id.length()));
  }

  @Test
  void everyNodeFindsItsPosition_equalNodesApart() {
    List<Ast.Name> nodes = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      nodes.add(name("x")); // equal records, different nodes
    }
    NodeIndex index = new NodeIndex(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
    }
    for (int i = 0; i < nodes.size(); i++) {
      assertThat(index.of(nodes.get(i))).isEqualTo(i);
    }
    assertThat(index.of(name("x"))).isEqualTo(-1);
  }

  @Test
  void aNodePutTwiceKeepsItsLaterPosition() {
    Ast.Name n = name("y");
    NodeIndex index = new NodeIndex(0);
    index.put(n, 3);
    index.put(n, 7);
    assertThat(index.of(n)).isEqualTo(7);
  }
}
