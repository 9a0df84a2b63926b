package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.List;

/** Works out {@link SemanticModel#stringPrefix}. */
final class StringPrefixes {
  /** Names and nested builds followed at most this deep. */
  private static final int MAX_DEPTH = 8;

  private final SemanticModel model;

  StringPrefixes(SemanticModel model) {
    this.model = model;
  }

  StringPrefix of(Expr e) {
    return prefix(e, 0);
  }

  private StringPrefix prefix(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    String whole = model.constantString(e).orElse(null);
    if (whole != null) {
      return new StringPrefix(whole, true, leadingLiteral(e, depth));
    }
    return switch (e) {
      case Ast.JoinedStr j -> joined(j, depth);
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> concatenation(b, depth);
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> upTo(b.left(), '%', depth);
      case Ast.Call c when c.func() instanceof Ast.Attribute a && a.attr().equals("format") ->
          upTo(a.value(), '{', depth);
      case Ast.Name n -> {
        Expr v = model.resolve(n);
        yield v == null || v == n ? null : prefix(v, depth + 1);
      }
      default -> null;
    };
  }

  /** {@code f'/tmp/{name}'}: the constant parts before the first one that is not. */
  private StringPrefix joined(Ast.JoinedStr j, int depth) {
    StringBuilder text = new StringBuilder();
    for (Expr part : j.values()) {
      Expr value = part instanceof Ast.FormattedValue f ? f.value() : part;
      boolean plain =
          !(part instanceof Ast.FormattedValue f) || (f.conversion() < 0 && f.formatSpec() == null);
      String s = plain ? model.constantString(value).orElse(null) : null;
      if (s == null) {
        break;
      }
      text.append(s);
    }
    return text.isEmpty()
        ? null
        : new StringPrefix(text.toString(), false, leadingLiteral(j, depth));
  }

  /** {@code '/tmp/' + name}: the leading operands' text up to the first that is not constant. */
  private StringPrefix concatenation(Ast.BinOp b, int depth) {
    List<Expr> parts = Origins.flatten(b, Ast.Operator.Add);
    StringBuilder text = new StringBuilder();
    for (Expr part : parts) {
      StringPrefix p = prefix(part, depth + 1);
      if (p == null) {
        break;
      }
      text.append(p.text());
      if (!p.whole()) {
        break;
      }
    }
    return text.isEmpty()
        ? null
        : new StringPrefix(text.toString(), false, leadingLiteral(b, depth));
  }

  /** A format string's text before its first placeholder. */
  private StringPrefix upTo(Expr format, char placeholder, int depth) {
    String s = model.constantString(format).orElse(null);
    if (s == null) {
      return null;
    }
    int at = s.indexOf(placeholder);
    String text = at < 0 ? s : s.substring(0, at);
    return text.isEmpty() ? null : new StringPrefix(text, false, leadingLiteral(format, depth));
  }

  /** The string literal an expression's text starts with, followed leftwards and through names. */
  private Ast.Constant leadingLiteral(Expr e, int depth) {
    for (int i = depth; e != null && i <= MAX_DEPTH; i++) {
      switch (e) {
        case Ast.Constant c -> {
          return c.isString() ? c : null;
        }
        case Ast.JoinedStr j -> {
          if (j.values().isEmpty()) {
            return null;
          }
          Expr first = j.values().get(0);
          e = first instanceof Ast.FormattedValue f ? f.value() : first;
        }
        case Ast.BinOp b -> {
          // A long chain is nested leftwards: walk down it without counting steps.
          while (e instanceof Ast.BinOp x
              && (x.op() == Ast.Operator.Add || x.op() == Ast.Operator.Mod)) {
            e = x.left();
          }
          if (e instanceof Ast.BinOp) {
            return null;
          }
        }
        case Ast.Call c when c.func() instanceof Ast.Attribute a && a.attr().equals("format") ->
            e = a.value();
        case Ast.Name n -> {
          Expr v = model.resolve(n);
          e = v == n ? null : v;
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }
}
