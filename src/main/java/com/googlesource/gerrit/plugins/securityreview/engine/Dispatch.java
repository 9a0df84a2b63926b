package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * left out of the files that spell none of them, and a rule limited to some paths ({@link
 * Rule#checksOnlyPaths}) out of the other files; the view for each combination of those name sets
 * and path tests is worked out once and kept.
 */
final class Dispatch {
  /** One rule's visitor for one record class; {@code rule} indexes {@link #rules}. */
  record Entry(int rule, Rule.Registration<?> registration) {}

  private final List<Rule> rules;

  /**
   * The distinct name sets of the registrations; a view is keyed by which of them a file spells.
   */
  private final List<Set<String>> gates;

  /** The indexes in {@link #rules} of the rules limited to some paths. */
  private final int[] pathRules;

  private final Map<Class<?>, List<Entry>> all;
  private final Map<ViewKey, Visitors> views = new ConcurrentHashMap<>();

  /** Which name sets a file spells and which path-limited rules skip it, as bits. */
  private record ViewKey(long open, long skipped) {}

  Dispatch(List<Rule> rules) {
    this.rules = rules;
    Map<Class<?>, List<Entry>> kinds = new HashMap<>();
    List<Set<String>> nameSets = new ArrayList<>();
    List<Integer> limited = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).paths() != null) {
        limited.add(i);
      }
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
    if (limited.size() > Long.SIZE) {
      throw new IllegalArgumentException(limited.size() + " rules limited to paths; at most 64");
    }
    this.pathRules = limited.stream().mapToInt(Integer::intValue).toArray();
    this.gates = List.copyOf(nameSets);
    this.all = Map.copyOf(kinds);
  }

  List<Rule> rules() {
    return rules;
  }

  /** The visitors for the file at {@code path}, which spells what {@code spellsAny} accepts. */
  Visitors forFile(String path, Predicate<Set<String>> spellsAny) {
    long open = 0;
    for (int g = 0; g < gates.size(); g++) {
      if (spellsAny.test(gates.get(g))) {
        open |= 1L << g;
      }
    }
    long skipped = 0;
    for (int j = 0; j < pathRules.length; j++) {
      if (!rules.get(pathRules[j]).paths().test(path)) {
        skipped |= 1L << j;
      }
    }
    return views.computeIfAbsent(new ViewKey(open, skipped), this::view);
  }

  private Visitors view(ViewKey key) {
    boolean[] checks = new boolean[rules.size()];
    Arrays.fill(checks, true);
    for (int j = 0; j < pathRules.length; j++) {
      if ((key.skipped() & (1L << j)) != 0) {
        checks[pathRules[j]] = false;
      }
    }
    HashMap<Class<?>, Entry[]> byKind = new HashMap<>();
    all.forEach(
        (kind, entries) -> {
          Entry[] kept =
              entries.stream()
                  .filter(
                      e -> {
                        Set<String> p = e.registration().spelled();
                        return checks[e.rule()]
                            && (p.isEmpty() || (key.open() & (1L << gates.indexOf(p))) != 0);
                      })
                  .toArray(Entry[]::new);
          if (kept.length > 0) {
            byKind.put(kind, kept);
          }
        });
    List<Rule> checking = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (checks[i]) {
        checking.add(rules.get(i));
      }
    }
    return new Visitors(byKind, List.copyOf(checking));
  }

  private static final Entry[] NONE = new Entry[0];

  /**
   * The visitors that apply to one file, for each record class in rule order. Asked once per node
   * of every file: a HashMap finds a class in about 60% of the time the immutable map of Map.copyOf
   * takes under the client compiler. Never changed once built, so threads share it.
   */
  static final class Visitors {
    private final HashMap<Class<?>, Entry[]> byKind;
    private final List<Rule> rules;

    private Visitors(HashMap<Class<?>, Entry[]> byKind, List<Rule> rules) {
      this.byKind = byKind;
      this.rules = rules;
    }

    /** The rules that check the file, in rule order: those whose paths it is among. */
    List<Rule> rules() {
      return rules;
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
