package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A check over one Python file. A rule says what it is ({@link RuleMeta}, given to the constructor)
 * and which node kinds it looks at ({@link #on}, called from its constructor); the engine walks
 * each file once and calls the rule only on those nodes, in source order. The context knows the
 * node's ancestors, the file's semantic model and how to report a finding.
 *
 * <p>Rules keep no state between files: whatever a rule needs to remember while walking a file it
 * keeps in the context ({@link RuleContext#state}).
 */
public abstract class Rule {
  /** What a rule does with one node of a kind it registered. */
  @FunctionalInterface
  public interface Visitor<T extends Node> {
    void visit(T node, RuleContext ctx);
  }

  /**
   * A node kind (a record, or a sealed interface standing for all its records), its visitor, and
   * the name parts one of which the file must spell for it to be called ({@link #onNamesFrom};
   * none: it is called in every file).
   */
  record Registration<T extends Node>(Class<T> kind, Set<String> spelled, Visitor<T> visitor) {
    // The dispatch gives a visitor only nodes of its kind, and the visitor's lambda casts to its
    // own parameter type again: Class.cast is a call per node and visitor under the client
    // compiler, and would repeat that check.
    @SuppressWarnings("unchecked")
    void visit(Node node, RuleContext ctx) {
      ((Visitor<Node>) visitor).visit(node, ctx);
    }
  }

  private final RuleMeta meta;
  private final List<Registration<?>> registrations = new ArrayList<>();
  private Predicate<String> paths;

  protected Rule(RuleMeta meta) {
    this.meta = Objects.requireNonNull(meta);
  }

  public final RuleMeta meta() {
    return meta;
  }

  /**
   * Registers a visitor for a node kind: a record of {@code Ast} ({@code Call.class}) or one of its
   * sealed interfaces ({@code FunctionLike.class}, {@code Stmt.class}), which stands for every
   * record that implements it. Called from the rule's constructor.
   */
  protected final <T extends Node> void on(Class<T> kind, Visitor<T> visitor) {
    registrations.add(new Registration<>(kind, Set.of(), visitor));
  }

  /**
   * Registers a visitor that reports only what a qualified name calls or names whose first or last
   * part is one of {@code parts}: its top-level package ({@code "hashlib"}, {@code "cryptography"})
   * or its function ({@code "mktemp"} for {@code tempfile.mktemp}). Both are identifiers the file
   * spells, in an import or in the name as written, so in a file that spells none of {@code parts}
   * the engine does not call the visitor. A visitor that also judges values by their kind, their
   * words or a call's keywords alone must use {@link #on}.
   */
  protected final <T extends Node> void onNamesFrom(
      Class<T> kind, Set<String> parts, Visitor<T> visitor) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no names to gate " + kind.getSimpleName() + " on");
    }
    registrations.add(new Registration<>(kind, Set.copyOf(parts), visitor));
  }

  /**
   * Limits the rule to the files whose repository path passes {@code test}: for a rule every check
   * of which needs one kind of file (OVN code; not a fake client module), so that the engine calls
   * none of its visitors, nor {@link #endFile}, on the others. Called from the rule's constructor.
   */
  protected final void checksOnlyPaths(Predicate<String> test) {
    paths = Objects.requireNonNull(test);
  }

  List<Registration<?>> registrations() {
    return registrations;
  }

  /** The rule's path test ({@link #checksOnlyPaths}), or null when it checks every file. */
  Predicate<String> paths() {
    return paths;
  }

  /**
   * Whether the rule also checks test code ({@code tests/} folders, {@code test_*.py}). Most rules
   * do not: a defect there does not ship, and tests build the very patterns the rules look for on
   * purpose.
   */
  public boolean checksTestCode() {
    return false;
  }

  /** Called once after the walk, for checks that need the whole file. */
  public void endFile(RuleContext ctx) {}

  @Override
  public String toString() {
    return meta.id();
  }
}
