package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Comment;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.ImportTable;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.Preorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one Python file means, worked out once: scopes, bindings, qualified names, constant values,
 * class attributes, function returns, what kind of object a value is, which values a tenant
 * controls, and what exception handlers do. Built in one iterative walk of the tree; queries are
 * map lookups or bounded walks over one expression, memoised per node.
 *
 * <p>Not thread-safe: one model per file, used by one thread.
 */
public final class SemanticModel {
  /** The default drop port group's name (neutron/common/ovn/constants.py), and its constant. */
  private static final String DROP_PORT_GROUP = "neutron_pg_drop";

  private static final String DROP_PORT_GROUP_CONSTANT = "OVN_DROP_PORT_GROUP_NAME";

  /** Qualified names longer than this many parts are not worked out (nothing real is). */
  static final int MAX_DOTTED_PARTS = 100;

  /** How many assignments {@link #resolve} and the value queries follow a name through. */
  static final int MAX_NAME_STEPS = 4;

  /** The methods of oslo.policy's Enforcer (and the wrappers named after them) that check. */
  private static final Set<String> POLICY_CHECKS = Set.of("enforce", "authorize");

  private final Ast.Module module;
  private final List<Comment> comments;

  /**
   * Where each node of the file sits, by its position in the flattened tree: its parent (from the
   * tree), the scope it is evaluated in, and the innermost statement holding it (null for a
   * statement, which is its own). Filled as the build walk reaches each node.
   */
  private final Preorder tree;

  private final NodeIndex positions;
  private final Scope[] scopes;
  private final Ast.Stmt[] statements;

  private final Map<Node, Scope> opened = new IdentityHashMap<>();
  private final Map<Node, List<Ast.Stmt>> blocks = new IdentityHashMap<>();
  private final Map<Ast.FunctionLike, List<Expr>> returns = new IdentityHashMap<>();
  private final Map<Ast.ClassDef, Map<String, List<AttributeAssignment>>> classAttributes =
      new IdentityHashMap<>();
  private final Map<Ast.ClassDef, Map<String, Ast.FunctionLike>> methods = new IdentityHashMap<>();
  private final Map<Scope, Map<String, List<Ast.Located>>> checks = new IdentityHashMap<>();
  private final Map<Scope, Map<String, List<Ast.Call>>> appends = new IdentityHashMap<>();
  private final Map<Scope, Map<String, List<Ast.Name>>> reads = new IdentityHashMap<>();
  private final List<Ast.FunctionLike> functions = new ArrayList<>();
  private final List<Ast.ClassDef> classes = new ArrayList<>();
  private final List<Ast.Call> calls = new ArrayList<>();
  private final Scope moduleScope;
  private final ImportTable imports;

  private final Map<Binding, Expr> composed = new IdentityHashMap<>();

  /** {@link #qualifiedName}'s answers, by position in the tree; elsewhere for other nodes. */
  private final String[] qualified;

  private final Map<Node, String> qualifiedElsewhere = new IdentityHashMap<>();

  /** In {@link #qualified}: an expression that has no qualified name (one lookup, not two). */
  private static final String NO_NAME = new String("");

  private final Map<Scope, String> scopeNames = new IdentityHashMap<>();
  private Constants constants;
  private StringPrefixes stringPrefixes;
  private Kinds kinds;
  private Tenants tenants;
  private BindingProfiles bindingProfiles;
  private Handlers handlers;
  private Loggers loggers;
  private Waits waits;
  private ValueShapes valueShapes;
  private Addresses addresses;
  private OvsdbMapReads ovsdbMapReads;
  private String moduleRolePath;
  private ModuleRole moduleRole;

  /**
   * One assignment of a class attribute: {@code self.x = value} in a method, {@code x = value} in
   * the class body, {@code with ... as self.x} (value: the context expression).
   *
   * @param value the value assigned (the matching element when a literal tuple is unpacked), or
   *     null when unknown
   * @param source the whole right-hand side
   * @param index position in an unpacked target, or -1
   * @param node the statement or with item that assigns
   * @param method the method it is assigned in, or null for the class body
   */
  public record AttributeAssignment(
      String attr, Expr value, Expr source, int index, Node node, Ast.FunctionLike method) {}

  private SemanticModel(Ast.Module module, List<Comment> comments, Preorder tree) {
    if (tree.node(0) != module) {
      throw new IllegalArgumentException("the tree given is not the module's");
    }
    this.module = module;
    this.tree = tree;
    this.positions = new NodeIndex(tree.size());
    this.scopes = new Scope[tree.size()];
    this.statements = new Ast.Stmt[tree.size()];
    this.qualified = new String[tree.size()];
    this.comments = comments == null ? List.of() : List.copyOf(comments);
    this.moduleScope = new Scope(Scope.Kind.MODULE, module, null);
    List<Ast.Stmt> importStmts = new ArrayList<>();
    new Builder(importStmts).run();
    // The same table (last import wins) as ImportTable.of(module), from the imports collected
    // above: a walk over import statements only.
    this.imports = ImportTable.of(new Ast.Module(importStmts, List.of()));
  }

  /** Builds the model of a module; never throws on a tree the parser produces. */
  public static SemanticModel build(Ast.Module module, List<Comment> comments) {
    Ast.Module m = module == null ? new Ast.Module(List.of(), List.of()) : module;
    return new SemanticModel(m, comments, Preorder.of(m));
  }

  /** Builds the model of a parsed file, with its comments. */
  public static SemanticModel of(ParseResult parsed) {
    return build(parsed.module(), parsed.comments());
  }

  /** Builds the model of a parsed file from its tree flattened already ({@code Preorder.of}). */
  public static SemanticModel of(ParseResult parsed, Preorder tree) {
    return new SemanticModel(parsed.module(), parsed.comments(), tree);
  }

  public Ast.Module module() {
    return module;
  }

  /** The comments of the file, in order. */
  public List<Comment> comments() {
    return comments;
  }

  /** What the file's imports bind (the table rules use today). */
  public ImportTable imports() {
    return imports;
  }

  // ---------------------------------------------------------------- tree structure

  /** The parent of a node of the file; null for the module and for nodes not in the file. */
  public Node parentOf(Node node) {
    int i = positions.of(node);
    int p = i < 0 ? -1 : tree.parent(i);
    return p < 0 ? null : tree.node(p);
  }

  /** The innermost statement holding a node (the node itself for a statement), or null. */
  public Ast.Stmt statementOf(Node node) {
    if (node instanceof Ast.Stmt s) {
      return s;
    }
    int i = positions.of(node);
    return i < 0 ? null : statements[i];
  }

  /** The enclosing nodes of a node, innermost first. */
  public List<Node> ancestors(Node node) {
    List<Node> result = new ArrayList<>();
    for (Node p = parentOf(node); p != null; p = parentOf(p)) {
      result.add(p);
    }
    return result;
  }

  /**
   * The innermost scope a node is evaluated in. A def, class, lambda or comprehension belongs to
   * the scope around it (see {@link #scopeOpenedBy}); default values, decorators, annotations and a
   * comprehension's first iterable are evaluated in the enclosing scope too.
   */
  public Scope scopeOf(Node node) {
    int i = positions.of(node);
    return i < 0 ? moduleScope : scopes[i];
  }

  /** The scope a def, class, lambda or comprehension opens; null for other nodes. */
  public Scope scopeOpenedBy(Node node) {
    return opened.get(node);
  }

  /**
   * The qualified name of the defs and classes around a node, as finding keys name scopes: {@code
   * OVNClient.update_port}, {@code outer.inner}, {@code ""} at module level. A def or class is not
   * part of its own scope, nor are its decorators and defaults (Python evaluates them outside);
   * lambdas and comprehensions take the name of the scope around them.
   */
  public String scopeName(Node node) {
    return scopeName(scopeOf(node));
  }

  /** The qualified name of a scope, as {@link #scopeName(Node)} gives it; memoised. */
  public String scopeName(Scope scope) {
    String cached = scopeNames.get(scope);
    if (cached != null) {
      return cached;
    }
    ArrayDeque<String> parts = new ArrayDeque<>();
    for (Scope s = scope; s != null; s = s.parent()) {
      switch (s.node()) {
        case Ast.FunctionLike f -> parts.push(f.name());
        case Ast.ClassDef c -> parts.push(c.name());
        default -> {}
      }
    }
    String name = String.join(".", parts);
    scopeNames.put(scope, name);
    return name;
  }

  /** The module scope. */
  public Scope moduleScope() {
    return moduleScope;
  }

  /**
   * The innermost function (sync or async) whose body holds a node; lambdas and comprehensions are
   * looked through, a class body stops the search (null).
   */
  public Ast.FunctionLike enclosingFunction(Node node) {
    for (Scope s = scopeOf(node); s != null; s = s.parent()) {
      switch (s.kind()) {
        case FUNCTION -> {
          return (Ast.FunctionLike) s.node();
        }
        case CLASS, MODULE -> {
          return null;
        }
        default -> {}
      }
    }
    return null;
  }

  /** The innermost class whose body (methods included) holds a node, or null. */
  public Ast.ClassDef enclosingClass(Node node) {
    for (Scope s = scopeOf(node); s != null; s = s.parent()) {
      if (s.kind() == Scope.Kind.CLASS) {
        return (Ast.ClassDef) s.node();
      }
    }
    return null;
  }

  /** The class a method is defined in directly, or null for a function that is not a method. */
  public Ast.ClassDef classOfMethod(Ast.FunctionLike fn) {
    Scope s = scopeOf(fn);
    return s.kind() == Scope.Kind.CLASS ? (Ast.ClassDef) s.node() : null;
  }

  /** The statement list a statement sits in (a body, an orelse, ...), or null. */
  public List<Ast.Stmt> blockOf(Ast.Stmt stmt) {
    return blocks.get(stmt);
  }

  /** Every function and method of the file, in source order. */
  public List<Ast.FunctionLike> functions() {
    return Collections.unmodifiableList(functions);
  }

  /** Every class of the file, in source order. */
  public List<Ast.ClassDef> classes() {
    return Collections.unmodifiableList(classes);
  }

  /** Every call of the file, in source order (outer calls before the calls in their arguments). */
  List<Ast.Call> calls() {
    return Collections.unmodifiableList(calls);
  }

  // ---------------------------------------------------------------- bindings

  /** The bindings of a name in a scope, in source order (declarations included). */
  public List<Binding> bindings(Scope scope, String name) {
    List<Binding> list = scope.bindings.get(name);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /**
   * The scope a name refers to where it is used, Python's way: global/nonlocal declarations, then
   * the scope itself when it binds the name, then enclosing function scopes (class bodies are
   * skipped), then the module.
   */
  public Scope resolvingScope(Ast.Name name) {
    Scope own = scopeOf(name);
    String id = name.id();
    for (Scope s = own; s != null; s = s.parent()) {
      if (s != own && s.kind() == Scope.Kind.CLASS) {
        continue;
      }
      if (s.declaresGlobal(id)) {
        return moduleScope;
      }
      if (s.declaresNonlocal(id)) {
        for (Scope p = s.parent(); p != null; p = p.parent()) {
          if (p.isFunction() && p.binds(id)) {
            return p;
          }
        }
        return null;
      }
      if (s.binds(id)) {
        return s;
      }
    }
    return moduleScope;
  }

  /**
   * The binding of a name that holds at a use: in the scope the use runs in (comprehensions looked
   * through), the last binding before the use in source order; from an enclosing scope, which runs
   * earlier or later, the only binding there. Null when unknown.
   */
  public Binding reachingBinding(Ast.Name use) {
    Scope r = resolvingScope(use);
    if (r == null) {
      return null;
    }
    List<Binding> list = r.bindings.get(use.id());
    if (list == null) {
      return null;
    }
    if (!runsInline(scopeOf(use), r)) {
      return only(list);
    }
    // Bindings are in source order: scan back from the end to the last one before the use.
    for (int i = list.size() - 1; i >= 0; i--) {
      Binding b = list.get(i);
      if (!b.isDeclaration() && before(effectiveEnd(b), use.loc())) {
        return b;
      }
    }
    return null;
  }

  /**
   * Every binding of a name that may hold at a use, latest first: in the scope the use runs in, the
   * bindings before the use that no later plain assignment overrides on the way to it (one in a
   * block that holds the use or the earlier binding); from an enclosing scope, which runs earlier
   * or later, and from a comprehension (its element comes first in the text), all its bindings.
   * Loops are read once, top to bottom. Empty when nothing binds the name visibly. The last element
   * of {@link #reachingBinding} is always among them.
   */
  public List<Binding> reachingBindings(Ast.Name use) {
    Scope r = resolvingScope(use);
    List<Binding> list = r == null ? null : r.bindings.get(use.id());
    if (list == null) {
      return List.of();
    }
    List<Binding> out = new ArrayList<>();
    // A comprehension's targets hold everywhere in it, its element before them in the text.
    if (!runsInline(scopeOf(use), r) || r.kind() == Scope.Kind.COMPREHENSION) {
      for (int i = list.size() - 1; i >= 0; i--) {
        if (!list.get(i).isDeclaration()) {
          out.add(list.get(i));
        }
      }
      return out;
    }
    Set<List<Ast.Stmt>> useBlocks = blocksHolding(use);
    Set<List<Ast.Stmt>> overriding = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = list.size() - 1; i >= 0; i--) {
      Binding b = list.get(i);
      if (b.isDeclaration() || !before(effectiveEnd(b), use.loc())) {
        continue;
      }
      Set<List<Ast.Stmt>> own = blocksHolding(b.node());
      if (!Collections.disjoint(own, overriding)) {
        continue;
      }
      out.add(b);
      // A plain "name = value" statement overrides what came before it in its block.
      if ((b.kind() == Binding.Kind.ASSIGNMENT || b.kind() == Binding.Kind.ANNOTATED_ASSIGNMENT)
          && b.node() instanceof Ast.Stmt s
          && blockOf(s) != null) {
        if (useBlocks.contains(blockOf(s))) {
          break;
        }
        overriding.add(blockOf(s));
      }
    }
    return out;
  }

  /** The statement lists holding a node, from its statement's block outwards. */
  private Set<List<Ast.Stmt>> blocksHolding(Node node) {
    Set<List<Ast.Stmt>> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Ast.Stmt s = statementOf(node); s != null; s = statementOf(parentOf(s))) {
      List<Ast.Stmt> block = blocks.get(s);
      if (block != null) {
        out.add(block);
      }
    }
    return out;
  }

  /**
   * The value a use of a name has by straight-line reading: the last plain binding before it in its
   * scope, with later augmented assignments composed onto it ({@code x = 'a'; x += b} gives {@code
   * 'a' + b}, a BinOp outside the tree). Null for a parameter, loop variable, import or anything
   * unknown.
   */
  public Expr reachingValue(Ast.Name use) {
    Binding b = reachingBinding(use);
    return b == null ? null : valueOf(b);
  }

  /**
   * The value of a name bound exactly once in its scope, by a plain assignment: the function's own
   * binding, falling back to the module when the function does not bind it. Null otherwise.
   */
  public Expr onlyValue(Ast.Name use) {
    Scope r = resolvingScope(use);
    if (r == null) {
      return null;
    }
    Binding b = only(r.bindings.getOrDefault(use.id(), List.of()));
    return b != null && b.isPlainAssignment() ? b.value() : null;
  }

  /** The value a binding gives, composing augmented assignments; null when unknown. */
  public Expr valueOf(Binding b) {
    if (b.isPlainAssignment()) {
      return b.value();
    }
    if (b.kind() != Binding.Kind.AUGMENTED_ASSIGNMENT) {
      return null;
    }
    if (composed.containsKey(b)) {
      return composed.get(b);
    }
    // Walk back to the plain assignment the augmented ones build on, then compose forwards.
    List<Binding> list = b.scope().bindings.get(b.name());
    int i = indexOf(list, b);
    int start = i;
    while (start > 0 && list.get(start).kind() == Binding.Kind.AUGMENTED_ASSIGNMENT) {
      start--;
    }
    Binding base = list.get(start);
    Expr value = base.isPlainAssignment() ? base.value() : null;
    for (int j = start + 1; j <= i && value != null; j++) {
      Binding aug = list.get(j);
      if (composed.containsKey(aug)) {
        value = composed.get(aug);
        continue;
      }
      Ast.AugAssign a = (Ast.AugAssign) aug.node();
      value = a.value() == null ? null : new Ast.BinOp(value, a.op(), a.value(), a.loc());
      composed.put(aug, value);
    }
    composed.put(b, value);
    return value;
  }

  /** Whether a name refers to a parameter of the function or lambda it resolves to. */
  public boolean isParameter(Ast.Name use) {
    return parameterOf(use) != null;
  }

  /** The parameter a name refers to (with its annotation), or null. */
  public Ast.Arg parameterOf(Ast.Name use) {
    Scope r = resolvingScope(use);
    if (r == null) {
      return null;
    }
    for (Binding b : r.bindings.getOrDefault(use.id(), List.of())) {
      if (b.kind() == Binding.Kind.PARAMETER) {
        return (Ast.Arg) b.target();
      }
    }
    return null;
  }

  /** The parameters of a function or lambda, in order: positional, *args, keyword-only, **kw. */
  public static List<Ast.Arg> parameters(Ast.Arguments a) {
    List<Ast.Arg> all = new ArrayList<>();
    if (a == null) {
      return all;
    }
    all.addAll(a.posonlyargs());
    all.addAll(a.args());
    if (a.vararg() != null) {
      all.add(a.vararg());
    }
    all.addAll(a.kwonlyargs());
    if (a.kwarg() != null) {
      all.add(a.kwarg());
    }
    return all;
  }

  /**
   * Follows a name through its assignments ({@link #reachingValue}, else {@link #onlyValue}), a few
   * steps at most and never in a cycle; returns the last expression reached.
   */
  public Expr resolve(Expr e) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < MAX_NAME_STEPS && e instanceof Ast.Name n && seen.add(n); i++) {
      Expr v = reachingValue(n);
      if (v == null) {
        v = onlyValue(n);
      }
      if (v == null) {
        return e;
      }
      e = v;
    }
    return e;
  }

  /**
   * Whether two expressions read the same object: followed through their assignments ({@link
   * #resolve}), names that one binding reaches, reads of the same attribute on such names ({@code
   * self.archive} twice in one method), or one same expression. False when either is unknown.
   */
  public boolean sameReference(Expr a, Expr b) {
    return sameReference(a, b, 0);
  }

  private boolean sameReference(Expr a, Expr b, int depth) {
    Expr x = resolve(a);
    Expr y = resolve(b);
    if (x instanceof Ast.Attribute ax && y instanceof Ast.Attribute ay) {
      return depth < MAX_NAME_STEPS
          && ax.attr().equals(ay.attr())
          && sameReference(ax.value(), ay.value(), depth + 1);
    }
    if (x instanceof Ast.Name nx && y instanceof Ast.Name ny) {
      Binding bx = reachingBinding(nx);
      return bx != null && bx == reachingBinding(ny);
    }
    return x != null && x == y;
  }

  /** Name allow-list tests and validator calls of a name in a scope ({@code x in ALLOWED}). */
  List<Ast.Located> checksOf(Scope scope, String name) {
    Map<String, List<Ast.Located>> m = checks.get(scope);
    return m == null ? List.of() : m.getOrDefault(name, List.of());
  }

  /** {@code name.append(...)}, {@code .extend}, {@code .insert} calls on a name in a scope. */
  public List<Ast.Call> appendsTo(Scope scope, String name) {
    Map<String, List<Ast.Call>> m = appends.get(scope);
    return m == null ? List.of() : Collections.unmodifiableList(m.getOrDefault(name, List.of()));
  }

  /**
   * The reads of a name in code that runs in a scope (comprehensions looked through; nested defs,
   * classes and lambdas left out), in source order: where a local's value goes next.
   */
  public List<Ast.Name> reads(Scope scope, String name) {
    Map<String, List<Ast.Name>> m = reads.get(scope);
    return m == null ? List.of() : Collections.unmodifiableList(m.getOrDefault(name, List.of()));
  }

  /**
   * The reads of a module-level name anywhere in the file (functions, classes and default values
   * included) that resolve to the module's binding; in no particular order.
   */
  public List<Ast.Name> moduleReads(String name) {
    List<Ast.Name> out = new ArrayList<>();
    for (Map<String, List<Ast.Name>> byName : reads.values()) {
      for (Ast.Name read : byName.getOrDefault(name, List.of())) {
        if (resolvingScope(read) == moduleScope) {
          out.add(read);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- names

  /**
   * The qualified name of a Name or attribute chain, imports resolved as {@link
   * ImportTable#resolve} does, and a head bound once to an imported name followed ({@code run =
   * subprocess.call; run} is {@code subprocess.call}). Null for anything else.
   */
  public String qualifiedName(Expr e) {
    if (e == null) {
      return null;
    }
    int i = positions.of(e);
    String known = i >= 0 ? qualified[i] : qualifiedElsewhere.get(e);
    if (known != null) {
      return known == NO_NAME ? null : known;
    }
    String q = qualifiedName(e, 0);
    if (i >= 0) {
      qualified[i] = q == null ? NO_NAME : q;
    } else {
      qualifiedElsewhere.put(e, q == null ? NO_NAME : q);
    }
    return q;
  }

  private String qualifiedName(Expr e, int depth) {
    String dotted = dotted(e);
    if (dotted == null) {
      return null;
    }
    int dot = dotted.indexOf('.');
    Ast.Name headName = headName(e);
    if (!imports.isImported(headName.id()) && depth < MAX_NAME_STEPS) {
      Expr alias = onlyValue(headName);
      if ((alias instanceof Ast.Name || alias instanceof Ast.Attribute) && alias != e) {
        String a = qualifiedName(alias, depth + 1);
        String aliasDotted = dotted(alias);
        if (a != null && !a.equals(aliasDotted)) {
          return dot < 0 ? a : a + dotted.substring(dot);
        }
      }
    }
    return imports.resolve(dotted);
  }

  /** The qualified name of what a call calls, or null. */
  public String callName(Ast.Call call) {
    return call == null ? null : qualifiedName(call.func());
  }

  /** A test on one word that code spells: an identifier, or a string constant's text. */
  @FunctionalInterface
  public interface WordTest {
    boolean test(String word, boolean stringConstant);
  }

  /**
   * Whether any word the code under the roots spells passes the test: the names, attribute names
   * and def names it mentions, and the text of its string constants. Stops at the first.
   */
  public static boolean spellsAny(List<? extends Node> roots, WordTest test) {
    boolean[] found = {false};
    NodeVisitor v =
        new NodeVisitor() {
          @Override
          protected boolean enter(Node node) {
            if (found[0]) {
              return false;
            }
            found[0] =
                switch (node) {
                  case Ast.Name n -> test.test(n.id(), false);
                  case Ast.Attribute a -> test.test(a.attr(), false);
                  case Ast.FunctionLike f -> test.test(f.name(), false);
                  case Ast.Constant c when c.value() instanceof String text ->
                      test.test(text, true);
                  default -> false;
                };
            return !found[0];
          }
        };
    for (Node root : roots) {
      if (found[0]) {
        break;
      }
      v.visit(root);
    }
    return found[0];
  }

  /** {@code a.b.c} for a Name or attribute chain on a Name, walked iteratively; else null. */
  public static String dotted(Expr e) {
    if (e instanceof Ast.Name n) {
      return n.id();
    }
    Ast.Name head = headName(e);
    if (head == null) {
      return null;
    }
    // Measured first, then written from the end: no list of parts, one copy.
    int length = head.id().length();
    for (Expr x = e; x instanceof Ast.Attribute a; x = a.value()) {
      length += a.attr().length() + 1;
    }
    char[] out = new char[length];
    int end = out.length;
    for (Expr x = e; x instanceof Ast.Attribute a; x = a.value()) {
      String attr = a.attr();
      end -= attr.length();
      attr.getChars(0, attr.length(), out, end);
      out[--end] = '.';
    }
    head.id().getChars(0, head.id().length(), out, 0);
    return new String(out);
  }

  /**
   * The Name at the head of a Name or attribute chain that {@link #dotted} spells (at most {@value
   * #MAX_DOTTED_PARTS} attributes), or null.
   */
  static Ast.Name headName(Expr e) {
    for (int parts = 0; e instanceof Ast.Attribute a; parts++) {
      if (parts >= MAX_DOTTED_PARTS) {
        return null;
      }
      e = a.value();
    }
    return e instanceof Ast.Name n ? n : null;
  }

  /** The last part of a dotted name ({@link DottedNames#lastPart}). */
  public static String lastPart(String dotted) {
    return DottedNames.lastPart(dotted);
  }

  /**
   * The last name of a Name or attribute: {@code c} for {@code a.b.c} and for {@code f().c}; null
   * for anything else.
   */
  public static String lastName(Expr e) {
    return switch (e) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case null, default -> null;
    };
  }

  // ---------------------------------------------------------------- functions and classes

  /** The expressions a function's {@code return} statements return (nested defs left out). */
  public List<Expr> returns(Ast.FunctionLike fn) {
    return Collections.unmodifiableList(returns.getOrDefault(fn, List.of()));
  }

  /** The methods of a class by name (the last definition wins). */
  public Map<String, Ast.FunctionLike> methods(Ast.ClassDef cls) {
    return Collections.unmodifiableMap(methods.getOrDefault(cls, Map.of()));
  }

  /** A method of a class or, one level up, of a base class defined in the same file; or null. */
  public Ast.FunctionLike method(Ast.ClassDef cls, String name) {
    Ast.FunctionLike m = methods.getOrDefault(cls, Map.of()).get(name);
    if (m != null) {
      return m;
    }
    for (Ast.ClassDef base : sameFileBases(cls)) {
      m = methods.getOrDefault(base, Map.of()).get(name);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The bases of a class that are classes of this file (bound once at module level). */
  public List<Ast.ClassDef> sameFileBases(Ast.ClassDef cls) {
    List<Ast.ClassDef> result = new ArrayList<>();
    for (Expr base : cls.bases()) {
      Ast.ClassDef c = sameFileClass(base);
      if (c != null && c != cls) {
        result.add(c);
      }
    }
    return result;
  }

  /** The class of this file a Name refers to (its only binding is the class def), or null. */
  public Ast.ClassDef sameFileClass(Expr e) {
    if (!(e instanceof Ast.Name n)) {
      return null;
    }
    Scope r = resolvingScope(n);
    Binding b = r == null ? null : only(r.bindings.getOrDefault(n.id(), List.of()));
    return b != null && b.node() instanceof Ast.ClassDef c ? c : null;
  }

  /**
   * The function of this file a call calls: {@code foo(...)} to the def {@code foo} its name is
   * bound to once, {@code self.foo(...)} / {@code cls.foo(...)} to a method of the enclosing class
   * or of its same-file base. Null otherwise.
   */
  public Ast.FunctionLike calledFunction(Ast.Call call) {
    if (call == null) {
      return null;
    }
    if (call.func() instanceof Ast.Name n) {
      Scope r = resolvingScope(n);
      Binding b = r == null ? null : only(r.bindings.getOrDefault(n.id(), List.of()));
      return b != null && b.node() instanceof Ast.FunctionLike f ? f : null;
    }
    if (call.func() instanceof Ast.Attribute a && a.value() instanceof Ast.Name owner) {
      Ast.ClassDef cls = selfClass(owner);
      return cls == null ? null : method(cls, a.attr());
    }
    return null;
  }

  /**
   * The expression a parameter of a same-file function gets from a call of it ({@link
   * #calledFunction}): the argument passed, the receiver for {@code self} in {@code self.f(x)},
   * else the parameter's default; null when the call does not say.
   */
  public Expr argumentFor(Ast.Call call, Ast.FunctionLike fn, Ast.Arg param) {
    boolean receiverBound =
        call.func() instanceof Ast.Attribute && classOfMethod(fn) != null && !isStaticMethod(fn);
    return CallArguments.argumentFor(call, fn, param, receiverBound);
  }

  /**
   * The class whose instance (or class object) a name is in a method: the method's first parameter
   * ({@code self}, {@code cls}); null otherwise.
   */
  public Ast.ClassDef selfClass(Ast.Name name) {
    Ast.Arg p = parameterOf(name);
    if (p == null) {
      return null;
    }
    Scope r = resolvingScope(name);
    if (r == null || !(r.node() instanceof Ast.FunctionLike fn)) {
      return null;
    }
    Ast.ClassDef cls = classOfMethod(fn);
    if (cls == null || isStaticMethod(fn)) {
      return null;
    }
    List<Ast.Arg> params = parameters(fn.args());
    return !params.isEmpty() && params.get(0) == p ? cls : null;
  }

  private boolean isStaticMethod(Ast.FunctionLike fn) {
    for (Expr d : fn.decoratorList()) {
      if ("staticmethod".equals(dotted(d))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every value assigned to a class attribute, in source order: {@code self.x = v} in any method,
   * {@code cls.x = v}, {@code x = v} in the class body, {@code self.x: T = v}, {@code with ... as
   * self.x}. Falls back to a same-file base class when the class itself assigns none.
   */
  public List<AttributeAssignment> attributeAssignments(Ast.ClassDef cls, String attr) {
    List<AttributeAssignment> own =
        classAttributes.getOrDefault(cls, Map.of()).getOrDefault(attr, List.of());
    if (!own.isEmpty()) {
      return Collections.unmodifiableList(own);
    }
    for (Ast.ClassDef base : sameFileBases(cls)) {
      List<AttributeAssignment> b =
          classAttributes.getOrDefault(base, Map.of()).getOrDefault(attr, List.of());
      if (!b.isEmpty()) {
        return Collections.unmodifiableList(b);
      }
    }
    return List.of();
  }

  /** The known values assigned to a class attribute, in source order (see above). */
  public List<Expr> attributeValues(Ast.ClassDef cls, String attr) {
    List<Expr> values = new ArrayList<>();
    for (AttributeAssignment a : attributeAssignments(cls, attr)) {
      if (a.value() != null) {
        values.add(a.value());
      }
    }
    return values;
  }

  /** For {@code self.x} (or {@code cls.x}) in a method: the values assigned to {@code x}. */
  public List<Expr> attributeValues(Ast.Attribute attribute) {
    Ast.ClassDef cls = ownerClass(attribute);
    return cls == null ? List.of() : attributeValues(cls, attribute.attr());
  }

  /**
   * Whether a method of the class other than {@code method} reads {@code self.attr} (or {@code
   * cls.attr}): the attribute outlives the call that set it.
   */
  public boolean attributeReadElsewhere(Ast.ClassDef cls, String attr, Ast.FunctionLike method) {
    boolean[] read = {false};
    Walk.preorder(
        cls.body(),
        n -> {
          if (read[0]) {
            return false;
          }
          if (n instanceof Ast.Attribute a
              && a.ctx() == Ast.ExprContext.Load
              && a.attr().equals(attr)
              && ownerClass(a) == cls
              && enclosingFunction(a) != method) {
            read[0] = true;
          }
          return true;
        });
    return read[0];
  }

  /**
   * Whether a value is one key of an OVN row's settings column ({@code row.options.get(key)},
   * {@code row['other_config'][key]}, also through a name): text that OVN parses itself. {@code
   * external_ids} and a {@code self.options} of the class do not count.
   */
  public boolean isOvsdbMapValue(Expr e) {
    if (ovsdbMapReads == null) {
      ovsdbMapReads = new OvsdbMapReads(this);
    }
    return ovsdbMapReads.isMapValue(e);
  }

  /** The class of {@code self}/{@code cls} in {@code self.x}, or null. */
  public Ast.ClassDef ownerClass(Ast.Attribute attribute) {
    return attribute.value() instanceof Ast.Name owner ? selfClass(owner) : null;
  }

  /**
   * The module-level class of this file a value is an instance of: a call of it, a parameter
   * annotated or documented as one ({@code :param broker: a :class:`~pkg.mod.Broker`}), a name or
   * {@code self} attribute holding one; null when nothing says.
   */
  public Ast.ClassDef instanceClass(Expr e) {
    return InstanceClasses.of(this, e, 0);
  }

  /**
   * What a {@code @property} (or cached property) of a class, or of its same-file base, returns;
   * empty when there is no such property.
   */
  public List<Expr> propertyReturns(Ast.ClassDef cls, String name) {
    Ast.FunctionLike m = method(cls, name);
    if (m == null || !isProperty(m)) {
      return List.of();
    }
    return returns(m);
  }

  /** Whether a function is decorated as a property. */
  public boolean isProperty(Ast.FunctionLike fn) {
    for (Expr d : fn.decoratorList()) {
      String q = qualifiedName(d);
      if (q != null
          && (q.equals("property")
              || lastPart(q).equals("cached_property")
              || lastPart(q).equals("cachedproperty"))) {
        return true;
      }
    }
    return false;
  }

  /** The docstring of a function, class or module, or null. */
  public static String docstring(List<Ast.Stmt> body) {
    if (!body.isEmpty()
        && body.get(0) instanceof Ast.ExprStmt e
        && e.value() instanceof Ast.Constant c
        && c.value() instanceof String s) {
      return s;
    }
    return null;
  }

  // ---------------------------------------------------------------- constants

  /**
   * The value of an expression when it is a constant, folded: literals, {@code -1}, {@code %} and
   * {@code str.format} of constants, f-strings, {@code +}, {@code sep.join} of constants, names
   * bound once to a constant. Values are String, BigInteger, Double, Boolean, Ast.Bytes,
   * Ast.Singleton, Ast.Complex, or an unmodifiable List of those for a tuple or list.
   */
  public Optional<Object> constantValue(Expr e) {
    return Optional.ofNullable(constants().value(e));
  }

  /** The folded value of an expression when it is a constant string. */
  public Optional<String> constantString(Expr e) {
    return constantValue(e).filter(String.class::isInstance).map(String.class::cast);
  }

  /**
   * The possible constant values of an expression: its folded value, both branches of {@code a if c
   * else b}, or every element of the literal tuple/list/set a loop variable runs over. Empty when
   * any possibility is not constant.
   */
  public Set<Object> constantValues(Expr e) {
    return constants().values(e);
  }

  /**
   * The constant text a string expression starts with, folded as {@link #constantValue} folds: the
   * whole of a constant, the literal parts of an f-string before its first field, the template of
   * {@code %} or {@code str.format} up to its first placeholder, the constant operands of {@code +}
   * up to the first that is not. Empty when it starts with no constant text.
   */
  public String constantPrefix(Expr e) {
    StringBuilder prefix = new StringBuilder();
    // An Add chain is flattened without recursion: "http://" + host + ... can be long.
    for (Expr part : Origins.flatten(e, Ast.Operator.Add)) {
      Optional<String> whole = constantString(part);
      if (whole.isPresent()) {
        prefix.append(whole.get());
        continue;
      }
      prefix.append(leadingText(part));
      break;
    }
    return prefix.toString();
  }

  /** The constant text before the first placeholder of a string that is not constant. */
  private String leadingText(Expr e) {
    switch (e) {
      case Ast.JoinedStr j -> {
        StringBuilder b = new StringBuilder();
        for (Expr v : j.values()) {
          if (!(v instanceof Ast.Constant c && c.value() instanceof String s)) {
            break;
          }
          b.append(s);
        }
        return b.toString();
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> {
        String template = constantString(b.left()).orElse("");
        int field = template.indexOf('%');
        return field < 0 ? template : template.substring(0, field);
      }
      case Ast.Call c when c.func() instanceof Ast.Attribute a && a.attr().equals("format") -> {
        String template = constantString(a.value()).orElse("");
        int field = template.indexOf('{');
        return field < 0 ? template : template.substring(0, field);
      }
      default -> {
        return "";
      }
    }
  }

  /** Whether an expression is the constant {@code True} (also through a name bound once). */
  public boolean isTrue(Expr e) {
    return Boolean.TRUE.equals(constants().value(e));
  }

  /** Whether an expression is the constant {@code False} (also through a name bound once). */
  public boolean isFalse(Expr e) {
    return Boolean.FALSE.equals(constants().value(e));
  }

  /** Whether Python counts an expression true, where it alone decides it ({@link #truthValue}). */
  public boolean isTruthy(Expr e) {
    return truthValue(e).orElse(false);
  }

  /** Whether Python counts an expression false, where it alone decides it ({@link #truthValue}). */
  public boolean isFalsy(Expr e) {
    return !truthValue(e).orElse(true);
  }

  /** Whether an expression is the constant {@code None} (also through a name bound once). */
  public boolean isNone(Expr e) {
    return constants().value(e) == Ast.Singleton.NONE;
  }

  /**
   * The constant text a string value starts with ({@code '/tmp/' + name}, {@code f'/tmp/{x}'},
   * {@code '/tmp/%s' % x}, names followed), and the literal it starts with; empty when it does not
   * start with constant text.
   */
  public Optional<StringPrefix> stringPrefix(Expr e) {
    if (stringPrefixes == null) {
      stringPrefixes = new StringPrefixes(this);
    }
    return Optional.ofNullable(stringPrefixes.of(e));
  }

  /**
   * The name a store target writes: {@code x}, the attribute of {@code obj.x}, the constant key of
   * {@code d['x']}; null for anything else.
   */
  public String storedName(Expr target) {
    return switch (target) {
      case Ast.Name n -> n.id();
      case Ast.Attribute a -> a.attr();
      case Ast.Subscript s -> constantString(s.slice()).orElse(null);
      case null, default -> null;
    };
  }

  /** The parameters that have a default, with it: positional ones, then keyword-only ones. */
  public static List<ParameterDefault> parameterDefaults(Ast.Arguments args) {
    List<ParameterDefault> out = new ArrayList<>();
    List<Ast.Arg> positional = new ArrayList<>(args.posonlyargs());
    positional.addAll(args.args());
    int offset = positional.size() - args.defaults().size();
    for (int i = 0; i < args.defaults().size(); i++) {
      out.add(new ParameterDefault(positional.get(offset + i), args.defaults().get(i)));
    }
    for (int i = 0; i < args.kwDefaults().size(); i++) {
      if (args.kwDefaults().get(i) != null) {
        out.add(new ParameterDefault(args.kwonlyargs().get(i), args.kwDefaults().get(i)));
      }
    }
    return out;
  }

  /**
   * The oslo.config (or keystoneauth) option a call defines ({@code cfg.StrOpt('name', ...)}), with
   * its name, default, {@code secret=} and help text; empty for other calls.
   */
  public Optional<ConfigOption> configOption(Ast.Call call) {
    return ConfigOptions.of(this, call);
  }

  /**
   * Whether the file imports a module or one of its submodules ({@code import tarfile}, {@code from
   * tarfile import open}, {@code from tarfile import *}), anywhere in the file.
   */
  public boolean importsModule(String module) {
    return imports().importsModule(module);
  }

  // ---------------------------------------------------------------- facts built on the above

  /**
   * Whether the module is a command-line tool: it runs under {@code if __name__ == '__main__':} and
   * parses its own arguments with {@code argparse.ArgumentParser}, so the person who runs it gives
   * its inputs.
   */
  public boolean isCommandLineTool() {
    boolean main = false;
    for (Ast.Stmt s : module().body()) {
      main |=
          s instanceof Ast.If i
              && i.test() instanceof Ast.Compare c
              && c.left() instanceof Ast.Name n
              && n.id().equals("__name__")
              && c.comparators().size() == 1
              && constantString(c.comparators().get(0)).filter("__main__"::equals).isPresent();
    }
    if (!main) {
      return false;
    }
    boolean[] parser = {false};
    Walk.preorder(
        List.of(module()),
        n -> {
          if (n instanceof Ast.Call c && "argparse.ArgumentParser".equals(callName(c))) {
            parser[0] = true;
          }
          return !parser[0];
        });
    return parser[0];
  }

  /** The conditions that select the branch a node is in, innermost first, up to its function. */
  public List<Guard> guards(Node node) {
    return Guard.of(this, node);
  }

  /**
   * The value a condition tests when it is one setting handed in from outside (a parameter, an
   * attribute of one, an imported object such as the configuration), negated or compared with a
   * constant; null for conditions on values the code computes or on two values combined.
   */
  public Expr settingRead(Expr test) {
    return Settings.settingRead(this, test);
  }

  private static final Set<String> HTTP_CLIENT_PACKAGES =
      KnownTypes.exactPackagesOf(Set.of(ValueKind.HTTP_SESSION, ValueKind.HTTPX_CLIENT));

  /**
   * The top-level packages whose sessions and clients are {@link ValueKind#HTTP_SESSION} and {@link
   * ValueKind#HTTPX_CLIENT} values ({@code requests}, {@code keystoneauth1}, {@code httpx}): such a
   * value starts from a qualified name under one of them, in code (the file spells the package) or
   * as a string ({@code :type session: requests.Session} in a docstring, a string annotation).
   */
  public static Set<String> httpClientPackages() {
    return HTTP_CLIENT_PACKAGES;
  }

  /** What kind of object a value is, and on what evidence; memoised. */
  public KindFact kindFact(Expr e) {
    return kinds().fact(e);
  }

  /** What kind of object a value is ({@link ValueKind#UNKNOWN} when nothing says). */
  public ValueKind kindOf(Expr e) {
    return kindFact(e).kind();
  }

  /** Which OVSDB database an OVSDB API, IDL, transaction or command value talks to. */
  public OvsdbDatabase ovsdbDatabase(Expr e) {
    return kindFact(e).database();
  }

  /**
   * Whether a value talks to an OVN database, Northbound or Southbound: known by origin, or, when
   * nothing says where it comes from, by a name such as {@code nb_api} or {@code ovn_idl} (which of
   * the two it is the name may not tell).
   */
  public boolean isOvnDatabase(Expr e) {
    KindFact f = kindFact(e);
    if (f.database() == OvsdbDatabase.NB || f.database() == OvsdbDatabase.SB) {
      return true;
    }
    if (f.evidence() != Evidence.NAME) {
      return false;
    }
    String name =
        switch (e) {
          case Ast.Name n -> n.id();
          case Ast.Attribute a -> a.attr();
          default -> null;
        };
    return name != null && KnownTypes.isOvnApiName(name);
  }

  /**
   * Whether a value names Neutron's default drop port group, the one row every port with port
   * security is in: {@code ovn_const.OVN_DROP_PORT_GROUP_NAME} (also through a local name) or a
   * string holding {@code neutron_pg_drop}.
   */
  public boolean isDropPortGroupName(Expr e) {
    Optional<String> s = constantString(e);
    if (s.isPresent()) {
      return s.get().contains(DROP_PORT_GROUP);
    }
    String q = qualifiedName(resolve(e));
    return q != null && lastPart(q).equals(DROP_PORT_GROUP_CONSTANT);
  }

  /** Whether a value is tenant-controlled (see {@link TenantSource}). */
  public boolean isTenantControlled(Expr e) {
    return tenantSource(e).isPresent();
  }

  /** Where a tenant-controlled value comes from, or empty. */
  public Optional<TenantSource> tenantSource(Expr e) {
    return Optional.ofNullable(tenants().source(e));
  }

  /**
   * Whether a value is normalised or validated (netaddr, int(), validators, escaping or quoting
   * helpers, constants, ...).
   */
  public boolean isNormalised(Expr e) {
    return tenants().isNormalised(e, 0);
  }

  /**
   * Whether a value is a port's binding profile: {@code port['binding:profile']}, {@code
   * port.get(portbindings.PROFILE, {})}, {@code ... or {}}, a copy of one, or a name bound to one.
   */
  public boolean isBindingProfile(Expr e) {
    return bindingProfiles().isProfile(e, 0);
  }

  /**
   * The key a read takes out of a binding profile ({@code profile['x']}, {@code profile.get('x')},
   * {@code profile.pop('x')}), or null when the expression is no such read.
   */
  public Expr bindingProfileKey(Expr e) {
    return bindingProfiles().key(e);
  }

  /** What an exception handler does; memoised. */
  public HandlerIntent intentOf(Ast.ExceptHandler handler) {
    return handlers().intent(handler);
  }

  /**
   * Whether a handler is bare or catches {@code Exception} or {@code BaseException} (its intent's
   * {@link HandlerIntent#bare} or {@link HandlerIntent#broad}), without the walks of its try
   * statement that the whole intent takes: the rules that judge only such handlers ask this first.
   */
  public boolean catchesBroadly(Ast.ExceptHandler handler) {
    return handler.type() == null || handlers().catchesBroadType(handler);
  }

  /** The logging call a call is ({@code LOG.warning(...)}), or empty. */
  public Optional<LoggerCall> loggerCall(Ast.Call call) {
    return Optional.ofNullable(loggers().of(call));
  }

  /** Whether a call is a logging call. */
  public boolean isLoggerCall(Ast.Call call) {
    return loggers().of(call) != null;
  }

  /** Whether an expression is a logger: {@code LOG}, {@code self.log}, {@code logging}. */
  public boolean isLogger(Expr e) {
    return loggers().isLogger(e);
  }

  /**
   * Whether a value is the credentials of an oslo.policy check, a dict of user, project and role
   * ids rather than a secret: the result of oslo.context's {@code to_policy_values()} (also through
   * a name bound to it), or a name the same scope passes to a policy check, {@code
   * enforcer.enforce(rule, target, creds)} or {@code authorize(...)}.
   */
  public boolean isPolicyCredentials(Expr e) {
    Expr v = resolve(e);
    if (v instanceof Ast.Call c
        && c.func() instanceof Ast.Attribute a
        && a.attr().equals("to_policy_values")) {
      return true;
    }
    if (!(e instanceof Ast.Name n)) {
      return false;
    }
    Scope scope = resolvingScope(n);
    if (scope == null) {
      return false;
    }
    for (Ast.Name read : reads(scope, n.id())) {
      Node parent = parentOf(read);
      if (parent instanceof Ast.Keyword k) {
        parent = parentOf(k);
      }
      if (parent instanceof Ast.Call c
          && c.func() != read
          && POLICY_CHECKS.contains(lastName(c.func()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether code in a name's scope reads a data attribute of it ({@code token.expires_at}, not a
   * method call): the value is then an object, whose string form is what its class makes it, not
   * text or a dict. Dunder attributes do not count.
   */
  public boolean readsDataAttribute(Ast.Name use) {
    Scope scope = resolvingScope(use);
    if (scope == null) {
      return false;
    }
    for (Ast.Name read : reads(scope, use.id())) {
      if (parentOf(read) instanceof Ast.Attribute a
          && a.value() == read
          && !a.attr().startsWith("__")
          && !(parentOf(a) instanceof Ast.Call c && c.func() == a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What ends a blocking wait call ({@code x.wait()}, {@code t.join()}, {@code f.result()}, {@code
   * p.communicate()}) other than a timeout argument of its own, or empty when nothing known does.
   */
  public Optional<WaitEnd> waitEnd(Ast.Call wait) {
    return waits().endOf(wait);
  }

  /**
   * What this module is for, given its path in the repository: see {@link ModuleRole}. Memoised for
   * the last path asked (rules ask once per call node, always with the file's path).
   */
  public ModuleRole moduleRole(String path) {
    if (moduleRole == null || !Objects.equals(path, moduleRolePath)) {
      moduleRole = ModuleRole.of(path, module);
      moduleRolePath = path;
    }
    return moduleRole;
  }

  // ---------------------------------------------------------------- value shapes

  /**
   * Python's truth value of an expression when it alone decides it: constants (also through a name
   * bound once), and displays ({@code []} is false, {@code [x]} true, {@code [*x]} unknown).
   */
  public Optional<Boolean> truthValue(Expr e) {
    return valueShapes().truthValue(e);
  }

  /**
   * The elements of the list or tuple a value holds by straight-line reading (a display, a name's
   * reaching value, a {@code +} of those), a part not seen through kept as a {@code *part} element
   * outside the tree; null when no part is a list.
   */
  public List<Expr> sequenceElements(Expr e) {
    return valueShapes().elements(e);
  }

  /**
   * The values of every binding of a name in the scope it resolves to, when all are plain
   * assignments; empty otherwise.
   */
  public List<Expr> assignedValues(Ast.Name use) {
    return valueShapes().assignedValues(use);
  }

  /**
   * The qualified name of what a call calls, eventlet's green modules read as the standard modules
   * they stand in for ({@code eventlet.green.subprocess.Popen} is {@code subprocess.Popen}).
   */
  public String standardCallName(Ast.Call call) {
    String name = callName(call);
    String green = "eventlet.green.";
    return name != null && name.startsWith(green) && name.indexOf('.', green.length()) > 0
        ? name.substring(green.length())
        : name;
  }

  /**
   * Whether a value is a {@code str} by construction (a literal, a formatted or joined string,
   * {@code str()}, a string method of a string, an element of a {@code split()}, an address's
   * text).
   */
  public boolean isString(Expr e) {
    return valueShapes().isString(e);
  }

  /**
   * Whether a value is one entry of a row's {@code addresses} or {@code port_security} column, a
   * {@code "MAC IP..."} string ({@code lsp.addresses[0]}, a loop variable over {@code
   * lsp.port_security}).
   */
  public boolean isAddressEntry(Expr e) {
    return valueShapes().isAddressEntry(e);
  }

  /**
   * What IP address, prefix or MAC address a value holds, by where it came from: a field the
   * Neutron API validates ({@code fixed_ips[*]['ip_address']}, {@code subnet['cidr']}, a rule's
   * {@code remote_ip_prefix}, {@code mac_address}), a {@code netaddr}/{@code ipaddress} object or
   * its {@code str()}; empty when nothing says so.
   */
  public Optional<IpValue> ipValue(Expr e) {
    if (addresses == null) {
      addresses = new Addresses(this);
    }
    return addresses.of(e);
  }

  private ValueShapes valueShapes() {
    if (valueShapes == null) {
      valueShapes = new ValueShapes(this);
    }
    return valueShapes;
  }

  Constants constants() {
    if (constants == null) {
      constants = new Constants(this);
    }
    return constants;
  }

  Kinds kinds() {
    if (kinds == null) {
      kinds = new Kinds(this);
    }
    return kinds;
  }

  Tenants tenants() {
    if (tenants == null) {
      tenants = new Tenants(this);
    }
    return tenants;
  }

  BindingProfiles bindingProfiles() {
    if (bindingProfiles == null) {
      bindingProfiles = new BindingProfiles(this);
    }
    return bindingProfiles;
  }

  Handlers handlers() {
    if (handlers == null) {
      handlers = new Handlers(this);
    }
    return handlers;
  }

  Loggers loggers() {
    if (loggers == null) {
      loggers = new Loggers(this);
    }
    return loggers;
  }

  private Waits waits() {
    if (waits == null) {
      waits = new Waits(this);
    }
    return waits;
  }

  // ---------------------------------------------------------------- positions

  /** Whether a binding scope runs where the use is, so source order tells what reaches it. */
  private static boolean runsInline(Scope use, Scope binding) {
    for (Scope s = use; s != null; s = s.parent()) {
      if (s == binding) {
        return true;
      }
      if (s.kind() != Scope.Kind.COMPREHENSION) {
        return false;
      }
    }
    return false;
  }

  /** Where a binding takes effect: after the statement for assignments, after the target else. */
  static Ast.Loc effectiveEnd(Binding b) {
    return switch (b.node()) {
      case Ast.Assign a -> a.loc();
      case Ast.AugAssign a -> a.loc();
      case Ast.AnnAssign a -> a.loc();
      case Ast.NamedExpr n -> n.loc();
      default -> b.target().loc();
    };
  }

  /** Whether a range ends at or before another starts. */
  static boolean before(Ast.Loc end, Ast.Loc start) {
    return end.endLine() < start.line()
        || (end.endLine() == start.line() && end.endCol() <= start.col());
  }

  private static Binding only(List<Binding> list) {
    Binding found = null;
    for (int i = 0; i < list.size(); i++) {
      Binding b = list.get(i);
      if (b.isDeclaration()) {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = b;
    }
    return found;
  }

  private static int indexOf(List<Binding> list, Binding b) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == b) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- the build walk

  /** The one walk over the tree that records everything above. */
  private final class Builder {
    private final List<Ast.Stmt> importStmts;

    Builder(List<Ast.Stmt> importStmts) {
      this.importStmts = importStmts;
    }

    void run() {
      opened.put(module, moduleScope);
      recordBlock(module.body());
      // By index in the tree: the scope each node is in and the statement holding it (the
      // model's), and the scope its children are in by default.
      int size = tree.size();
      Scope[] inners = new Scope[size];
      scopes[0] = moduleScope;
      inners[0] = moduleScope;
      for (int i = 1; i < size; i++) {
        Node n = tree.node(i);
        int p = tree.parent(i);
        Node parent = tree.node(p);
        Scope scope = childScope(parent, n, scopes[p], inners[p]);
        positions.put(n, i);
        scopes[i] = scope;
        statements[i] =
            n instanceof Ast.Stmt ? null : parent instanceof Ast.Stmt st ? st : statements[p];
        Scope inner = open(n, scope);
        record(n, scope, inner);
        inners[i] = inner;
      }
    }

    /** The scope a node opens, or the one it is in. */
    private Scope open(Node n, Scope scope) {
      // A pattern switch tries its cases in turn, for every node: expressions, most of the tree,
      // are asked only about the kinds of expression that open a scope.
      Scope.Kind kind =
          n instanceof Expr
              ? switch (n) {
                case Ast.Lambda l -> Scope.Kind.LAMBDA;
                case Ast.ListComp c -> Scope.Kind.COMPREHENSION;
                case Ast.SetComp c -> Scope.Kind.COMPREHENSION;
                case Ast.DictComp c -> Scope.Kind.COMPREHENSION;
                case Ast.GeneratorExp c -> Scope.Kind.COMPREHENSION;
                default -> null;
              }
              : switch (n) {
                case Ast.FunctionLike f -> Scope.Kind.FUNCTION;
                case Ast.ClassDef c -> Scope.Kind.CLASS;
                default -> null;
              };
      if (kind == null) {
        return scope;
      }
      Scope s = new Scope(kind, n, scope);
      opened.put(n, s);
      return s;
    }

    private Scope childScope(Node parent, Node child, Scope scope, Scope inner) {
      if (parent instanceof Expr) {
        return inner;
      }
      switch (parent) {
        case Ast.FunctionLike f -> {
          return child instanceof Ast.Stmt || child instanceof Ast.Arguments ? inner : scope;
        }
        case Ast.ClassDef c -> {
          return child instanceof Ast.Stmt ? inner : scope;
        }
        case Ast.Arguments a -> {
          // Defaults are evaluated where the def or lambda is.
          return child instanceof Ast.Arg || scope.parent() == null ? scope : scope.parent();
        }
        case Ast.Arg a -> {
          return scope.isFunction() && scope.parent() != null ? scope.parent() : scope;
        }
        case Ast.Comprehension c -> {
          // The first iterable is evaluated in the enclosing scope.
          if (child == c.iter() && isFirstGenerator(c) && scope.parent() != null) {
            return scope.parent();
          }
          return scope;
        }
        default -> {
          return inner;
        }
      }
    }

    private boolean isFirstGenerator(Ast.Comprehension c) {
      List<Ast.Comprehension> gens =
          switch (parentOf(c)) {
            case Ast.ListComp l -> l.generators();
            case Ast.SetComp s -> s.generators();
            case Ast.DictComp d -> d.generators();
            case Ast.GeneratorExp g -> g.generators();
            case null, default -> List.of();
          };
      return !gens.isEmpty() && gens.get(0) == c;
    }

    private void record(Node n, Scope scope, Scope inner) {
      if (n instanceof Expr e) {
        recordExpr(e, scope);
        return;
      }
      switch (n) {
        case Ast.FunctionLike f -> {
          functions.add(f);
          bind(Binding.Kind.FUNCTION_DEF, f.name(), f, f, null, null, -1, scope);
          if (scope.kind() == Scope.Kind.CLASS) {
            methods
                .computeIfAbsent((Ast.ClassDef) scope.node(), k -> new HashMap<>())
                .put(f.name(), f);
          }
          recordBlock(f.body());
        }
        case Ast.ClassDef c -> {
          classes.add(c);
          bind(Binding.Kind.CLASS_DEF, c.name(), c, c, null, null, -1, scope);
          recordBlock(c.body());
        }
        case Ast.Arguments a -> {
          for (Ast.Arg p : parameters(a)) {
            bind(Binding.Kind.PARAMETER, p.arg(), p, p, null, null, -1, inner);
          }
        }
        case Ast.Assign a -> {
          List<Expr> targets = a.targets();
          for (int i = 0; i < targets.size(); i++) {
            bindTarget(
                Binding.Kind.ASSIGNMENT, targets.get(i), a.value(), a.value(), -1, a, scope, 0);
          }
        }
        case Ast.AugAssign a -> {
          if (a.target() instanceof Ast.Name t) {
            bind(Binding.Kind.AUGMENTED_ASSIGNMENT, t.id(), a, t, a.value(), a.value(), -1, scope);
          }
        }
        case Ast.AnnAssign a -> {
          if (a.target() instanceof Ast.Name t) {
            bind(Binding.Kind.ANNOTATED_ASSIGNMENT, t.id(), a, t, a.value(), a.value(), -1, scope);
          } else if (a.value() != null) {
            bindTarget(
                Binding.Kind.ANNOTATED_ASSIGNMENT,
                a.target(),
                a.value(),
                a.value(),
                -1,
                a,
                scope,
                0);
          }
        }
        case Ast.ForLike f -> {
          bindTarget(Binding.Kind.FOR_TARGET, f.target(), null, f.iter(), -1, f, scope, 0);
          recordBlock(f.body());
          recordBlock(f.orelse());
        }
        case Ast.WithLike w -> {
          for (Ast.WithItem item : w.items()) {
            if (item.optionalVars() != null) {
              bindTarget(
                  Binding.Kind.WITH_TARGET,
                  item.optionalVars(),
                  null,
                  item.contextExpr(),
                  -1,
                  item,
                  scope,
                  0);
            }
          }
          recordBlock(w.body());
        }
        case Ast.Comprehension c ->
            bindTarget(
                Binding.Kind.COMPREHENSION_TARGET, c.target(), null, c.iter(), -1, c, scope, 0);
        case Ast.ExceptHandler h -> {
          if (h.name() != null) {
            bind(Binding.Kind.EXCEPT_NAME, h.name(), h, h, null, h.type(), -1, scope);
          }
          recordBlock(h.body());
        }
        case Ast.Import i -> {
          importStmts.add(i);
          for (Ast.Alias a : i.names()) {
            String name = a.asname() != null ? a.asname() : a.name().split("\\.", 2)[0];
            bind(Binding.Kind.IMPORT, name, a, a, null, null, -1, scope);
          }
        }
        case Ast.ImportFrom i -> {
          importStmts.add(i);
          for (Ast.Alias a : i.names()) {
            if (!a.name().equals("*")) {
              String name = a.asname() != null ? a.asname() : a.name();
              bind(Binding.Kind.IMPORT, name, a, a, null, null, -1, scope);
            }
          }
        }
        case Ast.Global g -> {
          for (String name : g.names()) {
            scope.globals.add(name);
            scope.add(new Binding(Binding.Kind.GLOBAL, name, g, g, null, null, -1, scope));
          }
        }
        case Ast.Nonlocal g -> {
          for (String name : g.names()) {
            scope.nonlocals.add(name);
            scope.add(new Binding(Binding.Kind.NONLOCAL, name, g, g, null, null, -1, scope));
          }
        }
        case Ast.Delete d -> {
          for (Expr t : d.targets()) {
            if (t instanceof Ast.Name name) {
              bind(Binding.Kind.DELETION, name.id(), d, name, null, null, -1, scope);
            }
          }
        }
        case Ast.MatchAs m -> {
          if (m.name() != null) {
            bind(Binding.Kind.MATCH_CAPTURE, m.name(), m, m, null, null, -1, scope);
          }
        }
        case Ast.MatchStar m -> {
          if (m.name() != null) {
            bind(Binding.Kind.MATCH_CAPTURE, m.name(), m, m, null, null, -1, scope);
          }
        }
        case Ast.MatchMapping m -> {
          if (m.rest() != null) {
            bind(Binding.Kind.MATCH_CAPTURE, m.rest(), m, m, null, null, -1, scope);
          }
        }
        case Ast.MatchCase c -> recordBlock(c.body());
        case Ast.If i -> {
          recordBlock(i.body());
          recordBlock(i.orelse());
        }
        case Ast.While w -> {
          recordBlock(w.body());
          recordBlock(w.orelse());
        }
        case Ast.Try t -> recordTry(t.body(), t.orelse(), t.finalbody());
        case Ast.TryStar t -> recordTry(t.body(), t.orelse(), t.finalbody());
        case Ast.Return r -> {
          if (r.value() != null && scope.node() instanceof Ast.FunctionLike f) {
            returns.computeIfAbsent(f, k -> new ArrayList<>()).add(r.value());
          }
        }
        default -> {}
      }
    }

    /** The expressions the model keeps: loads of names, calls, membership tests, walruses. */
    private void recordExpr(Expr e, Scope scope) {
      switch (e) {
        case Ast.Name name when name.ctx() == Ast.ExprContext.Load -> {
          Scope s = scope;
          while (s.kind() == Scope.Kind.COMPREHENSION && s.parent() != null) {
            s = s.parent();
          }
          reads
              .computeIfAbsent(s, k -> new HashMap<>())
              .computeIfAbsent(name.id(), k -> new ArrayList<>())
              .add(name);
        }
        case Ast.Call c -> recordCall(c, scope);
        case Ast.Compare c -> {
          if (c.left() instanceof Ast.Name name
              && c.ops().size() == 1
              && (c.ops().get(0) == Ast.CmpOp.In || c.ops().get(0) == Ast.CmpOp.NotIn)) {
            check(scope, name);
          }
        }
        case Ast.NamedExpr w -> {
          if (w.target() instanceof Ast.Name t) {
            Scope s = scope;
            while (s.kind() == Scope.Kind.COMPREHENSION && s.parent() != null) {
              s = s.parent();
            }
            bind(Binding.Kind.WALRUS, t.id(), w, t, w.value(), w.value(), -1, s);
          }
        }
        default -> {}
      }
    }

    private void recordTry(List<Ast.Stmt> body, List<Ast.Stmt> orelse, List<Ast.Stmt> fin) {
      recordBlock(body);
      recordBlock(orelse);
      recordBlock(fin);
    }

    private void recordBlock(List<Ast.Stmt> block) {
      for (int i = 0, n = block.size(); i < n; i++) {
        Ast.Stmt s = block.get(i);
        if (s != null) {
          blocks.put(s, block);
        }
      }
    }

    private void recordCall(Ast.Call c, Scope scope) {
      calls.add(c);
      if (headName(c.func()) == null) {
        return;
      }
      String last = DottedNames.withoutLeadingUnderscores(lastName(c.func()));
      if (last.startsWith("validate")
          || last.equals("match")
          || last.equals("fullmatch")
          || last.equals("search")) {
        for (Expr a : c.args()) {
          if (a instanceof Ast.Name name) {
            check(scope, name);
          }
        }
      }
      if (c.func() instanceof Ast.Attribute a
          && a.value() instanceof Ast.Name owner
          && (a.attr().equals("append") || a.attr().equals("extend") || a.attr().equals("insert"))
          && parentOf(c) instanceof Ast.ExprStmt) {
        appends
            .computeIfAbsent(scope, k -> new HashMap<>())
            .computeIfAbsent(owner.id(), k -> new ArrayList<>())
            .add(c);
      }
    }

    private void check(Scope scope, Ast.Name name) {
      checks
          .computeIfAbsent(scope, k -> new HashMap<>())
          .computeIfAbsent(name.id(), k -> new ArrayList<>())
          .add(name);
    }

    /** Binds the names of an assignment target, unpacking tuples and lists. */
    private void bindTarget(
        Binding.Kind kind,
        Expr target,
        Expr value,
        Expr source,
        int index,
        Node node,
        Scope scope,
        int depth) {
      switch (target) {
        case Ast.Name n -> bind(kind, n.id(), node, n, value, source, index, scope);
        case Ast.Starred s ->
            bindTarget(kind, s.value(), null, source, index, node, scope, depth + 1);
        case Ast.Tuple t -> unpack(kind, t.elts(), value, source, node, scope, depth);
        case Ast.List l -> unpack(kind, l.elts(), value, source, node, scope, depth);
        case Ast.Attribute a -> recordAttribute(kind, a, value, source, index, node, scope);
        case null, default -> {}
      }
    }

    private void unpack(
        Binding.Kind kind,
        List<Expr> elts,
        Expr value,
        Expr source,
        Node node,
        Scope scope,
        int depth) {
      if (depth > 50) {
        return;
      }
      List<Expr> values = literalElements(value);
      boolean matches = values != null && values.size() == elts.size() && !hasStarred(values);
      for (int i = 0; i < elts.size(); i++) {
        Expr v = matches ? values.get(i) : null;
        bindTarget(kind, elts.get(i), v, source, i, node, scope, depth + 1);
      }
    }

    private void recordAttribute(
        Binding.Kind kind,
        Ast.Attribute a,
        Expr value,
        Expr source,
        int index,
        Node node,
        Scope scope) {
      if (!(a.value() instanceof Ast.Name owner) || !scope.isFunction()) {
        return;
      }
      if (!(scope.node() instanceof Ast.FunctionLike fn)) {
        return;
      }
      Ast.ClassDef cls = classOfMethod(fn);
      List<Ast.Arg> params = parameters(fn.args());
      if (cls == null || params.isEmpty() || !params.get(0).arg().equals(owner.id())) {
        return;
      }
      Expr assigned = kind == Binding.Kind.WITH_TARGET ? source : value;
      addAttribute(cls, new AttributeAssignment(a.attr(), assigned, source, index, node, fn));
    }

    private void bind(
        Binding.Kind kind,
        String name,
        Node node,
        Ast.Located target,
        Expr value,
        Expr source,
        int index,
        Scope scope) {
      Scope s = scope;
      if (s.declaresGlobal(name)) {
        s = moduleScope;
      } else if (s.declaresNonlocal(name)) {
        for (Scope p = s.parent(); p != null; p = p.parent()) {
          if (p.isFunction()) {
            s = p;
            break;
          }
        }
      }
      s.add(new Binding(kind, name, node, target, value, source, index, s));
      if (s.kind() == Scope.Kind.CLASS
          && kind != Binding.Kind.FUNCTION_DEF
          && kind != Binding.Kind.PARAMETER) {
        addAttribute(
            (Ast.ClassDef) s.node(),
            new AttributeAssignment(name, value, source, index, node, null));
      }
    }

    private void addAttribute(Ast.ClassDef cls, AttributeAssignment a) {
      classAttributes
          .computeIfAbsent(cls, k -> new HashMap<>())
          .computeIfAbsent(a.attr(), k -> new ArrayList<>())
          .add(a);
    }
  }

  static List<Expr> literalElements(Expr e) {
    return switch (e) {
      case Ast.Tuple t -> t.elts();
      case Ast.List l -> l.elts();
      case null, default -> null;
    };
  }

  static boolean hasStarred(List<Expr> elts) {
    for (Expr e : elts) {
      if (e instanceof Ast.Starred) {
        return true;
      }
    }
    return false;
  }
}
