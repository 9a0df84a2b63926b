package com.googlesource.gerrit.plugins.securityreview.rules.general.execution;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.BinOp;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Constant;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Operator;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges where the strings that reach one call come from ({@link Origin}). Local names are followed
 * to the value last assigned to them before the call in the enclosing function (or the module), a
 * few assignments deep; UPPER_CASE names and attributes count as constants.
 */
final class Origins {
  private static final int MAX_DEPTH = 4;
  private static final Pattern CONSTANT_NAME = Pattern.compile("_*[A-Z][A-Z0-9_]*");

  /** Calls whose result is a number or a boolean: nothing a shell or parser could misread. */
  private static final Set<String> NUMERIC_CALLS =
      Set.of("int", "float", "len", "bool", "abs", "round", "hex", "oct");

  private final RuleContext ctx;
  private final int line;

  /** Origins of values as they are at {@code at}, a node of the file {@code ctx} walks. */
  Origins(RuleContext ctx, Ast.Located at) {
    this.ctx = ctx;
    this.line = at.loc().line();
  }

  /** Where a string comes from. */
  Origin of(Expr e) {
    return of(e, 0);
  }

  private Origin of(Expr e, int depth) {
    switch (e) {
      case null -> {
        return Origin.opaque(null);
      }
      case Constant c -> {
        return Origin.LITERAL;
      }
      case Ast.JoinedStr j -> {
        Expr v = nonLiteral(j, depth);
        return v == null ? Origin.LITERAL : Origin.built("as an f-string", v);
      }
      case BinOp b when b.op() == Operator.Mod && isStringLiteral(b.left()) -> {
        Expr v = nonLiteral(b.right(), depth);
        return v == null ? Origin.LITERAL : Origin.built("with `%`", v);
      }
      case Call c when isFormat(c) -> {
        Expr v = nonLiteralArgument(c, depth);
        return v == null ? Origin.LITERAL : Origin.built("with `str.format`", v);
      }
      case Call c when isJoin(c) -> {
        Expr v = nonLiteral(c.args().get(0), depth);
        return v == null ? Origin.LITERAL : Origin.built("by joining", v);
      }
      case BinOp b when b.op() == Operator.Add -> {
        List<Expr> parts = new ArrayList<>();
        flattenAdd(b, parts);
        boolean stringy = false;
        Expr first = null;
        for (Expr p : parts) {
          Origin o = of(p, depth + 1);
          stringy |= isStringLiteral(p) || o.isBuilt();
          if (!o.isLiteral() && first == null) {
            first = o.value() == null ? p : o.value();
          }
        }
        if (first == null) {
          return Origin.LITERAL;
        }
        // "a + b" of two variables: nothing says they are strings at all.
        return stringy ? Origin.built("with `+`", first) : Origin.opaque(b);
      }
      case Name n when CONSTANT_NAME.matcher(n.id()).matches() -> {
        return Origin.LITERAL;
      }
      case Name n when isRangeIndex(n) -> {
        return Origin.LITERAL;
      }
      case Name n -> {
        Expr assigned = depth < MAX_DEPTH ? lastAssignment(n) : n;
        if (assigned == n) {
          return Origin.opaque(n);
        }
        Origin o = of(assigned, depth + 1);
        return o.kind() == Origin.Kind.OPAQUE ? Origin.opaque(n) : o;
      }
      case Attribute a when CONSTANT_NAME.matcher(a.attr()).matches() -> {
        return Origin.LITERAL;
      }
      case Ast.IfExp i -> {
        Origin body = of(i.body(), depth);
        Origin orelse = of(i.orelse(), depth);
        if (body.isBuilt() || (!orelse.isBuilt() && !body.isLiteral())) {
          return body;
        }
        return orelse;
      }
      case Call c when isNumeric(c) -> {
        return Origin.LITERAL;
      }
      default -> {
        return Origin.opaque(e);
      }
    }
  }

  /** The first part of an expression that is not a literal or a constant, or null. */
  Expr nonLiteral(Expr e, int depth) {
    return switch (e) {
      case null -> null;
      case Constant c -> null;
      case Name n when CONSTANT_NAME.matcher(n.id()).matches() -> null;
      case Name n when isRangeIndex(n) -> null;
      case Name n -> {
        Expr assigned = depth < MAX_DEPTH ? lastAssignment(n) : n;
        yield assigned == n || nonLiteral(assigned, depth + 1) != null ? n : null;
      }
      case Attribute a -> CONSTANT_NAME.matcher(a.attr()).matches() ? null : a;
      case Ast.Tuple t -> firstNonLiteral(t.elts(), depth);
      case Ast.List l -> firstNonLiteral(l.elts(), depth);
      case Ast.Dict d -> firstNonLiteral(d.values(), depth);
      case Ast.Starred s -> nonLiteral(s.value(), depth);
      case Ast.UnaryOp u -> nonLiteral(u.operand(), depth);
      case Ast.IfExp i -> {
        Expr v = nonLiteral(i.body(), depth);
        yield v != null ? v : nonLiteral(i.orelse(), depth);
      }
      case BinOp b -> {
        Expr v = nonLiteral(b.left(), depth);
        yield v != null ? v : nonLiteral(b.right(), depth);
      }
      case Ast.JoinedStr j -> {
        for (Expr part : j.values()) {
          if (part instanceof Ast.FormattedValue f) {
            Expr v = nonLiteral(f.value(), depth);
            if (v != null) {
              yield v;
            }
          }
        }
        yield null;
      }
      case Call c when isNumeric(c) -> null;
      case Call c when isFormat(c) -> nonLiteralArgument(c, depth);
      case Call c when isJoin(c) -> nonLiteral(c.args().get(0), depth);
      default -> e;
    };
  }

  private Expr firstNonLiteral(List<Expr> elts, int depth) {
    for (Expr x : elts) {
      Expr v = nonLiteral(x, depth);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private Expr nonLiteralArgument(Call c, int depth) {
    Expr v = firstNonLiteral(c.args(), depth);
    if (v != null) {
      return v;
    }
    for (Ast.Keyword k : c.keywords()) {
      v = nonLiteral(k.value(), depth);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * The value last assigned to a local name before the call, in the enclosing function (or the
   * module), or the name itself when it is a parameter or bound in a way we do not follow. An
   * augmented {@code cmd += value} after it counts as concatenation.
   */
  Expr lastAssignment(Name name) {
    // A name assigned from itself ("cmd = cmd + [...]" with cmd a parameter) stays itself.
    return LocalNames.lastAssignmentBefore(ctx, name, line);
  }

  /** A loop variable of an enclosing {@code for i in range(...)}: a number. */
  private boolean isRangeIndex(Name n) {
    for (Node a : ctx.ancestors()) {
      if (a instanceof Ast.For f
          && f.target() instanceof Name t
          && t.id().equals(n.id())
          && f.iter() instanceof Call c
          && c.func() instanceof Name r
          && r.id().equals("range")) {
        return true;
      }
      if (NodeVisitor.opensScope(a)) {
        return false;
      }
    }
    return false;
  }

  static boolean isStringLiteral(Expr e) {
    return e instanceof Constant c && (c.isString() || c.value() instanceof Ast.Bytes);
  }

  /** {@code "...".format(...)}. */
  static boolean isFormat(Expr e) {
    return e instanceof Call c
        && c.func() instanceof Attribute f
        && f.attr().equals("format")
        && isStringLiteral(f.value());
  }

  /** {@code " ".join(parts)}. */
  static boolean isJoin(Expr e) {
    return e instanceof Call c
        && c.func() instanceof Attribute f
        && f.attr().equals("join")
        && isStringLiteral(f.value())
        && c.args().size() == 1
        && c.keywords().isEmpty();
  }

  private static boolean isNumeric(Call c) {
    return c.func() instanceof Name f && NUMERIC_CALLS.contains(f.id());
  }

  static void flattenAdd(Expr e, List<Expr> out) {
    if (e instanceof BinOp b && b.op() == Operator.Add) {
      flattenAdd(b.left(), out);
      flattenAdd(b.right(), out);
    } else {
      out.add(e);
    }
  }
}
