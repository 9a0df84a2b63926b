package com.googlesource.gerrit.plugins.securityreview.python;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PreorderTest {
  /**
   * Every enter and leave, numbered in visit order, with the number of the visit it is under (a
   * node the tree holds twice is visited twice, under two parents).
   */
  private static List<String> events(Node root, boolean viaPreorder) {
    List<String> out = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>();
    int[] count = {0};
    class Recorder {
      void enter(Node node) {
        int id = count[0]++;
        out.add("enter " + kind(node) + " " + id + " under " + (open.isEmpty() ? -1 : open.peek()));
        open.push(id);
      }

      void leave(Node node) {
        out.add("leave " + kind(node) + " " + open.pop());
      }
    }
    Recorder r = new Recorder();
    if (viaPreorder) {
      // Enter and leave as the positions, parents and subtree ends say.
      Preorder tree = Preorder.of(root);
      Deque<Integer> ends = new ArrayDeque<>();
      Deque<Node> entered = new ArrayDeque<>();
      for (int i = 0; i < tree.size(); i++) {
        while (!ends.isEmpty() && ends.peek() <= i) {
          ends.pop();
          r.leave(entered.pop());
        }
        assertThat(tree.parent(i)).isEqualTo(open.isEmpty() ? -1 : open.peek());
        r.enter(tree.node(i));
        ends.push(tree.end(i));
        entered.push(tree.node(i));
      }
      while (!entered.isEmpty()) {
        r.leave(entered.pop());
      }
    } else {
      new NodeVisitor() {
        @Override
        protected boolean enter(Node node) {
          r.enter(node);
          return true;
        }

        @Override
        protected void leave(Node node) {
          r.leave(node);
        }
      }.visit(root);
    }
    return out;
  }

  private static String kind(Node node) {
    return node.getClass().getSimpleName();
  }

  @Test
  void walksAsNodeVisitorDoes_overEveryRuleFixture() throws IOException {
    int files = 0;
    try (Stream<Path> paths = Files.walk(Path.of("src/test/resources/rules"))) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
        Node module = PythonParser.parse(Files.readAllBytes(p)).module();
        assertThat(events(module, true)).isEqualTo(events(module, false));
        files++;
      }
    }
    assertThat(files).isGreaterThan(100);
  }

  @Test
  void indexesNodesInVisitOrder_rootFirst() {
    Ast.Module m = PythonParser.parse("x = f(a, b=c)\n").module();
    Preorder tree = Preorder.of(m);
    assertThat(tree.node(0)).isSameInstanceAs(m);
    assertThat(tree.parent(0)).isEqualTo(-1);
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      kinds.add(kind(tree.node(i)));
    }
    assertThat(kinds)
        .containsExactly("Module", "Assign", "Name", "Call", "Name", "Name", "Keyword", "Name")
        .inOrder();
    assertThat(tree.parent(7)).isEqualTo(6);
    assertThat(tree.parent(6)).isEqualTo(3);
  }

  @Test
  void aChainOfOneHundredThousandAttributesIsNoDeeperForIt() {
    Ast.Module m = PythonParser.parse("x = a" + ".b".repeat(100_000) + "\n").module();
    Preorder tree = Preorder.of(m);
    int deepest = tree.size() - 1;
    int depth = 0;
    for (int p = deepest; p >= 0; p = tree.parent(p)) {
      depth++;
    }
    assertThat(tree.size()).isEqualTo(100_004);
    assertThat(tree.end(0)).isEqualTo(tree.size());
    assertThat(depth).isEqualTo(100_003);
  }
}
