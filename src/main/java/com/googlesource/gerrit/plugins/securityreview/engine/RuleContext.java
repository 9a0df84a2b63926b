package com.googlesource.gerrit.plugins.securityreview.engine;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Loc;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Located;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.ImportTable;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.Preorder;
import com.googlesource.gerrit.plugins.securityreview.python.SourceText;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/** What a rule sees of the file it checks, and where it reports what it found. */
public final class RuleContext {
  private final String path;
  private final Ast.Module module;
  private final SourceText source;
  private final ParseResult parsed;

  /** The file's tree, flattened once for the rules' walk and the semantic model's build. */
  private final Preorder tree;

  private final boolean testFile;
  private SemanticModel semantic;
  private RuntimeException semanticFailure;

  /** The position in {@link #tree} of the node being visited; -1 outside the walk. */
  private int visiting = -1;

  private final List<Finding> findings = new ArrayList<>();
  private final Map<Rule, Object> state = new HashMap<>();

  RuleContext(String path, ParseResult parsed, Preorder tree, boolean testFile) {
    this.path = path;
    this.parsed = parsed;
    this.tree = tree;
    this.module = parsed.module();
    this.source = parsed.source();
    this.testFile = testFile;
  }

  public String path() {
    return path;
  }

  public Ast.Module module() {
    return module;
  }

  public SourceText source() {
    return source;
  }

  /**
   * What the file's code means: scopes, bindings, qualified names, constants, what values are.
   * Built on first use, once per file, inside the engine's guard like every rule.
   */
  public SemanticModel semantic() {
    if (semantic == null) {
      if (semanticFailure != null) {
        // Building it again would fail again, once per node and rule.
        throw semanticFailure;
      }
      try {
        semantic = SemanticModel.of(parsed, tree);
      } catch (RuntimeException e) {
        semanticFailure = e;
        throw e;
      }
    }
    return semantic;
  }

  /** The file's imports. */
  public ImportTable imports() {
    return semantic().imports();
  }

  /**
   * Whether the file spells one of these identifiers anywhere in its code ({@link
   * ParseResult#spellsAny}): a qualified name under a package needs its package spelled.
   */
  public boolean spellsAny(Set<String> identifiers) {
    return parsed.spellsAny(identifiers);
  }

  /**
   * Whether one of the file's string constants (its docstrings among them) contains one of these.
   */
  public boolean quotesAny(Set<String> texts) {
    for (int i = 0; i < tree.size(); i++) {
      if (tree.node(i) instanceof Ast.Constant c && c.value() instanceof String s) {
        for (String t : texts) {
          if (s.contains(t)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the file is test code ({@code tests/} folders, {@code test_*.py}). */
  public boolean isTestFile() {
    return testFile;
  }

  // ---------------------------------------------------------------- where we are

  /** The nodes enclosing the one being visited, innermost first; none outside the walk. */
  public Iterable<Node> ancestors() {
    int first = visitedParent();
    return () ->
        new Iterator<>() {
          private int next = first;

          @Override
          public boolean hasNext() {
            return next >= 0;
          }

          @Override
          public Node next() {
            if (next < 0) {
              throw new NoSuchElementException();
            }
            Node n = tree.node(next);
            next = tree.parent(next);
            return n;
          }
        };
  }

  /** The node directly enclosing the one being visited, or null at the module. */
  public Node parent() {
    int p = visitedParent();
    return p < 0 ? null : tree.node(p);
  }

  /** The position of the visited node's parent; -1 at the module and outside the walk. */
  private int visitedParent() {
    return visiting < 0 ? -1 : tree.parent(visiting);
  }

  // ---------------------------------------------------------------- names

  /** The qualified name of a Name or attribute chain, imports resolved; null otherwise. */
  public String qualifiedName(Expr e) {
    return semantic().qualifiedName(e);
  }

  /** The qualified name of what a call calls, imports resolved; null if not a dotted name. */
  public String callName(Call call) {
    return qualifiedName(call.func());
  }

  /** A call's keyword argument by name, or null. */
  public static Expr keyword(Call call, String name) {
    List<Keyword> keywords = call.keywords();
    for (int i = 0; i < keywords.size(); i++) {
      if (name.equals(keywords.get(i).arg())) {
        return keywords.get(i).value();
      }
    }
    return null;
  }

  /** An argument given by position or by keyword, or null. */
  public static Expr argument(Call call, int position, String name) {
    Expr k = keyword(call, name);
    if (k != null) {
      return k;
    }
    if (position < call.args().size()) {
      Expr a = call.args().get(position);
      return a instanceof Ast.Starred ? null : a;
    }
    return null;
  }

  /** Whether a call passes {@code *args} or {@code **kwargs}, which hide what it passes. */
  public static boolean hasUnpacking(Call call) {
    // By index, here and in keyword(): rules ask of every call, and under the client compiler an
    // iterator is an allocation each time.
    List<Expr> args = call.args();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Ast.Starred) {
        return true;
      }
    }
    List<Keyword> keywords = call.keywords();
    for (int i = 0; i < keywords.size(); i++) {
      if (keywords.get(i).arg() == null) {
        return true;
      }
    }
    return false;
  }

  /** The source text of a node. */
  public String text(Located node) {
    Loc l = node.loc();
    int start = source.lineStart(l.line()) + source.charColumn(l.line(), l.col());
    int end = source.lineStart(l.endLine()) + source.charColumn(l.endLine(), l.endCol());
    return source.text().substring(start, Math.max(start, end));
  }

  // ---------------------------------------------------------------- reporting

  /** Reports a finding on a node. */
  public void report(Rule rule, Located node, String message) {
    report(rule, node.loc(), message, null);
  }

  /** Reports a finding on a node with a safe fix. */
  public void report(Rule rule, Located node, String message, Fix fix) {
    report(rule, node.loc(), message, fix);
  }

  /** Reports a finding on a range (CPython positions: UTF-8 byte columns). */
  public void report(Rule rule, Loc loc, String message, Fix fix) {
    findings.add(finding(rule, loc, message, fix));
  }

  Finding finding(Rule rule, Loc loc, String message, Fix fix) {
    RuleMeta m = rule.meta();
    return new Finding(
        m.id(),
        m.title(),
        m.severity(),
        m.confidence(),
        m.category(),
        path,
        loc.line(),
        source.charColumn(loc.line(), loc.col()),
        loc.endLine(),
        source.charColumn(loc.endLine(), loc.endCol()),
        compose(message, m),
        fix,
        null);
  }

  /** A replacement of a node's text, for a {@link Fix}. */
  public Fix.Edit replace(Located node, String replacement) {
    Loc l = node.loc();
    return new Fix.Edit(
        l.line(),
        source.charColumn(l.line(), l.col()),
        l.endLine(),
        source.charColumn(l.endLine(), l.endCol()),
        replacement);
  }

  private static String compose(String message, RuleMeta m) {
    StringBuilder b = new StringBuilder(message.strip());
    if (m.why() != null && !m.why().isBlank()) {
      b.append(' ').append(m.why().strip());
    }
    if (m.fix() != null && !m.fix().isBlank()) {
      b.append(' ').append(m.fix().strip());
    }
    return b.toString();
  }

  /** Per-file state of a rule, created on first use. */
  @SuppressWarnings("unchecked")
  public <T> T state(Rule rule, Supplier<T> init) {
    // Not computeIfAbsent: its function would capture init, an object per call of every rule that
    // keeps state.
    Object value = state.get(rule);
    if (value == null) {
      value = init.get();
      state.put(rule, value);
    }
    return (T) value;
  }

  // ---------------------------------------------------------------- engine side

  /** The walk is at this position of the tree (its ancestors are its chain of parents), or -1. */
  void visiting(int position) {
    visiting = position;
  }

  List<Finding> findings() {
    return findings;
  }
}
