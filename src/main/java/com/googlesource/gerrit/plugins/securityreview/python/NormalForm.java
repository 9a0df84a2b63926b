package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A text form of a tree in which what does not change the code's meaning is gone: positions (so
 * line numbers, moves, wrapping and trailing commas), comments, quote styles, implicit string
 * concatenation, and the choice between {@code "…%s" % x}, {@code "…{}".format(x)} and {@code
 * f"…{x}"}, which all become {@code Fmt(["…", ""], [x])}. Type annotations are left out too
 * (argument and return annotations; {@code x: T = v} is {@code x = v}): adding type hints, as a
 * mypy clean-up does, changes nothing at run time.
 *
 * <p>Two versions of a file compare statements by this form to tell a finding the change introduced
 * from one it only reformatted or moved.
 */
public final class NormalForm {
  private final StringBuilder out = new StringBuilder();

  private NormalForm() {}

  /** The normal form of a node, a list of nodes, or a field value. */
  public static String of(Object node) {
    NormalForm f = new NormalForm();
    f.value(node);
    return f.out.toString();
  }

  /**
   * The normal form of a statement as a finding on it sees it: a compound statement by its header
   * only ({@code if} by its test, {@code def} by its signature, {@code try} by its kind, an {@code
   * except} clause by what it catches), so that an edit in its body does not make the statement
   * new. A simple statement whole.
   */
  public static String ofHeader(Node statement) {
    NormalForm f = new NormalForm();
    switch (statement) {
      case FunctionDef d -> f.header("FunctionDef", d.name(), d.args(), d.decoratorList());
      case AsyncFunctionDef d ->
          f.header("AsyncFunctionDef", d.name(), d.args(), d.decoratorList());
      case ClassDef c -> f.header("ClassDef", c.name(), c.bases(), c.keywords(), c.decoratorList());
      case If i -> f.header("If", i.test());
      case While w -> f.header("While", w.test());
      case For s -> f.header("For", s.target(), s.iter());
      case AsyncFor s -> f.header("AsyncFor", s.target(), s.iter());
      case With w -> f.header("With", w.items());
      case AsyncWith w -> f.header("AsyncWith", w.items());
      case Match m -> f.header("Match", m.subject());
      case Try t -> f.header("Try");
      case TryStar t -> f.header("TryStar");
      case ExceptHandler h -> f.header("ExceptHandler", h.type(), h.name());
      case MatchCase c -> f.header("match_case", c.pattern(), c.guard());
      default -> f.value(statement);
    }
    return f.out.toString();
  }

  private void header(String kind, Object... parts) {
    out.append(kind).append('(');
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      value(parts[i]);
    }
    out.append(')');
  }

  private void value(Object v) {
    switch (v) {
      case null -> out.append("None");
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          value(list.get(i));
        }
        out.append(']');
      }
      case String s -> quoted(s);
      case Constant c -> {
        out.append("Constant(");
        constant(c.value());
        out.append(')');
      }
      case JoinedStr j -> fstring(j);
      case AnnAssign a when a.value() != null -> {
        out.append("Assign(");
        value(List.of(a.target()));
        out.append(", ");
        value(a.value());
        out.append(')');
      }
      case BinOp b when percentFormat(b) -> {}
      case Call c when strFormat(c) -> {}
      case Record r -> node(r);
      default -> constant(v);
    }
  }

  private void constant(Object v) {
    switch (v) {
      case String s -> quoted(s);
      case Bytes b -> {
        out.append('b');
        quoted(new String(b.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      case Enum<?> e -> out.append(e.name());
      default -> out.append(v);
    }
  }

  private void quoted(String s) {
    out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }

  private void fmt(List<String> texts, List<Expr> values) {
    out.append("Fmt(");
    value(texts);
    out.append(", ");
    value(values);
    out.append(')');
  }

  // ---------------------------------------------------------------- string formatting

  private void fstring(JoinedStr j) {
    List<String> texts = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Expr part : j.values()) {
      if (part instanceof FormattedValue fv) {
        texts.add(text.toString());
        text.setLength(0);
        values.add(fv.value());
      } else if (part instanceof Constant c && c.value() instanceof String s) {
        text.append(s);
      }
    }
    texts.add(text.toString());
    fmt(texts, values);
  }

  /** {@code "…%s…" % args}: writes it as {@code Fmt} and returns true when it can be read. */
  private boolean percentFormat(BinOp b) {
    if (b.op() != Operator.Mod
        || !(b.left() instanceof Constant c && c.value() instanceof String)) {
      return false;
    }
    String format = (String) c.value();
    List<String> texts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char ch = format.charAt(i++);
      if (ch != '%') {
        text.append(ch);
        continue;
      }
      if (i < format.length() && format.charAt(i) == '%') {
        text.append('%');
        i++;
        continue;
      }
      String name = null;
      if (i < format.length() && format.charAt(i) == '(') {
        int close = format.indexOf(')', i);
        if (close < 0) {
          return false;
        }
        name = format.substring(i + 1, close);
        i = close + 1;
      }
      // flags, width, precision, length modifier, then the conversion letter
      while (i < format.length() && "#0- +*.0123456789hlL".indexOf(format.charAt(i)) >= 0) {
        if (format.charAt(i) == '*') {
          return false;
        }
        i++;
      }
      if (i >= format.length()) {
        return false;
      }
      i++;
      texts.add(text.toString());
      text.setLength(0);
      names.add(name);
    }
    texts.add(text.toString());
    List<Expr> values = new ArrayList<>();
    boolean named = !names.isEmpty() && names.get(0) != null;
    if (named) {
      if (!(b.right() instanceof Dict d)) {
        return false;
      }
      Map<String, Expr> byName = new TreeMap<>();
      for (int k = 0; k < d.keys().size(); k++) {
        if (!(d.keys().get(k) instanceof Constant key && key.value() instanceof String s)) {
          return false;
        }
        byName.put(s, d.values().get(k));
      }
      for (String name : names) {
        if (name == null || !byName.containsKey(name)) {
          return false;
        }
        values.add(byName.get(name));
      }
    } else if (names.contains(null) && names.stream().allMatch(n -> n == null)) {
      if (b.right() instanceof Tuple t) {
        if (t.elts().size() != names.size()
            || t.elts().stream().anyMatch(e -> e instanceof Starred)) {
          return false;
        }
        values.addAll(t.elts());
      } else if (names.size() == 1) {
        values.add(b.right());
      } else {
        return false;
      }
    } else if (!names.isEmpty()) {
      return false;
    }
    fmt(texts, values);
    return true;
  }

  /** {@code "…{}…".format(args)}: writes it as {@code Fmt} and returns true when it can be read. */
  private boolean strFormat(Call call) {
    if (!(call.func() instanceof Attribute a
        && a.attr().equals("format")
        && a.value() instanceof Constant c
        && c.value() instanceof String format)) {
      return false;
    }
    if (call.args().stream().anyMatch(e -> e instanceof Starred)
        || call.keywords().stream().anyMatch(k -> k.arg() == null)) {
      return false;
    }
    List<String> texts = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int auto = 0;
    int i = 0;
    while (i < format.length()) {
      char ch = format.charAt(i++);
      if ((ch == '{' || ch == '}') && i < format.length() && format.charAt(i) == ch) {
        text.append(ch);
        i++;
        continue;
      }
      if (ch == '}') {
        return false;
      }
      if (ch != '{') {
        text.append(ch);
        continue;
      }
      int close = format.indexOf('}', i);
      if (close < 0) {
        return false;
      }
      String field = format.substring(i, close);
      i = close + 1;
      int end = field.length();
      for (char stop : new char[] {'!', ':'}) {
        int at = field.indexOf(stop);
        if (at >= 0) {
          end = Math.min(end, at);
        }
      }
      String name = field.substring(0, end);
      if (name.contains("{") || name.contains(".") || name.contains("[")) {
        return false;
      }
      Expr value;
      if (name.isEmpty()) {
        value = auto < call.args().size() ? call.args().get(auto++) : null;
      } else if (name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        value = index < call.args().size() ? call.args().get(index) : null;
      } else {
        value = null;
        for (Keyword k : call.keywords()) {
          if (name.equals(k.arg())) {
            value = k.value();
          }
        }
      }
      if (value == null) {
        return false;
      }
      texts.add(text.toString());
      text.setLength(0);
      values.add(value);
    }
    texts.add(text.toString());
    fmt(texts, values);
    return true;
  }

  // ---------------------------------------------------------------- records

  /**
   * Fields that are layout or type hints: positions, type comments, the parenthesized-name flag of
   * AnnAssign, the annotations of arguments and return values, and the source text an Interpolation
   * keeps of its expression (the expression itself is compared).
   */
  private static boolean skipped(Record r, String field) {
    return switch (field) {
      case "loc", "typeComment" -> true;
      case "simple" -> r instanceof AnnAssign;
      case "annotation" -> r instanceof Arg;
      case "returns" -> r instanceof FunctionDef || r instanceof AsyncFunctionDef;
      case "str" -> r instanceof Interpolation;
      default -> false;
    };
  }

  private void node(Record r) {
    out.append(AstDumper.kind(r.getClass())).append('(');
    boolean first = true;
    for (NodeFields.Field f : NodeFields.of(r.getClass())) {
      if (skipped(r, f.name())) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      value(f.get(r));
    }
    out.append(')');
  }
}
