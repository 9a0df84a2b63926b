package com.googlesource.gerrit.plugins.securityreview.python;

import com.googlesource.gerrit.plugins.securityreview.python.Ast.Bytes;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Constant;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.JoinedStr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Loc;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.TemplateStr;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes string literals and joins adjacent ones, following CPython's action helpers ({@code
 * _PyPegen_concatenate_strings} and friends) so that values, kinds and positions match.
 */
final class StringDecoder {
  private final Parser parser;

  StringDecoder(Parser parser) {
    this.parser = parser;
  }

  /** A STRING token's Constant. */
  Constant literal(int tok) {
    String t = parser.value(tok);
    int q = 0;
    boolean raw = false;
    boolean bytes = false;
    boolean unicode = false;
    while (t.charAt(q) != '"' && t.charAt(q) != '\'') {
      char c = Character.toLowerCase(t.charAt(q));
      raw |= c == 'r';
      bytes |= c == 'b';
      unicode |= t.charAt(q) == 'u'; // CPython gives kind "u" for a lowercase prefix only
      q++;
    }
    int quoteSize =
        t.length() - q >= 6 && t.charAt(q + 1) == t.charAt(q) && t.charAt(q + 2) == t.charAt(q)
            ? 3
            : 1;
    String body = t.substring(q + quoteSize, t.length() - quoteSize);
    Loc loc = parser.locOf(tok);
    if (bytes) {
      return new Constant(new Bytes(decodeBytes(body, raw, tok)), null, loc);
    }
    String v = raw || body.indexOf('\\') < 0 ? body : decode(body, tok);
    return new Constant(v, unicode ? "u" : null, loc);
  }

  /** An FSTRING_MIDDLE token's Constant, or null when it decodes to nothing. */
  Constant fstringMiddle(int tok, boolean raw) {
    String body = parser.value(tok);
    String v = raw || body.indexOf('\\') < 0 ? body : decode(body, tok);
    if (v.isEmpty()) {
      return null;
    }
    return new Constant(v, null, parser.locOf(tok));
  }

  /**
   * Joins adjacent literals: a Constant, a JoinedStr when an f-string is among them, or a
   * TemplateStr when they are all t-strings (a t-string mixes with no other literal).
   */
  Expr concatenate(List<Expr> parts, int startTok, Loc loc) {
    for (Expr e : parts) {
      if (e instanceof TemplateStr) {
        return template(parts, startTok, loc);
      }
    }
    boolean fstring = false;
    boolean bytes = false;
    boolean unicode = false;
    for (Expr e : parts) {
      if (e instanceof Constant c) {
        if (c.value() instanceof Bytes) {
          bytes = true;
        } else {
          unicode = true;
        }
      } else {
        fstring = true;
      }
    }
    if (bytes && (unicode || fstring)) {
      throw parser.error(startTok, "cannot mix bytes and nonbytes literals");
    }
    if (bytes) {
      if (parts.size() == 1) {
        return parts.get(0);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Expr e : parts) {
        out.writeBytes(((Bytes) ((Constant) e).value()).value());
      }
      return new Constant(new Bytes(out.toByteArray()), null, loc);
    }
    if (!fstring && parts.size() == 1) {
      return parts.get(0);
    }
    List<Expr> flat = new ArrayList<>();
    for (Expr e : parts) {
      if (e instanceof JoinedStr j) {
        flat.addAll(j.values());
      } else {
        flat.add(e);
      }
    }
    List<Expr> values = fold(flat, fstring);
    if (!fstring) {
      return values.get(0);
    }
    return new JoinedStr(values, loc);
  }

  private Expr template(List<Expr> parts, int startTok, Loc loc) {
    List<Expr> flat = new ArrayList<>();
    for (Expr e : parts) {
      if (!(e instanceof TemplateStr t)) {
        throw parser.error(startTok, "cannot mix t-string literals with string or bytes literals");
      }
      flat.addAll(t.values());
    }
    return new TemplateStr(fold(flat, true), loc);
  }

  /** Merges runs of adjacent string Constants; with {@code dropEmpty}, drops empty ones. */
  List<Expr> fold(List<Expr> items, boolean dropEmpty) {
    List<Expr> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Expr e = items.get(i);
      if (e instanceof Constant first) {
        if (i + 1 < items.size() && items.get(i + 1) instanceof Constant) {
          StringBuilder b = new StringBuilder();
          Constant last = first;
          int j = i;
          while (j < items.size() && items.get(j) instanceof Constant c) {
            b.append((String) c.value());
            last = c;
            j++;
          }
          i = j - 1;
          e =
              new Constant(
                  b.toString(),
                  first.kind(),
                  new Loc(
                      first.loc().line(),
                      first.loc().col(),
                      last.loc().endLine(),
                      last.loc().endCol()));
        }
        if (dropEmpty && ((String) ((Constant) e).value()).isEmpty()) {
          continue;
        }
      }
      out.add(e);
    }
    return out;
  }

  /** The value of a one-character escape such as {@code \\n}, or -1. */
  private static int simpleEscape(char e) {
    return switch (e) {
      case '\\', '\'', '"' -> e;
      case 'a' -> 7;
      case 'b' -> 8;
      case 'f' -> 12;
      case 'n' -> 10;
      case 'r' -> 13;
      case 't' -> 9;
      case 'v' -> 11;
      default -> -1;
    };
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** The end of an octal escape's digits (one to three) that start at {@code i}. */
  private static int octalEnd(String s, int i) {
    int end = i + 1;
    while (end < s.length() && end < i + 3 && isOctal(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Python's escape sequences in a str literal. */
  private String decode(String s, int tok) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      int simple = simpleEscape(e);
      if (simple >= 0) {
        b.append((char) simple);
        continue;
      }
      if (isOctal(e)) {
        int end = octalEnd(s, i);
        b.append((char) Integer.parseInt(s, i, end, 8));
        i = end - 1;
        continue;
      }
      switch (e) {
        case '\n' -> {}
        case 'x' -> i = hexEscape(s, i, 2, b, tok, "\\xXX");
        case 'u' -> i = hexEscape(s, i, 4, b, tok, "\\uXXXX");
        case 'U' -> i = hexEscape(s, i, 8, b, tok, "\\UXXXXXXXX");
        case 'N' -> {
          int close = i + 1 < n && s.charAt(i + 1) == '{' ? s.indexOf('}', i + 2) : -1;
          if (close < 0) {
            throw parser.error(
                tok,
                "(unicode error) 'unicodeescape' codec can't decode bytes:"
                    + " malformed \\N character escape");
          }
          String name = s.substring(i + 2, close);
          int cp = codePointOf(name);
          if (cp < 0) {
            throw parser.error(
                tok,
                "(unicode error) 'unicodeescape' codec can't decode bytes:"
                    + " unknown Unicode character name");
          }
          b.appendCodePoint(cp);
          i = close;
        }
        default -> b.append('\\').append(e);
      }
    }
    return b.toString();
  }

  /**
   * The code point of a Unicode character name as Python's {@code \N{...}} reads it, or -1. Java
   * names ideographs by block ("CJK UNIFIED IDEOGRAPHS 6574") where Unicode and Python use "CJK
   * UNIFIED IDEOGRAPH-6574".
   */
  private static int codePointOf(String name) {
    String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
    int dash = upper.lastIndexOf('-');
    if (dash > 0 && upper.substring(0, dash).endsWith("IDEOGRAPH")) {
      try {
        int cp = Integer.parseInt(upper.substring(dash + 1), 16);
        if (Character.isValidCodePoint(cp) && Character.isIdeographic(cp)
            || Character.isValidCodePoint(cp)
                && Character.getName(cp) != null
                && Character.getName(cp).contains("IDEOGRAPH")) {
          return cp;
        }
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    try {
      return Character.codePointOf(upper);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private int hexEscape(String s, int i, int digits, StringBuilder b, int tok, String form) {
    int v = 0;
    for (int k = 1; k <= digits; k++) {
      if (i + k >= s.length()) {
        throw truncated(tok, form);
      }
      int d = Character.digit(s.charAt(i + k), 16);
      if (d < 0) {
        throw truncated(tok, form);
      }
      v = v * 16 + d;
    }
    if (v > Character.MAX_CODE_POINT || v < 0) {
      throw parser.error(
          tok,
          "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode"
              + " character");
    }
    b.appendCodePoint(v);
    return i + digits;
  }

  private Parser.SyntaxError truncated(int tok, String form) {
    return parser.error(
        tok,
        "(unicode error) 'unicodeescape' codec can't decode bytes: truncated " + form + " escape");
  }

  private byte[] decodeBytes(String s, boolean raw, int tok) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        throw parser.error(tok, "bytes can only contain ASCII literal characters");
      }
      if (raw || c != '\\' || i + 1 >= n) {
        out.write(c);
        continue;
      }
      char e = s.charAt(++i);
      int simple = simpleEscape(e);
      if (simple >= 0) {
        out.write(simple);
        continue;
      }
      if (isOctal(e)) {
        int end = octalEnd(s, i);
        out.write(Integer.parseInt(s, i, end, 8) & 0xff);
        i = end - 1;
        continue;
      }
      switch (e) {
        case '\n' -> {}
        case 'x' -> {
          int hi = i + 1 < n ? Character.digit(s.charAt(i + 1), 16) : -1;
          int lo = i + 2 < n ? Character.digit(s.charAt(i + 2), 16) : -1;
          if (hi < 0 || lo < 0) {
            throw parser.error(tok, "(value error) invalid \\x escape at position " + (i - 1));
          }
          out.write(hi * 16 + lo);
          i += 2;
        }
        default -> {
          if (e >= 0x80) {
            throw parser.error(tok, "bytes can only contain ASCII literal characters");
          }
          out.write('\\');
          out.write(e);
        }
      }
    }
    return out.toByteArray();
  }
}
