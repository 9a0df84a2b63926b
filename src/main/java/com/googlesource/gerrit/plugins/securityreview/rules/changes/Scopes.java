package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.FindingKeys;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a file by scope, for matching it with the other version: every function and method
 * by its qualified name ({@code OVNClient.update_port}, {@code outer.inner}), and every node with
 * the qualified name of its innermost def or class and its innermost statement, named as {@link
 * com.googlesource.gerrit.plugins.securityreview.engine.FindingKeys} names them (a def is not part
 * of its own scope; module level is {@code ""}).
 */
final class Scopes {
  /** A node, the statement it sits in (itself for a statement) and its scope's qualified name. */
  record Site(Node node, Node statement, String scope) {}

  private final Map<String, Node> functions;
  private final List<Site> sites;
  private final Map<Node, Node> parents;

  private Scopes(Map<String, Node> functions, List<Site> sites, Map<Node, Node> parents) {
    this.functions = Collections.unmodifiableMap(functions);
    this.sites = Collections.unmodifiableList(sites);
    this.parents = Collections.unmodifiableMap(parents);
  }

  static Scopes of(Ast.Module module) {
    Map<String, Node> functions = new LinkedHashMap<>();
    List<Site> sites = new ArrayList<>();
    Map<Node, Node> parents = new IdentityHashMap<>();
    List<String> names = new ArrayList<>();
    List<Node> statements = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (FindingKeys.isStatement(node)) {
          statements.add(node);
        }
        String scope = String.join(".", names);
        Node statement = statements.isEmpty() ? null : statements.getLast();
        sites.add(new Site(node, statement, scope));
        if (ancestors().iterator().hasNext()) {
          parents.put(node, ancestors().iterator().next());
        }
        String name = FindingKeys.scopeName(node);
        if (name != null) {
          String qualified = scope.isEmpty() ? name : scope + "." + name;
          if (isFunction(node)) {
            // A redefinition wins, as it does in Python.
            functions.put(qualified, node);
          }
          names.add(name);
        }
        return true;
      }

      @Override
      protected void leave(Node node) {
        if (FindingKeys.scopeName(node) != null) {
          names.removeLast();
        }
        if (FindingKeys.isStatement(node)) {
          statements.removeLast();
        }
      }
    }.visit(module);
    return new Scopes(functions, sites, parents);
  }

  /** Every function and method by qualified name, in source order. */
  Map<String, Node> functions() {
    return functions;
  }

  /** The function or method of a qualified name, or null. */
  Node function(String qualifiedName) {
    return functions.get(qualifiedName);
  }

  /** Every node of the file, parents before children, with its statement and scope. */
  List<Site> sites() {
    return sites;
  }

  /** The node directly enclosing another, or null for the module. */
  Node parent(Node n) {
    return parents.get(n);
  }

  static boolean isFunction(Node n) {
    return n instanceof Ast.FunctionDef || n instanceof Ast.AsyncFunctionDef;
  }

  /** Every node under a root (the root included), nested defs, classes and lambdas too. */
  static List<Node> nodesUnder(Node root) {
    List<Node> nodes = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        nodes.add(node);
        return true;
      }
    }.visit(root);
    return nodes;
  }

  /**
   * The range of a def's name, for reporting on a function without marking its whole body; the
   * def's own range when the name cannot be found on its first line.
   */
  static Ast.Loc nameRange(Node function, SourceText source) {
    Ast.Loc loc = ((Ast.Located) function).loc();
    String name = FindingKeys.scopeName(function);
    String line = source.line(loc.line());
    int from = source.charColumn(loc.line(), loc.col());
    int keyword = line.indexOf("def", Math.min(from, line.length()));
    int at = name == null || keyword < 0 ? -1 : line.indexOf(name, keyword + 3);
    if (at < 0) {
      return loc;
    }
    int start = source.byteColumn(loc.line(), at);
    int end = source.byteColumn(loc.line(), at + name.length());
    return new Ast.Loc(loc.line(), start, loc.line(), end);
  }

  /** The last part of what an expression names: {@code c} for {@code a.b.c}; else null. */
  static String lastName(Ast.Expr e) {
    return switch (e) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case null, default -> null;
    };
  }
}
