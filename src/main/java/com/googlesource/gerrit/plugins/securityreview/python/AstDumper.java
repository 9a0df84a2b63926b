package com.googlesource.gerrit.plugins.securityreview.python;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tree in a canonical text form that a short Python script writes identically from
 * CPython's {@code ast} (see {@code tools/differential/cpython_dump.py}), so the two can be
 * compared as strings.
 *
 * <p>Form: {@code Kind(field=value, ..., lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)}
 * with CPython's node and field names; lists in brackets; strings as JSON with every non-ASCII
 * character escaped; bytes as {@code b} and a JSON string of their Latin-1 reading; numbers as
 * Python's {@code repr}; {@code None}, {@code True}, {@code False}, {@code ...}.
 *
 * <p>CPython before 3.12 places the parts of an f-string (its constant pieces, its {@code
 * FormattedValue}s and their format specs) at the position of the whole string. With {@code
 * fstringPartPositions} false, positions of those parts are left out so that such an interpreter
 * can still be compared.
 */
public final class AstDumper {
  private final boolean fstringPartPositions;
  private final StringBuilder out = new StringBuilder();

  private AstDumper(boolean fstringPartPositions) {
    this.fstringPartPositions = fstringPartPositions;
  }

  /** Dumps a node, a list of nodes, or a field value. */
  public static String dump(Object node) {
    return dump(node, true);
  }

  public static String dump(Object node, boolean fstringPartPositions) {
    AstDumper d = new AstDumper(fstringPartPositions);
    d.value(node, false);
    return d.out.toString();
  }

  /** CPython's name of a node class. */
  public static String kind(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "ExprStmt" -> "Expr";
      case "Arguments" -> "arguments";
      case "Arg" -> "arg";
      case "Keyword" -> "keyword";
      case "Alias" -> "alias";
      case "WithItem" -> "withitem";
      case "Comprehension" -> "comprehension";
      case "MatchCase" -> "match_case";
      default -> type.getSimpleName();
    };
  }

  /** CPython's name of a field: {@code decoratorList} is {@code decorator_list}. */
  static String fieldName(String javaName) {
    StringBuilder b = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A value still to write; the work stack holds these and literal text (Strings). */
  private record Pending(Object value, boolean fstringPart) {}

  /**
   * Writes a value. Iterative rather than recursive, so that a tree as deep as the parser accepts
   * (a chain of 100,000 calls or attributes) dumps on a thread of ordinary stack size.
   */
  private void value(Object root, boolean rootFstringPart) {
    ArrayDeque<Object> stack = new ArrayDeque<>();
    stack.push(new Pending(root, rootFstringPart));
    while (!stack.isEmpty()) {
      Object item = stack.pop();
      if (item instanceof String text) {
        out.append(text);
        continue;
      }
      Pending p = (Pending) item;
      boolean fstringPart = p.fstringPart();
      switch (p.value()) {
        case null -> out.append("None");
        case List<?> list -> {
          out.append('[');
          stack.push("]");
          for (int i = list.size() - 1; i >= 0; i--) {
            stack.push(new Pending(list.get(i), fstringPart));
            if (i > 0) {
              stack.push(", ");
            }
          }
        }
        case String s -> string(s);
        case Ast.Bytes b -> {
          out.append('b');
          char[] chars = new char[b.value().length];
          for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (b.value()[i] & 0xff);
          }
          string(new String(chars));
        }
        case BigInteger i -> out.append(i);
        case Integer i -> out.append(i);
        case Double d -> out.append(floatRepr(d));
        case Ast.Complex c -> out.append(complexRepr(c.imag()));
        case Boolean b -> out.append(b ? "True" : "False");
        case Ast.Singleton s -> out.append(s == Ast.Singleton.NONE ? "None" : "...");
        case Enum<?> e -> out.append(e.name()).append("()");
        case Record r -> node(r, fstringPart, stack);
        default -> throw new IllegalArgumentException("cannot dump " + p.value().getClass());
      }
    }
  }

  private static final ClassValue<String> KINDS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return kind(type);
        }
      };

  /** Writes the node's name and pushes the rest of it onto {@code stack}, last piece first. */
  private void node(Record r, boolean fstringPart, ArrayDeque<Object> stack) {
    out.append(KINDS.get(r.getClass())).append('(');
    NodeFields.Field[] fields = NodeFields.of(r.getClass());
    List<Object> pieces = new ArrayList<>(fields.length * 2 + 1);
    Ast.Loc loc = null;
    for (NodeFields.Field f : fields) {
      Object v = f.get(r);
      if (f.name().equals("loc")) {
        loc = (Ast.Loc) v;
        continue;
      }
      boolean parts =
          (r instanceof Ast.JoinedStr && f.name().equals("values"))
              || (r instanceof Ast.FormattedValue && f.name().equals("formatSpec"));
      pieces.add((pieces.isEmpty() ? "" : ", ") + fieldName(f.name()) + "=");
      pieces.add(new Pending(v, !fstringPartPositions && parts));
    }
    if (loc != null && !fstringPart) {
      pieces.add(
          (pieces.isEmpty() ? "" : ", ")
              + "lineno="
              + loc.line()
              + ", col_offset="
              + loc.col()
              + ", end_lineno="
              + loc.endLine()
              + ", end_col_offset="
              + loc.endCol());
    }
    pieces.add(")");
    for (int i = pieces.size() - 1; i >= 0; i--) {
      stack.push(pieces.get(i));
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, exponent outside [-4, 16). */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Java 19+ Double.toString gives the shortest digits that round-trip, as Python's repr.
    String s = Double.toString(Math.abs(d));
    String digits;
    int exp;
    int e = s.indexOf('E');
    String mantissa = e < 0 ? s : s.substring(0, e);
    int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String intPart = mantissa.substring(0, dot);
    String frac = mantissa.substring(dot + 1);
    digits = intPart + frac;
    exp = exp10 + intPart.length();
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
      exp--;
    }
    digits = digits.substring(lead);
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    if (digits.length() == 2) {
      // Double.toString never gives fewer than two digits: where one digit would round-trip it
      // may pick a closer two-digit decimal (5e-324 is "4.9E-324"). Python's repr is shortest.
      digits = oneDigit(Math.abs(d), digits, exp);
      if (digits.length() == 3) { // 9.x rounded up to 10
        digits = "1";
        exp++;
      }
    }
    // Value is 0.DIGITS * 10^exp; Python's decimal exponent is exp - 1.
    int pyExp = exp - 1;
    StringBuilder b = new StringBuilder();
    if (d < 0) {
      b.append('-');
    }
    if (pyExp < -4 || pyExp >= 16) {
      b.append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      b.append('e').append(pyExp < 0 ? '-' : '+');
      int a = Math.abs(pyExp);
      if (a < 10) {
        b.append('0');
      }
      b.append(a);
    } else if (exp <= 0) {
      b.append("0.");
      b.append("0".repeat(-exp));
      b.append(digits);
    } else if (exp >= digits.length()) {
      b.append(digits).append("0".repeat(exp - digits.length())).append(".0");
    } else {
      b.append(digits, 0, exp).append('.').append(digits, exp, digits.length());
    }
    return b.toString();
  }

  /**
   * The one-digit decimal that reads back as {@code abs}, if any, else {@code digits}; the closest
   * one when both neighbours do. {@code 0.digits * 10^exp} is {@code abs}. Returns {@code "10"} +
   * one more digit ({@code "100"}) when rounding 9 up.
   */
  private static String oneDigit(double abs, String digits, int exp) {
    int first = digits.charAt(0) - '0';
    String best = digits;
    java.math.BigDecimal exact = new java.math.BigDecimal(abs);
    java.math.BigDecimal bestDistance = null;
    for (int c = first; c <= first + 1; c++) {
      java.math.BigDecimal candidate = java.math.BigDecimal.valueOf(c).scaleByPowerOfTen(exp - 1);
      if (candidate.doubleValue() != abs) {
        continue;
      }
      java.math.BigDecimal distance = candidate.subtract(exact).abs();
      if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
        bestDistance = distance;
        best = c == 10 ? "100" : String.valueOf(c);
      }
    }
    return best;
  }

  /** Python's {@code repr(complex(0, imag))}. */
  static String complexRepr(double imag) {
    String r = floatRepr(imag);
    if (r.endsWith(".0")) {
      r = r.substring(0, r.length() - 2);
    }
    return r + "j";
  }
}
