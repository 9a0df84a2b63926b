package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Python scope: the module, a class body, a function (sync or async), a lambda, or a
 * comprehension. Compared by identity: one object per scope of the file.
 */
public final class Scope {
  /** What opens the scope. */
  public enum Kind {
    MODULE,
    CLASS,
    FUNCTION,
    LAMBDA,
    COMPREHENSION
  }

  private final Kind kind;
  private final Ast.Node node;
  private final Scope parent;
  // Filled while the model is built, read-only afterwards.
  final Map<String, List<Binding>> bindings = new HashMap<>();
  final Set<String> globals = new HashSet<>();
  final Set<String> nonlocals = new HashSet<>();

  Scope(Kind kind, Ast.Node node, Scope parent) {
    this.kind = kind;
    this.node = node;
    this.parent = parent;
  }

  public Kind kind() {
    return kind;
  }

  /** The Module, ClassDef, FunctionDef/AsyncFunctionDef, Lambda or comprehension expression. */
  public Ast.Node node() {
    return node;
  }

  /** The enclosing scope; null for the module. */
  public Scope parent() {
    return parent;
  }

  /** Whether this is a function or lambda scope (where parameters live). */
  public boolean isFunction() {
    return kind == Kind.FUNCTION || kind == Kind.LAMBDA;
  }

  /** The names bound in this scope (declarations included), in no particular order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(bindings.keySet());
  }

  /** Whether the scope declares a name {@code global}. */
  public boolean declaresGlobal(String name) {
    return globals.contains(name);
  }

  /** Whether the scope declares a name {@code nonlocal}. */
  public boolean declaresNonlocal(String name) {
    return nonlocals.contains(name);
  }

  /** Whether a name is bound here by anything other than a global/nonlocal declaration. */
  boolean binds(String name) {
    List<Binding> list = bindings.get(name);
    if (list == null) {
      return false;
    }
    // By index: asked for every name resolved, and an iterator is an allocation each time.
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isDeclaration()) {
        return true;
      }
    }
    return false;
  }

  void add(Binding b) {
    bindings.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
  }

  @Override
  public String toString() {
    String name =
        switch (node) {
          case Ast.FunctionLike f -> f.name();
          case Ast.ClassDef c -> c.name();
          default -> "";
        };
    return kind + (name.isEmpty() ? "" : " " + name);
  }
}
