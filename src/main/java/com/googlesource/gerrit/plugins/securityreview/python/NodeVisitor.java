package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a tree depth-first in source order, the way CPython's {@code ast.NodeVisitor} does.
 * Override {@link #enter} (return false to skip a node's children) and {@link #leave}; use Java's
 * pattern matching on the node to pick the kinds of interest:
 *
 * <pre>{@code
 * new NodeVisitor() {
 *   protected boolean enter(Node node) {
 *     if (node instanceof Call call) { ... }
 *     return true;
 *   }
 * }.visit(module);
 * }</pre>
 *
 * <p>{@link #ancestors()} gives the enclosing nodes of the one being visited, innermost first.
 */
public abstract class NodeVisitor {
  private final Deque<Node> ancestors = new ArrayDeque<>();

  /**
   * Visits a node and everything below it. The walk keeps its own stack, not Java's: a chain of
   * 100,000 attributes or calls is as deep as the tree gets, and must not overflow the thread's.
   */
  public final void visit(Node root) {
    if (root == null) {
      return;
    }
    int depth = ancestors.size();
    // Each node is pushed twice: once to enter it, and under its children once more to leave it.
    // The stack is two arrays, grown as needed; every walk of every rule goes through here.
    Node[] nodes = new Node[64];
    boolean[] leaving = new boolean[64];
    int top = 0;
    List<Node> children = new ArrayList<>();
    Consumer<Node> collect = children::add;
    nodes[top] = root;
    leaving[top++] = false;
    try {
      while (top > 0) {
        Node n = nodes[--top];
        nodes[top] = null;
        if (leaving[top]) {
          ancestors.pop();
          leave(n);
        } else if (!enter(n)) {
          leave(n);
        } else {
          ancestors.push(n);
          children.clear();
          forEachChild(n, collect);
          if (top + children.size() + 1 > nodes.length) {
            int size = Math.max(nodes.length * 2, top + children.size() + 1);
            nodes = Arrays.copyOf(nodes, size);
            leaving = Arrays.copyOf(leaving, size);
          }
          nodes[top] = n;
          leaving[top++] = true;
          for (int i = children.size() - 1; i >= 0; i--) {
            nodes[top] = children.get(i);
            leaving[top++] = false;
          }
        }
      }
    } finally {
      while (ancestors.size() > depth) {
        ancestors.pop();
      }
    }
  }

  public final void visitAll(List<? extends Node> nodes) {
    for (Node n : nodes) {
      visit(n);
    }
  }

  /** Called before a node's children; return false to skip them. */
  protected boolean enter(Node node) {
    return true;
  }

  /** Called after a node's children (also when they were skipped). */
  protected void leave(Node node) {}

  /** The nodes that enclose the current one, innermost first. */
  protected final Iterable<Node> ancestors() {
    return ancestors;
  }

  /** The innermost enclosing node of a kind, or null. */
  protected final <T extends Node> T enclosing(Class<T> kind) {
    for (Node n : ancestors) {
      if (kind.isInstance(n)) {
        return kind.cast(n);
      }
    }
    return null;
  }

  /**
   * Whether a node opens a scope whose code runs later or elsewhere (def, async def, class,
   * lambda): the names it binds, and the return, break and continue statements inside it, belong to
   * it, not to the code around it. Comprehensions have scopes too ({@code semantic.Scope}) but run
   * in place, so they do not count here.
   */
  public static boolean opensScope(Node node) {
    return node instanceof Ast.FunctionLike
        || node instanceof Ast.ClassDef
        || node instanceof Ast.Lambda;
  }

  /**
   * The direct children of a node, in source order, with absent optional fields left out. The
   * commonest kinds come first: a pattern switch tries its cases in order, and every walk of every
   * rule passes here once per node.
   */
  public static void forEachChild(Node node, Consumer<Node> f) {
    switch (node) {
      case Name n -> {}
      case Attribute a -> f.accept(a.value());
      case Call c -> {
        f.accept(c.func());
        each(c.args(), f);
        each(c.keywords(), f);
      }
      case Constant c -> {}
      case Keyword k -> f.accept(k.value());
      case Arg a -> opt(a.annotation(), f);
      case Arguments a -> {
        each(a.posonlyargs(), f);
        each(a.args(), f);
        opt(a.vararg(), f);
        each(a.kwonlyargs(), f);
        for (Expr d : a.kwDefaults()) {
          opt(d, f);
        }
        opt(a.kwarg(), f);
        each(a.defaults(), f);
      }
      case ExprStmt e -> f.accept(e.value());
      case Assign a -> {
        each(a.targets(), f);
        f.accept(a.value());
      }
      case Subscript s -> {
        f.accept(s.value());
        f.accept(s.slice());
      }
      case Tuple t -> each(t.elts(), f);
      case Ast.List l -> each(l.elts(), f);
      case Dict d -> {
        for (int i = 0; i < d.keys().size(); i++) {
          opt(d.keys().get(i), f);
          f.accept(d.values().get(i));
        }
      }
      case BinOp b -> {
        f.accept(b.left());
        f.accept(b.right());
      }
      case Compare c -> {
        f.accept(c.left());
        each(c.comparators(), f);
      }
      case Return r -> opt(r.value(), f);
      case If i -> {
        f.accept(i.test());
        each(i.body(), f);
        each(i.orelse(), f);
      }
      case JoinedStr j -> each(j.values(), f);
      case FormattedValue v -> {
        f.accept(v.value());
        opt(v.formatSpec(), f);
      }
      case BoolOp b -> each(b.values(), f);
      case UnaryOp u -> f.accept(u.operand());
      case Alias a -> {}
      case ImportFrom i -> each(i.names(), f);
      case Import i -> each(i.names(), f);
      case FunctionDef d -> {
        each(d.decoratorList(), f);
        each(d.typeParams(), f);
        f.accept(d.args());
        opt(d.returns(), f);
        each(d.body(), f);
      }
      case ClassDef c -> {
        each(c.decoratorList(), f);
        each(c.typeParams(), f);
        each(c.bases(), f);
        each(c.keywords(), f);
        each(c.body(), f);
      }
      case Starred s -> f.accept(s.value());
      case ExceptHandler h -> {
        opt(h.type(), f);
        each(h.body(), f);
      }
      case Try t -> tryChildren(t.body(), t.handlers(), t.orelse(), t.finalbody(), f);
      case For s -> loop(s.target(), s.iter(), s.body(), s.orelse(), f);
      case With w -> {
        each(w.items(), f);
        each(w.body(), f);
      }
      case WithItem w -> {
        f.accept(w.contextExpr());
        opt(w.optionalVars(), f);
      }
      case Raise r -> {
        opt(r.exc(), f);
        opt(r.cause(), f);
      }
      case AugAssign a -> {
        f.accept(a.target());
        f.accept(a.value());
      }
      case Ast.Module m -> each(m.body(), f);
      case Expression e -> f.accept(e.body());
      case AsyncFunctionDef d -> {
        each(d.decoratorList(), f);
        each(d.typeParams(), f);
        f.accept(d.args());
        opt(d.returns(), f);
        each(d.body(), f);
      }
      case Delete d -> each(d.targets(), f);
      case TypeAlias t -> {
        f.accept(t.name());
        each(t.typeParams(), f);
        f.accept(t.value());
      }
      case AnnAssign a -> {
        f.accept(a.target());
        f.accept(a.annotation());
        opt(a.value(), f);
      }
      case AsyncFor s -> loop(s.target(), s.iter(), s.body(), s.orelse(), f);
      case While w -> {
        f.accept(w.test());
        each(w.body(), f);
        each(w.orelse(), f);
      }
      case AsyncWith w -> {
        each(w.items(), f);
        each(w.body(), f);
      }
      case Match m -> {
        f.accept(m.subject());
        each(m.cases(), f);
      }
      case TryStar t -> tryChildren(t.body(), t.handlers(), t.orelse(), t.finalbody(), f);
      case Assert a -> {
        f.accept(a.test());
        opt(a.msg(), f);
      }
      case Global g -> {}
      case Nonlocal n -> {}
      case Pass p -> {}
      case Break b -> {}
      case Continue c -> {}
      case NamedExpr n -> {
        f.accept(n.target());
        f.accept(n.value());
      }
      case Lambda l -> {
        f.accept(l.args());
        f.accept(l.body());
      }
      case IfExp i -> {
        f.accept(i.test());
        f.accept(i.body());
        f.accept(i.orelse());
      }
      case Set s -> each(s.elts(), f);
      case ListComp c -> {
        f.accept(c.elt());
        each(c.generators(), f);
      }
      case SetComp c -> {
        f.accept(c.elt());
        each(c.generators(), f);
      }
      case DictComp c -> {
        f.accept(c.key());
        opt(c.value(), f);
        each(c.generators(), f);
      }
      case GeneratorExp g -> {
        f.accept(g.elt());
        each(g.generators(), f);
      }
      case Await a -> f.accept(a.value());
      case Yield y -> opt(y.value(), f);
      case YieldFrom y -> f.accept(y.value());
      case TemplateStr t -> each(t.values(), f);
      case Interpolation v -> {
        f.accept(v.value());
        opt(v.formatSpec(), f);
      }
      case Slice s -> {
        opt(s.lower(), f);
        opt(s.upper(), f);
        opt(s.step(), f);
      }
      case Comprehension c -> {
        f.accept(c.target());
        f.accept(c.iter());
        each(c.ifs(), f);
      }
      case MatchCase c -> {
        f.accept(c.pattern());
        opt(c.guard(), f);
        each(c.body(), f);
      }
      case MatchValue v -> f.accept(v.value());
      case MatchSingleton s -> {}
      case MatchSequence s -> each(s.patterns(), f);
      case MatchMapping m -> {
        each(m.keys(), f);
        each(m.patterns(), f);
      }
      case MatchClass c -> {
        f.accept(c.cls());
        each(c.patterns(), f);
        each(c.kwdPatterns(), f);
      }
      case MatchStar s -> {}
      case MatchAs a -> opt(a.pattern(), f);
      case MatchOr o -> each(o.patterns(), f);
      case TypeVar t -> {
        opt(t.bound(), f);
        opt(t.defaultValue(), f);
      }
      case ParamSpec p -> opt(p.defaultValue(), f);
      case TypeVarTuple t -> opt(t.defaultValue(), f);
    }
  }

  private static void each(List<? extends Node> nodes, Consumer<Node> f) {
    // By index: the tree's lists are array-backed, and an iterator per list per walk was a tenth
    // of all the scan allocated.
    for (int i = 0, n = nodes.size(); i < n; i++) {
      f.accept(nodes.get(i));
    }
  }

  private static void opt(Node node, Consumer<Node> f) {
    if (node != null) {
      f.accept(node);
    }
  }

  private static void loop(
      Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Consumer<Node> f) {
    f.accept(target);
    f.accept(iter);
    each(body, f);
    each(orelse, f);
  }

  private static void tryChildren(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody,
      Consumer<Node> f) {
    each(body, f);
    each(handlers, f);
    each(orelse, f);
    each(finalbody, f);
  }
}
