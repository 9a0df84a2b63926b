package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A test source parsed with its semantic model and every node in source order, to pick from. */
record ParsedModule(SemanticModel model, List<Node> nodes) {
  static ParsedModule of(String source) {
    ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
    List<Node> nodes = new ArrayList<>();
    Walk.preorder(r.module().body(), nodes::add);
    return new ParsedModule(SemanticModel.of(r), nodes);
  }

  /** Every node of a kind that matches, in source order. */
  <T extends Node> List<T> all(Class<T> kind, Predicate<T> p) {
    List<T> out = new ArrayList<>();
    for (Node n : nodes) {
      if (kind.isInstance(n) && p.test(kind.cast(n))) {
        out.add(kind.cast(n));
      }
    }
    return out;
  }

  /** The last node of a kind that matches, in source order; there must be one. */
  <T extends Node> T last(Class<T> kind, Predicate<T> p) {
    List<T> found = all(kind, p);
    assertThat(found).isNotEmpty();
    return found.get(found.size() - 1);
  }
}
