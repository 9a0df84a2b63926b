package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a file by scope, for matching it with the other version: every function and method
 * by its qualified name ({@code OVNClient.update_port}, {@code outer.inner}), and every node with
 * its scope's name and its statement, both from the semantic model ({@link
 * SemanticModel#scopeName}, {@link SemanticModel#statementOf}).
 */
final class Scopes {
  /** A node, the statement it sits in (itself for a statement) and its scope's qualified name. */
  record Site(Node node, Ast.Stmt statement, String scope) {}

  private final SemanticModel model;
  private final Map<String, Ast.FunctionLike> functions;

  private Scopes(SemanticModel model, Map<String, Ast.FunctionLike> functions) {
    this.model = model;
    this.functions = Collections.unmodifiableMap(functions);
  }

  static Scopes of(RuleContext version) {
    SemanticModel model = version.semantic();
    Map<String, Ast.FunctionLike> functions = new LinkedHashMap<>();
    for (Ast.FunctionLike f : model.functions()) {
      // A redefinition wins, as it does in Python.
      functions.put(model.scopeName(model.scopeOpenedBy(f)), f);
    }
    return new Scopes(model, functions);
  }

  /** Every function and method by qualified name, in source order. */
  Map<String, Ast.FunctionLike> functions() {
    return functions;
  }

  /** The function or method of a qualified name, or null. */
  Ast.FunctionLike function(String qualifiedName) {
    return functions.get(qualifiedName);
  }

  /**
   * Every node of the file, parents before children, with its statement and scope. A decorator
   * takes the name of what it decorates, as finding keys name it: {@code @retry(timeout=5)} belongs
   * to its method, not to the class around it.
   */
  List<Site> sites() {
    List<Site> sites = new ArrayList<>();
    Map<Node, String> decorates = new IdentityHashMap<>();
    Deque<String> decorated = new ArrayDeque<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        List<Ast.Expr> decorators =
            switch (node) {
              case Ast.FunctionLike f -> f.decoratorList();
              case Ast.ClassDef c -> c.decoratorList();
              default -> List.of();
            };
        for (Ast.Expr d : decorators) {
          decorates.put(d, model.scopeName(model.scopeOpenedBy(node)));
        }
        String target = decorates.get(node);
        if (target != null) {
          decorated.push(target);
        }
        String scope = decorated.isEmpty() ? model.scopeName(node) : decorated.peek();
        sites.add(new Site(node, model.statementOf(node), scope));
        return true;
      }

      @Override
      protected void leave(Node node) {
        if (decorates.containsKey(node)) {
          decorated.pop();
        }
      }
    }.visit(model.module());
    return sites;
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
  static Ast.Loc nameRange(Ast.FunctionLike function, SourceText source) {
    Ast.Loc loc = function.loc();
    String name = function.name();
    String line = source.line(loc.line());
    int from = source.charColumn(loc.line(), loc.col());
    int keyword = line.indexOf("def", Math.min(from, line.length()));
    int at = keyword < 0 ? -1 : line.indexOf(name, keyword + 3);
    if (at < 0) {
      return loc;
    }
    int start = source.byteColumn(loc.line(), at);
    int end = source.byteColumn(loc.line(), at + name.length());
    return new Ast.Loc(loc.line(), start, loc.line(), end);
  }
}
