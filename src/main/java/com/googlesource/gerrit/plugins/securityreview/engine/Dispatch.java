package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules look at which node kinds, worked out once per engine: a registration of a sealed
 * interface stands for every record that implements it, so the walk asks one map per node instead
 * of calling every rule on every node.
 */
final class Dispatch {
  /** One rule's visitor for one record class; {@code rule} indexes {@link #rules}. */
  record Entry(int rule, Rule.Registration<?> registration) {}

  private final List<Rule> rules;
  private final Map<Class<?>, Entry[]> byKind;

  Dispatch(List<Rule> rules) {
    this.rules = rules;
    Map<Class<?>, List<Entry>> kinds = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      for (Rule.Registration<?> r : rules.get(i).registrations()) {
        for (Class<?> record : records(r.kind())) {
          kinds.computeIfAbsent(record, k -> new ArrayList<>()).add(new Entry(i, r));
        }
      }
    }
    Map<Class<?>, Entry[]> frozen = new HashMap<>();
    kinds.forEach((k, v) -> frozen.put(k, v.toArray(new Entry[0])));
    this.byKind = Map.copyOf(frozen);
  }

  List<Rule> rules() {
    return rules;
  }

  private static final Entry[] NONE = new Entry[0];

  /** The visitors for a node, in rule order. */
  Entry[] of(Node node) {
    return byKind.getOrDefault(node.getClass(), NONE);
  }

  /** The record classes a registered kind stands for. */
  static Set<Class<?>> records(Class<?> kind) {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(kind);
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c.isSealed()) {
        todo.addAll(List.of(c.getPermittedSubclasses()));
      } else if (c.isRecord()) {
        out.add(c);
      } else {
        throw new IllegalArgumentException(
            kind.getSimpleName() + " is neither a node record nor a sealed interface of them");
      }
    }
    return out;
  }
}
