package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;

/**
 * One binding of a name in a scope.
 *
 * <p>Holds tree nodes: compare bindings by identity, and do not hash them (a record's hash would
 * walk the whole subtree).
 *
 * @param kind how the name is bound
 * @param name the bound name
 * @param node the construct that binds: the Assign, AugAssign, AnnAssign, For, WithItem, Arg,
 *     Alias, ExceptHandler, NamedExpr, FunctionDef, ClassDef, Global, Nonlocal, Delete,
 *     Comprehension or Pattern
 * @param target the bound target node (the Name, Arg, Alias, ...; the node itself when no narrower
 *     one exists)
 * @param value the value assigned, when one is known: the right-hand side, or for unpacking of a
 *     literal tuple/list the matching element; null otherwise
 * @param source the whole right-hand side, iterable, context expression or except type; null when
 *     there is none
 * @param index the position in the unpacked target ({@code a, b = ...}: 0 and 1); -1 when not
 *     unpacked
 * @param scope the scope the name is bound in (global/nonlocal honoured)
 */
public record Binding(
    Kind kind,
    String name,
    Ast.Node node,
    Ast.Located target,
    Ast.Expr value,
    Ast.Expr source,
    int index,
    Scope scope) {

  /** How a name is bound. */
  public enum Kind {
    ASSIGNMENT,
    AUGMENTED_ASSIGNMENT,
    ANNOTATED_ASSIGNMENT,
    PARAMETER,
    IMPORT,
    FOR_TARGET,
    WITH_TARGET,
    EXCEPT_NAME,
    WALRUS,
    FUNCTION_DEF,
    CLASS_DEF,
    GLOBAL,
    NONLOCAL,
    DELETION,
    MATCH_CAPTURE,
    COMPREHENSION_TARGET
  }

  /** Where the bound target is. */
  public Ast.Loc loc() {
    return target.loc();
  }

  /** A {@code global} or {@code nonlocal} declaration: it binds nothing itself. */
  public boolean isDeclaration() {
    return kind == Kind.GLOBAL || kind == Kind.NONLOCAL;
  }

  /** A plain assignment of a known value: {@code =}, annotated with a value, or a walrus. */
  public boolean isPlainAssignment() {
    return (kind == Kind.ASSIGNMENT || kind == Kind.ANNOTATED_ASSIGNMENT || kind == Kind.WALRUS)
        && value != null;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return kind + " " + name + "@" + loc().line() + ":" + loc().col();
  }
}
