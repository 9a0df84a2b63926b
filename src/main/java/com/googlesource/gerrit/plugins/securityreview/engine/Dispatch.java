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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which rules look at which node kinds, worked out once per engine: a registration of a sealed
 * interface stands for every record that implements it, so the walk asks one map per node instead
 * of calling every rule on every node. A registration tied to names ({@link Rule#onNamesFrom}) is
 * left out of the files that spell none of them; the view for each combination of those name sets
 * is worked out once and kept.
 */
final class Dispatch {
  /** One rule's visitor for one record class; {@code rule} indexes {@link #rules}. */
  record Entry(int rule, Rule.Registration<?> registration) {}

  private final List<Rule> rules;

  /**
   * The distinct name sets of the registrations; a view is keyed by which of them a file spells.
   */
  private final List<Set<String>> gates;

  private final Map<Class<?>, List<Entry>> all;
  private final Map<Long, Visitors> views = new ConcurrentHashMap<>();

  Dispatch(List<Rule> rules) {
    this.rules = rules;
    Map<Class<?>, List<Entry>> kinds = new HashMap<>();
    List<Set<String>> nameSets = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      for (Rule.Registration<?> r : rules.get(i).registrations()) {
        if (!r.spelled().isEmpty() && !nameSets.contains(r.spelled())) {
          nameSets.add(r.spelled());
        }
        for (Class<?> record : records(r.kind())) {
          kinds.computeIfAbsent(record, k -> new ArrayList<>()).add(new Entry(i, r));
        }
      }
    }
    if (nameSets.size() > Long.SIZE) {
      throw new IllegalArgumentException(nameSets.size() + " name sets; at most 64");
    }
    this.gates = List.copyOf(nameSets);
    this.all = Map.copyOf(kinds);
  }

  List<Rule> rules() {
    return rules;
  }

  /** The visitors for the files that spell what {@code spellsAny} accepts. */
  Visitors forFile(Predicate<Set<String>> spellsAny) {
    long open = 0;
    for (int g = 0; g < gates.size(); g++) {
      if (spellsAny.test(gates.get(g))) {
        open |= 1L << g;
      }
    }
    return views.computeIfAbsent(open, this::view);
  }

  private Visitors view(long open) {
    HashMap<Class<?>, Entry[]> byKind = new HashMap<>();
    all.forEach(
        (kind, entries) -> {
          Entry[] kept =
              entries.stream()
                  .filter(
                      e -> {
                        Set<String> p = e.registration().spelled();
                        return p.isEmpty() || (open & (1L << gates.indexOf(p))) != 0;
                      })
                  .toArray(Entry[]::new);
          if (kept.length > 0) {
            byKind.put(kind, kept);
          }
        });
    return new Visitors(byKind);
  }

  private static final Entry[] NONE = new Entry[0];

  /**
   * The visitors that apply to one file, for each record class in rule order. Asked once per node
   * of every file: a HashMap finds a class in about 60% of the time the immutable map of Map.copyOf
   * takes under the client compiler. Never changed once built, so threads share it.
   */
  static final class Visitors {
    private final HashMap<Class<?>, Entry[]> byKind;

    private Visitors(HashMap<Class<?>, Entry[]> byKind) {
      this.byKind = byKind;
    }

    /** The visitors for a node, in rule order. */
    Entry[] of(Node node) {
      Entry[] entries = byKind.get(node.getClass());
      return entries == null ? NONE : entries;
    }
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
