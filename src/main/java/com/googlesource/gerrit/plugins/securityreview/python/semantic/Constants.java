package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Constant folding for {@link SemanticModel#constantValue}; memoised per node, bounded. */
final class Constants {
  /** Stands for "not a constant" in the memo. */
  private static final Object NOT_CONSTANT = new Object();

  private static final int MAX_DEPTH = 40;
  private static final int MAX_LENGTH = 100_000;
  private static final int MAX_PARTS = 10_000;

  private static final Pattern PERCENT =
      Pattern.compile("%(?:\\(([^)]*)\\))?([-#0 +]*)(\\d*)(?:\\.(\\d+))?[hlL]?([a-zA-Z%])");
  private static final Pattern BRACES = Pattern.compile("\\{\\{|\\}\\}|\\{([^{}]*)\\}|[{}]");

  private final SemanticModel model;
  private final Map<Expr, Object> memo = new IdentityHashMap<>();

  Constants(SemanticModel model) {
    this.model = model;
  }

  /** The folded value, or null when not a constant. */
  Object value(Expr e) {
    Object v = fold(e, 0);
    return v == NOT_CONSTANT ? null : v;
  }

  Set<Object> values(Expr e) {
    Set<Object> out = new LinkedHashSet<>();
    return collect(e, out, 0) ? Collections.unmodifiableSet(out) : Set.of();
  }

  private boolean collect(Expr e, Set<Object> out, int depth) {
    if (e == null || depth > 8) {
      return false;
    }
    Object v = value(e);
    if (v != null) {
      out.add(v);
      return true;
    }
    if (e instanceof Ast.IfExp i) {
      return collect(i.body(), out, depth + 1) && collect(i.orelse(), out, depth + 1);
    }
    if (e instanceof Ast.Name n) {
      Binding b = model.reachingBinding(n);
      if (b == null) {
        return false;
      }
      if ((b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET)
          && b.target() == loopTarget(b)) {
        List<Expr> elts = iterableElements(model.resolve(b.source()));
        if (elts == null || elts.isEmpty()) {
          return false;
        }
        for (Expr x : elts) {
          if (!collect(x, out, depth + 1)) {
            return false;
          }
        }
        return true;
      }
      Expr v2 = model.valueOf(b);
      return v2 != null && v2 != e && collect(v2, out, depth + 1);
    }
    return false;
  }

  /** The target of a loop binding when it is the whole target (not unpacked). */
  private static Ast.Located loopTarget(Binding b) {
    return switch (b.node()) {
      case Ast.ForLike f -> f.target();
      case Ast.Comprehension c -> c.target();
      default -> null;
    };
  }

  private static List<Expr> iterableElements(Expr e) {
    return switch (e) {
      case Ast.Tuple t -> t.elts();
      case Ast.List l -> l.elts();
      case Ast.Set s -> s.elts();
      case null, default -> null;
    };
  }

  private Object fold(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return NOT_CONSTANT;
    }
    Object cached = memo.get(e);
    if (cached != null) {
      return cached;
    }
    memo.put(e, NOT_CONSTANT); // cycle guard while folding
    Object v;
    try {
      v = compute(e, depth);
    } catch (RuntimeException ex) {
      // Formatting a value Python would reject (a bad spec): not something we fold.
      v = NOT_CONSTANT;
    }
    memo.put(e, v);
    return v;
  }

  private Object compute(Expr e, int depth) {
    switch (e) {
      case Ast.Constant c -> {
        return c.value() == null ? NOT_CONSTANT : c.value();
      }
      case Ast.UnaryOp u -> {
        Object o = fold(u.operand(), depth + 1);
        return switch (u.op()) {
          case USub ->
              o instanceof BigInteger i
                  ? i.negate()
                  : o instanceof Double d ? (Object) (-d) : NOT_CONSTANT;
          case UAdd -> o instanceof BigInteger || o instanceof Double ? o : NOT_CONSTANT;
          case Not -> o instanceof Boolean b ? (Object) !b : NOT_CONSTANT;
          case Invert -> o instanceof BigInteger i ? i.not() : NOT_CONSTANT;
        };
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> {
        return add(b, depth);
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> {
        Object left = fold(b.left(), depth + 1);
        if (left instanceof String format) {
          Object right =
              b.right() instanceof Ast.Dict d ? dict(d, depth) : fold(b.right(), depth + 1);
          return right == NOT_CONSTANT ? NOT_CONSTANT : percent(format, right);
        }
        if (left instanceof BigInteger x
            && fold(b.right(), depth + 1) instanceof BigInteger y
            && y.signum() > 0) {
          return x.mod(y);
        }
        return NOT_CONSTANT;
      }
      case Ast.BinOp b -> {
        Object l = fold(b.left(), depth + 1);
        Object r = l == NOT_CONSTANT ? NOT_CONSTANT : fold(b.right(), depth + 1);
        if (l instanceof BigInteger x && r instanceof BigInteger y) {
          return switch (b.op()) {
            case Sub -> x.subtract(y);
            case Mult -> x.multiply(y).bitLength() > 4096 ? NOT_CONSTANT : x.multiply(y);
            case BitOr -> x.or(y);
            case BitAnd -> x.and(y);
            case BitXor -> x.xor(y);
            case LShift ->
                y.signum() >= 0 && y.intValue() < 4096 ? x.shiftLeft(y.intValue()) : NOT_CONSTANT;
            default -> NOT_CONSTANT;
          };
        }
        if (b.op() == Ast.Operator.Mult && l instanceof String s && r instanceof BigInteger n) {
          long len =
              (long) s.length() * Math.max(0, n.min(BigInteger.valueOf(MAX_LENGTH)).intValue());
          return len > MAX_LENGTH ? NOT_CONSTANT : s.repeat(Math.max(0, n.intValue()));
        }
        return NOT_CONSTANT;
      }
      case Ast.JoinedStr j -> {
        StringBuilder out = new StringBuilder();
        for (Expr part : j.values()) {
          Object p =
              part instanceof Ast.FormattedValue f ? formatted(f, depth) : fold(part, depth + 1);
          if (!(p instanceof String s)) {
            return NOT_CONSTANT;
          }
          out.append(s);
          if (out.length() > MAX_LENGTH) {
            return NOT_CONSTANT;
          }
        }
        return out.toString();
      }
      case Ast.Tuple t -> {
        return list(t.elts(), depth);
      }
      case Ast.List l -> {
        return list(l.elts(), depth);
      }
      case Ast.Call c -> {
        return call(c, depth);
      }
      case Ast.Attribute a -> {
        BigInteger known = KnownTypes.moduleConstant(model.qualifiedName(a));
        return known == null ? NOT_CONSTANT : known;
      }
      case Ast.Name n when KnownTypes.moduleConstant(importedName(n)) != null -> {
        return KnownTypes.moduleConstant(importedName(n));
      }
      case Ast.Name n -> {
        Expr v = model.reachingValue(n);
        if (v == null) {
          v = model.onlyValue(n);
        }
        return v == null || v == n ? NOT_CONSTANT : fold(v, depth + 1);
      }
      case Ast.IfExp i -> {
        Object test = fold(i.test(), depth + 1);
        if (test instanceof Boolean b) {
          return fold(b ? i.body() : i.orelse(), depth + 1);
        }
        return NOT_CONSTANT;
      }
      default -> {
        return NOT_CONSTANT;
      }
    }
  }

  /**
   * The qualified name of a Name bound by an import ({@code from stat import S_IWOTH}), or null.
   */
  private String importedName(Ast.Name n) {
    Binding b = model.reachingBinding(n);
    return b != null && b.kind() == Binding.Kind.IMPORT ? model.qualifiedName(n) : null;
  }

  /** {@code a + b + c}, flattened without recursion. */
  private Object add(Ast.BinOp top, int depth) {
    List<Expr> parts = new ArrayList<>();
    ArrayDeque<Expr> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (e instanceof Ast.BinOp b && b.op() == Ast.Operator.Add) {
        stack.push(b.right());
        stack.push(b.left());
      } else {
        parts.add(e);
        if (parts.size() > MAX_PARTS) {
          return NOT_CONSTANT;
        }
      }
    }
    Object acc = null;
    for (Expr p : parts) {
      Object v = fold(p, depth + 1);
      if (v == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
      acc = acc == null ? v : plus(acc, v);
      if (acc == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
    }
    return acc == null ? NOT_CONSTANT : acc;
  }

  private static Object plus(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.length() + y.length() > MAX_LENGTH ? NOT_CONSTANT : x + y;
    }
    if (a instanceof BigInteger x && b instanceof BigInteger y) {
      return x.add(y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x + y;
    }
    if (a instanceof List<?> x && b instanceof List<?> y && x.size() + y.size() <= MAX_PARTS) {
      List<Object> r = new ArrayList<>(x);
      r.addAll(y);
      return Collections.unmodifiableList(r);
    }
    if (a instanceof Ast.Bytes x && b instanceof Ast.Bytes y) {
      byte[] r = new byte[x.value().length + y.value().length];
      System.arraycopy(x.value(), 0, r, 0, x.value().length);
      System.arraycopy(y.value(), 0, r, x.value().length, y.value().length);
      return new Ast.Bytes(r);
    }
    return NOT_CONSTANT;
  }

  private Object list(List<Expr> elts, int depth) {
    if (elts.size() > MAX_PARTS) {
      return NOT_CONSTANT;
    }
    List<Object> out = new ArrayList<>();
    for (Expr x : elts) {
      Object v = fold(x, depth + 1);
      if (v == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
      out.add(v);
    }
    return Collections.unmodifiableList(out);
  }

  private Object dict(Ast.Dict d, int depth) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < d.keys().size(); i++) {
      Object k = fold(d.keys().get(i), depth + 1);
      Object v = fold(d.values().get(i), depth + 1);
      if (!(k instanceof String key) || v == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
      out.put(key, v);
    }
    return out;
  }

  private Object formatted(Ast.FormattedValue f, int depth) {
    if (f.formatSpec() != null || (f.conversion() != -1 && f.conversion() != 's')) {
      return NOT_CONSTANT;
    }
    Object v = fold(f.value(), depth + 1);
    return v == NOT_CONSTANT ? NOT_CONSTANT : str(v);
  }

  private Object call(Ast.Call c, int depth) {
    if (!c.keywords().isEmpty()
        && !(c.func() instanceof Ast.Attribute a0 && a0.attr().equals("format"))) {
      return NOT_CONSTANT;
    }
    if (c.func() instanceof Ast.Attribute a) {
      Object receiver = fold(a.value(), depth + 1);
      if (!(receiver instanceof String s)) {
        return NOT_CONSTANT;
      }
      switch (a.attr()) {
        case "format" -> {
          List<Object> args = new ArrayList<>();
          for (Expr x : c.args()) {
            Object v = fold(x, depth + 1);
            if (v == NOT_CONSTANT || x instanceof Ast.Starred) {
              return NOT_CONSTANT;
            }
            args.add(v);
          }
          Map<String, Object> kw = new java.util.HashMap<>();
          for (Ast.Keyword k : c.keywords()) {
            Object v = fold(k.value(), depth + 1);
            if (k.arg() == null || v == NOT_CONSTANT) {
              return NOT_CONSTANT;
            }
            kw.put(k.arg(), v);
          }
          return format(s, args, kw);
        }
        case "join" -> {
          if (c.args().size() != 1) {
            return NOT_CONSTANT;
          }
          Object parts = fold(c.args().get(0), depth + 1);
          if (!(parts instanceof List<?> list)) {
            return NOT_CONSTANT;
          }
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String p)) {
              return NOT_CONSTANT;
            }
            if (i > 0) {
              out.append(s);
            }
            out.append(p);
            if (out.length() > MAX_LENGTH) {
              return NOT_CONSTANT;
            }
          }
          return out.toString();
        }
        case "upper" -> {
          return c.args().isEmpty() ? s.toUpperCase(java.util.Locale.ROOT) : NOT_CONSTANT;
        }
        case "lower" -> {
          return c.args().isEmpty() ? s.toLowerCase(java.util.Locale.ROOT) : NOT_CONSTANT;
        }
        case "strip" -> {
          return c.args().isEmpty() ? s.strip() : NOT_CONSTANT;
        }
        default -> {
          return NOT_CONSTANT;
        }
      }
    }
    if (c.func() instanceof Ast.Name n && n.id().equals("str") && c.args().size() == 1) {
      Object v = fold(c.args().get(0), depth + 1);
      return v == NOT_CONSTANT ? NOT_CONSTANT : str(v);
    }
    return NOT_CONSTANT;
  }

  /** Python's {@code str()} of a folded value, for the values we can render exactly. */
  static Object str(Object v) {
    return switch (v) {
      case String s -> s;
      case BigInteger i -> i.toString();
      case Boolean b -> b ? "True" : "False";
      case Ast.Singleton s when s == Ast.Singleton.NONE -> "None";
      default -> NOT_CONSTANT;
    };
  }

  /** {@code format % args} for the conversions whose result we can render exactly. */
  private static Object percent(String format, Object args) {
    List<?> positional = args instanceof List<?> l ? l : null;
    Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
    if (positional == null && named == null) {
      positional = List.of(args);
    }
    StringBuilder out = new StringBuilder();
    Matcher m = PERCENT.matcher(format);
    int last = 0;
    int next = 0;
    while (m.find()) {
      out.append(format, last, m.start());
      last = m.end();
      String conv = m.group(5);
      if (conv.equals("%")) {
        out.append('%');
        continue;
      }
      if (!m.group(2).isEmpty() || !m.group(3).isEmpty() || m.group(4) != null) {
        return NOT_CONSTANT;
      }
      Object v;
      if (m.group(1) != null) {
        if (named == null || !named.containsKey(m.group(1))) {
          return NOT_CONSTANT;
        }
        v = named.get(m.group(1));
      } else {
        if (positional == null || next >= positional.size()) {
          return NOT_CONSTANT;
        }
        v = positional.get(next++);
      }
      Object s =
          switch (conv) {
            case "s" -> str(v);
            case "d", "i", "u" -> v instanceof BigInteger i ? i.toString() : NOT_CONSTANT;
            default -> NOT_CONSTANT;
          };
      if (s == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
      out.append((String) s);
    }
    if (positional != null && next != positional.size() && named == null) {
      return NOT_CONSTANT;
    }
    out.append(format.substring(last));
    return out.length() > MAX_LENGTH ? NOT_CONSTANT : out.toString();
  }

  /** {@code format.format(args, **kw)} for plain fields with no conversion or spec. */
  private static Object format(String format, List<Object> args, Map<String, Object> kw) {
    StringBuilder out = new StringBuilder();
    Matcher m = BRACES.matcher(format);
    int last = 0;
    int auto = 0;
    while (m.find()) {
      out.append(format, last, m.start());
      last = m.end();
      String t = m.group();
      if (t.equals("{{")) {
        out.append('{');
        continue;
      }
      if (t.equals("}}")) {
        out.append('}');
        continue;
      }
      String field = m.group(1);
      if (field == null
          || field.contains("!")
          || field.contains(":")
          || field.contains(".")
          || field.contains("[")) {
        return NOT_CONSTANT;
      }
      Object v;
      if (field.isEmpty()) {
        if (auto >= args.size()) {
          return NOT_CONSTANT;
        }
        v = args.get(auto++);
      } else if (field.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(field);
        if (i >= args.size()) {
          return NOT_CONSTANT;
        }
        v = args.get(i);
      } else {
        if (!kw.containsKey(field)) {
          return NOT_CONSTANT;
        }
        v = kw.get(field);
      }
      Object s = str(v);
      if (s == NOT_CONSTANT) {
        return NOT_CONSTANT;
      }
      out.append((String) s);
    }
    out.append(format.substring(last));
    return out.length() > MAX_LENGTH ? NOT_CONSTANT : out.toString();
  }
}
