package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Located;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.NormalForm;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two findings in two versions of a file the same finding: the same rule, the same
 * enclosing function or class (by qualified name, e.g. {@code OVNClient.update_port}), and the same
 * normalised statement (see {@link NormalForm#ofHeader}). Line numbers, formatting, comments,
 * quotes and moves within the file do not count.
 */
public final class FindingKeys {
  private final Ast.Module module;
  private final SourceText source;
  private final Map<Node, Children> children = new IdentityHashMap<>();

  public FindingKeys(Ast.Module module, SourceText source) {
    this.module = module;
    this.source = source;
  }

  /** Where a finding sits: the qualified name of its scope and its innermost statement. */
  public record Anchor(String scope, Node statement) {}

  /** The key of a finding: equal keys in two versions mean the same finding. */
  public String key(Finding f) {
    Anchor a = anchor(f.line(), source.byteColumn(f.line(), f.col()));
    return f.ruleId() + '\n' + a.scope() + '\n' + normalForm(a.statement());
  }

  /**
   * The statement's normal form; for one nested too deeply to render (a 100,000-link chain), its
   * kind and extent in lines, which still tells it from its neighbours across versions.
   */
  private static String normalForm(Node statement) {
    if (statement == null) {
      return "";
    }
    try {
      return NormalForm.ofHeader(statement);
    } catch (StackOverflowError e) {
      String kind = statement.getClass().getSimpleName();
      if (statement instanceof Located l) {
        return kind + " of " + (l.loc().endLine() - l.loc().line() + 1) + " lines";
      }
      return kind;
    }
  }

  /** A short stable hash of a key and its occurrence among equal keys of the file (0, 1, ...). */
  public static String fingerprint(String key, int occurrence) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(digest, 0, 8);
      return occurrence == 0 ? hash : hash + "-" + occurrence;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The innermost statement (or {@code except} clause, or {@code case}) containing a position
   * (1-based line, UTF-8 byte column) and the qualified name of the functions and classes around
   * it; a statement that is itself a def or class is not part of its own scope. A position in a
   * decorator anchors on the decorator, in the scope of the def or class it decorates.
   */
  public Anchor anchor(int line, int byteCol) {
    List<String> scope = new ArrayList<>();
    Node statement = null;
    Node current = module;
    while (true) {
      Node inside = childContaining(current, line, byteCol);
      if (inside == null) {
        break;
      }
      if (decorators(current).contains(inside)) {
        // A finding on a decorator is about the decorator, not the signature below it.
        scope.add(scopeName(current));
        statement = inside;
        break;
      }
      if (isStatement(inside)) {
        if (statement != null && scopeName(statement) != null) {
          scope.add(scopeName(statement));
        }
        statement = inside;
      }
      current = inside;
    }
    return new Anchor(String.join(".", scope), statement);
  }

  /** Whether a node is a statement as findings are anchored: a statement, except clause or case. */
  public static boolean isStatement(Node n) {
    return n instanceof Ast.Stmt || n instanceof Ast.ExceptHandler || n instanceof Ast.MatchCase;
  }

  /** The name a def or class gives its scope, or null for any other node. */
  public static String scopeName(Node n) {
    return switch (n) {
      case Ast.FunctionLike f -> f.name();
      case Ast.ClassDef c -> c.name();
      default -> null;
    };
  }

  /**
   * The child of {@code node} whose range holds the position, or null. A function of 30,000
   * statements with a finding on each must not cost 30,000 comparisons per finding: the positioned
   * children are searched by halves when they come in source order, as statement lists do.
   */
  private Node childContaining(Node node, int line, int byteCol) {
    Children kids = children.computeIfAbsent(node, Children::of);
    for (Node n : kids.unpositioned()) {
      if (contains(n, line, byteCol)) {
        return n;
      }
    }
    List<Located> positioned = kids.positioned();
    if (!kids.ordered()) {
      for (Located n : positioned) {
        if (contains(n, line, byteCol)) {
          return n;
        }
      }
      return null;
    }
    long position = position(line, byteCol);
    int lo = 0;
    int hi = positioned.size() - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (start(positioned.get(mid)) <= position) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && contains(positioned.get(last), line, byteCol) ? positioned.get(last) : null;
  }

  /** A node's children, those with a position apart, and whether those come in source order. */
  private record Children(List<Node> unpositioned, List<Located> positioned, boolean ordered) {
    static Children of(Node node) {
      List<Node> unpositioned = new ArrayList<>();
      List<Located> positioned = new ArrayList<>();
      NodeVisitor.forEachChild(
          node,
          child -> {
            if (child instanceof Located l) {
              positioned.add(l);
            } else {
              unpositioned.add(child);
            }
          });
      boolean ordered = true;
      for (int i = 1; i < positioned.size() && ordered; i++) {
        Located before = positioned.get(i - 1);
        ordered = end(before) <= start(positioned.get(i));
      }
      return new Children(unpositioned, positioned, ordered);
    }
  }

  private static long position(int line, int col) {
    return ((long) line << 32) | (col & 0xffffffffL);
  }

  /** Where a node starts, its decorators included. */
  private static long start(Located n) {
    long start = position(n.loc().line(), n.loc().col());
    for (Ast.Expr d : decorators(n)) {
      start = Math.min(start, position(d.loc().line(), d.loc().col()));
    }
    return start;
  }

  private static long end(Located n) {
    return position(n.loc().endLine(), n.loc().endCol());
  }

  private static List<Ast.Expr> decorators(Node n) {
    return switch (n) {
      case Ast.FunctionLike f -> f.decoratorList();
      case Ast.ClassDef c -> c.decoratorList();
      default -> List.of();
    };
  }

  private static boolean contains(Node n, int line, int col) {
    // A def or class starts at its keyword; its decorators above it still belong to it.
    for (Ast.Expr d : decorators(n)) {
      if (contains(d, line, col)) {
        return true;
      }
    }
    if (n instanceof Located l) {
      Ast.Loc loc = l.loc();
      boolean afterStart = line > loc.line() || (line == loc.line() && col >= loc.col());
      boolean beforeEnd = line < loc.endLine() || (line == loc.endLine() && col < loc.endCol());
      return afterStart && beforeEnd;
    }
    // Nodes without a position (arguments, a case, a with item, a comprehension): by their parts.
    boolean[] any = new boolean[1];
    NodeVisitor.forEachChild(
        n,
        child -> {
          if (!any[0] && contains(child, line, col)) {
            any[0] = true;
          }
        });
    return any[0];
  }
}
