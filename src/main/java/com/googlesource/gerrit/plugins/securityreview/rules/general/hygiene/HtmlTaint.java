package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text marked as safe HTML visibly carries unescaped data (PY403): a parameter, an
 * attribute or item read, or a local name bound to one, reaching the text without going through an
 * escaping function. Literals, numbers formatted with {@code %d}, translations and the results of
 * other calls are not data here: what a called function returns is that function's business, and
 * flagging it would flag most of Django's widget code.
 */
final class HtmlTaint {
  /** Calls whose result is escaped already. */
  private static final Set<String> ESCAPING =
      Set.of(
          "django.utils.html.escape",
          "django.utils.html.conditional_escape",
          "django.utils.html.format_html",
          "django.utils.html.format_html_join",
          "django.utils.html.escapejs",
          "django.utils.html.strip_tags",
          "markupsafe.escape",
          "flask.escape",
          "jinja2.escape",
          "html.escape");

  /** Conversions of a value to text: data stays data. */
  private static final Set<String> TO_TEXT =
      Set.of("str", "django.utils.encoding.force_str", "six.text_type", "format");

  /** String and dict methods whose result carries the receiver's data. */
  private static final Set<String> RECEIVER_METHODS =
      Set.of(
          "strip",
          "lstrip",
          "rstrip",
          "lower",
          "upper",
          "title",
          "capitalize",
          "replace",
          "split",
          "get",
          "items",
          "values",
          "keys",
          "copy");

  /** A %-format conversion; group 2 is the key, group 3 the conversion type. */
  private static final Pattern SPEC =
      Pattern.compile(
          "%(\\(([^)]*)\\))?[-#0 +]*(?:\\*|\\d+)?(?:\\.(?:\\*|\\d+))?[hlL]?([a-zA-Z%])");

  private static final String NUMERIC = "diouxXeEfFgGc";

  private final RuleContext ctx;
  private final int useLine;
  private final Set<String> visiting = new HashSet<>();

  HtmlTaint(RuleContext ctx, int useLine) {
    this.ctx = ctx;
    this.useLine = useLine;
  }

  /** Whether an expression visibly carries unescaped data. */
  boolean carriesData(Expr e) {
    return data(e, Map.of());
  }

  private boolean data(Expr e, Map<String, Boolean> env) {
    return switch (e) {
      case null -> false;
      case Ast.Constant c -> false;
      case Ast.Name n -> env.containsKey(n.id()) ? env.get(n.id()) : name(n.id());
      // Reads of objects and dicts: names, descriptions, messages. Constants are not data.
      case Ast.Attribute a -> !isConstantName(a.attr());
      case Ast.Subscript s -> true;
      case Ast.Call c -> call(c, env);
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> percentFormat(b, env);
      case Ast.BinOp b -> data(b.left(), env) || data(b.right(), env);
      case Ast.Tuple t -> any(t.elts(), env);
      case Ast.List l -> any(l.elts(), env);
      case Ast.Set s -> any(s.elts(), env);
      case Ast.Dict d -> any(d.values(), env);
      case Ast.JoinedStr j -> any(j.values(), env);
      case Ast.FormattedValue f -> data(f.value(), env);
      case Ast.IfExp i -> data(i.body(), env) || data(i.orelse(), env);
      case Ast.BoolOp b -> any(b.values(), env);
      case Ast.Starred s -> data(s.value(), env);
      case Ast.Await a -> data(a.value(), env);
      case Ast.ListComp l -> comprehension(l.elt(), l.generators(), env);
      case Ast.GeneratorExp g -> comprehension(g.elt(), g.generators(), env);
      case Ast.SetComp s -> comprehension(s.elt(), s.generators(), env);
      default -> false;
    };
  }

  private boolean any(List<Expr> es, Map<String, Boolean> env) {
    for (Expr x : es) {
      if (data(x, env)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConstantName(String s) {
    return s.equals(s.toUpperCase(java.util.Locale.ROOT))
        && s.chars().anyMatch(Character::isLetter);
  }

  private boolean call(Ast.Call c, Map<String, Boolean> env) {
    String name = ctx.callName(c);
    if (name != null && ESCAPING.contains(name)) {
      return false;
    }
    if (name != null && TO_TEXT.contains(name)) {
      return any(c.args(), env);
    }
    if (c.func() instanceof Ast.Attribute a) {
      switch (a.attr()) {
        case "format" -> {
          return data(a.value(), env)
              || any(c.args(), env)
              || c.keywords().stream().anyMatch(k -> data(k.value(), env));
        }
        case "join" -> {
          return data(a.value(), env) || any(c.args(), env);
        }
        default -> {
          if (RECEIVER_METHODS.contains(a.attr())) {
            return data(a.value(), env);
          }
        }
      }
    }
    // Translations and any other call: the callee decides what it returns.
    return false;
  }

  /** {@code "..." % values}: values formatted as numbers cannot carry markup. */
  private boolean percentFormat(Ast.BinOp b, Map<String, Boolean> env) {
    if (data(b.left(), env)) {
      return true;
    }
    if (!(b.left() instanceof Ast.Constant c && c.value() instanceof String format)) {
      return data(b.right(), env);
    }
    List<String> keys = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    Matcher m = SPEC.matcher(format);
    while (m.find()) {
      if (m.group(3).equals("%")) {
        continue;
      }
      keys.add(m.group(2));
      numeric.add(NUMERIC.contains(m.group(3)));
    }
    if (b.right() instanceof Ast.Tuple t && t.elts().size() == numeric.size()) {
      for (int i = 0; i < numeric.size(); i++) {
        if (!numeric.get(i) && data(t.elts().get(i), env)) {
          return true;
        }
      }
      return false;
    }
    if (b.right() instanceof Ast.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) instanceof Ast.Constant k
            && k.value() instanceof String key
            && keys.contains(key)
            && numeric.get(keys.indexOf(key))) {
          continue;
        }
        if (data(d.values().get(i), env)) {
          return true;
        }
      }
      return false;
    }
    if (numeric.size() == 1 && numeric.get(0)) {
      return false;
    }
    return data(b.right(), env);
  }

  private boolean comprehension(Expr elt, List<Ast.Comprehension> gens, Map<String, Boolean> env) {
    Map<String, Boolean> inner = new HashMap<>(env);
    for (Ast.Comprehension g : gens) {
      boolean fromData = data(g.iter(), inner);
      for (String t : targetNames(g.target())) {
        inner.put(t, fromData);
      }
    }
    return data(elt, inner);
  }

  // ---------------------------------------------------------------- local names

  /** Whether a local name is bound to data on some path that reaches the use. */
  private boolean name(String id) {
    if (!visiting.add(id)) {
      return false;
    }
    try {
      Node fn = ctx.enclosingFunction();
      if (fn != null && LocalNames.isParameter(fn, id)) {
        return true;
      }
      List<Stmt> scope = fn != null ? RuleContext.functionBody(fn) : ctx.module().body();
      Boolean local = bindings(scope, id);
      if (local == null && fn != null) {
        local = bindings(ctx.module().body(), id);
      }
      return local != null && local;
    } finally {
      visiting.remove(id);
    }
  }

  /**
   * Whether the bindings of a name before the use carry data; null when the statements do not bind
   * it. An assignment followed, in the same block, by another plain assignment of the name ({@code
   * name = escape(name)}) no longer reaches the use.
   */
  private Boolean bindings(List<Stmt> body, String id) {
    Reaching r = new Reaching(id);
    r.check(body);
    r.visitAll(body);
    return r.bound || r.data ? r.data : null;
  }

  /** Walks the blocks before the use and notes the bindings of one name. */
  private final class Reaching extends NodeVisitor {
    private final String id;
    private boolean bound;
    private boolean data;

    Reaching(String id) {
      this.id = id;
    }

    @Override
    protected boolean enter(Node node) {
      if (NodeVisitor.opensScope(node) || data) {
        return false;
      }
      if (node instanceof Ast.Located l && l.loc().line() >= useLine) {
        return false;
      }
      for (List<Stmt> block : blocks(node)) {
        check(block);
      }
      return true;
    }

    void check(List<Stmt> block) {
      for (int i = 0; i < block.size() && block.get(i).loc().line() < useLine; i++) {
        switch (block.get(i)) {
          case Ast.Assign a when assigns(a, id) -> {
            bound = true;
            data |= !reassignedLater(block, i) && data(a.value(), Map.of());
          }
          case Ast.AugAssign a when a.target() instanceof Ast.Name n && n.id().equals(id) -> {
            bound = true;
            data |= data(a.value(), Map.of());
          }
          case Ast.For f when targetNames(f.target()).contains(id) -> {
            bound = true;
            data |= data(f.iter(), Map.of());
          }
          case Ast.ExprStmt x when x.value() instanceof Ast.Call c && appendsTo(c, id) ->
              data |= any(c.args(), Map.of());
          default -> {}
        }
      }
    }

    private boolean reassignedLater(List<Stmt> block, int i) {
      for (int j = i + 1; j < block.size() && block.get(j).loc().line() < useLine; j++) {
        if (block.get(j) instanceof Ast.Assign a && assigns(a, id)) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean assigns(Ast.Assign a, String id) {
    return a.targets().size() == 1 && a.targets().get(0) instanceof Ast.Name t && t.id().equals(id);
  }

  private static boolean appendsTo(Ast.Call c, String id) {
    return c.func() instanceof Ast.Attribute a
        && (a.attr().equals("append") || a.attr().equals("extend") || a.attr().equals("insert"))
        && id.equals(DottedNames.of(a.value()));
  }

  /** The statement lists directly inside a statement. */
  private static List<List<Stmt>> blocks(Node node) {
    return switch (node) {
      case Ast.If s -> List.of(s.body(), s.orelse());
      case Ast.For s -> List.of(s.body(), s.orelse());
      case Ast.AsyncFor s -> List.of(s.body(), s.orelse());
      case Ast.While s -> List.of(s.body(), s.orelse());
      case Ast.With s -> List.of(s.body());
      case Ast.AsyncWith s -> List.of(s.body());
      case Ast.Try s -> List.of(s.body(), s.orelse(), s.finalbody());
      case Ast.ExceptHandler h -> List.of(h.body());
      default -> List.of();
    };
  }

  private static List<String> targetNames(Expr target) {
    List<String> names = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Ast.Name n) {
          names.add(n.id());
        }
        return node instanceof Ast.Tuple
            || node instanceof Ast.List
            || node instanceof Ast.Starred
            || node == target;
      }
    }.visit(target);
    return names;
  }
}
