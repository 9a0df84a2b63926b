package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What shape a value has where it is used: its truth value, the elements of the list it holds, the
 * values every assignment of a name gives. Rules about commands and their argv read these.
 */
final class ValueShapes {
  private final SemanticModel model;

  ValueShapes(SemanticModel model) {
    this.model = model;
  }

  /** Python's truth value of an expression, when the expression alone decides it. */
  Optional<Boolean> truthValue(Expr e) {
    return switch (e) {
      case null -> Optional.empty();
      case Ast.List l -> displayTruth(l.elts());
      case Ast.Tuple t -> displayTruth(t.elts());
      case Ast.Set s -> displayTruth(s.elts());
      case Ast.Dict d -> d.keys().isEmpty() ? Optional.of(false) : Optional.of(true);
      default -> constantTruth(model.constants().value(e));
    };
  }

  /** A display is true with one element that is not {@code *x} (which may unpack nothing). */
  private static Optional<Boolean> displayTruth(List<Expr> elts) {
    if (elts.isEmpty()) {
      return Optional.of(false);
    }
    return elts.stream().anyMatch(x -> !(x instanceof Ast.Starred))
        ? Optional.of(true)
        : Optional.empty();
  }

  private static Optional<Boolean> constantTruth(Object v) {
    return switch (v) {
      case null -> Optional.empty();
      case Boolean b -> Optional.of(b);
      case Ast.Singleton s -> Optional.of(s != Ast.Singleton.NONE);
      case BigInteger i -> Optional.of(i.signum() != 0);
      case Double d -> Optional.of(d != 0);
      case String s -> Optional.of(!s.isEmpty());
      case Ast.Bytes b -> Optional.of(b.value().length > 0);
      case List<?> l -> Optional.of(!l.isEmpty());
      default -> Optional.empty();
    };
  }

  /**
   * The elements of the list or tuple a value holds by straight-line reading: a display, a name
   * whose reaching value is one, or a {@code +} of those. A part of the concatenation that is not
   * seen through stays as a {@code *part} element (outside the tree). Null when no part is a list.
   */
  List<Expr> elements(Expr e) {
    return elements(e, 0);
  }

  private List<Expr> elements(Expr e, int depth) {
    switch (e) {
      case Ast.List l -> {
        return l.elts();
      }
      case Ast.Tuple t -> {
        return t.elts();
      }
      case Ast.Name n when depth < SemanticModel.MAX_NAME_STEPS -> {
        Expr v = model.reachingValue(n);
        return v == null || v == n ? null : elements(v, depth + 1);
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> {
        List<Expr> out = new ArrayList<>();
        boolean anyList = false;
        for (Expr p : Origins.flatten(b, Ast.Operator.Add)) {
          List<Expr> sub = elements(p, depth + 1);
          if (sub != null) {
            anyList = true;
            out.addAll(sub);
          } else {
            out.add(new Ast.Starred(p, Ast.ExprContext.Load, p.loc()));
          }
        }
        return anyList ? out : null;
      }
      case null, default -> {
        return null;
      }
    }
  }

  /**
   * The values of every binding of a name in the scope it resolves to, when each is a plain
   * assignment ({@code if fast: L = A} / {@code else: L = B} gives both); empty when any binding is
   * something else (a parameter, an import, a loop variable) or there is none.
   */
  List<Expr> assignedValues(Ast.Name use) {
    Scope r = model.resolvingScope(use);
    if (r == null) {
      return List.of();
    }
    List<Expr> values = new ArrayList<>();
    for (Binding b : model.bindings(r, use.id())) {
      if (b.isDeclaration()) {
        continue;
      }
      if (!b.isPlainAssignment() || b.value() == null) {
        return List.of();
      }
      values.add(b.value());
    }
    return values;
  }

  /** String methods whose result is a string when the receiver is one. */
  private static final Set<String> STRING_RESULT_METHODS =
      Set.of(
          "lower",
          "upper",
          "strip",
          "lstrip",
          "rstrip",
          "replace",
          "title",
          "casefold",
          "removeprefix",
          "removesuffix");

  /**
   * Whether a value is a {@code str} by construction: a string literal, a formatted or joined
   * string, {@code str()}, a string method of a string, an element or loop variable of a {@code
   * split()}, a name bound to one of these, or the text of an address ({@link
   * SemanticModel#ipValue}).
   */
  boolean isString(Expr e) {
    return isString(e, 0);
  }

  private boolean isString(Expr e, int depth) {
    if (e == null || depth > SemanticModel.MAX_NAME_STEPS) {
      return false;
    }
    if (model.ipValue(e).map(IpValue::text).orElse(false) || isAddressEntry(e, depth)) {
      return true;
    }
    return switch (e) {
      case Ast.Constant c -> c.isString();
      case Ast.JoinedStr j -> true;
      case Ast.BinOp b when b.op() == Ast.Operator.Mod -> isString(b.left(), depth + 1);
      case Ast.BinOp b when b.op() == Ast.Operator.Add ->
          Origins.flatten(b, Ast.Operator.Add).stream().anyMatch(p -> isString(p, depth + 1));
      case Ast.Call c when c.func() instanceof Ast.Attribute a ->
          switch (a.attr()) {
            case "format", "join" -> isString(a.value(), depth + 1);
            default -> STRING_RESULT_METHODS.contains(a.attr()) && isString(a.value(), depth + 1);
          };
      case Ast.Call c -> "str".equals(model.callName(c)) && c.args().size() == 1;
      case Ast.Subscript s -> isSplit(s.value()) || isString(s.value(), depth + 1);
      case Ast.Name n -> {
        Binding b = model.reachingBinding(n);
        if (b == null) {
          yield false;
        }
        if (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET) {
          yield b.index() < 0 && isSplit(b.source());
        }
        Expr v = model.valueOf(b);
        yield v != null && isString(v, depth + 1);
      }
      default -> false;
    };
  }

  /** The OVSDB columns of Logical_Switch_Port that hold {@code "MAC IP..."} strings. */
  private static final Set<String> ADDRESS_COLUMNS = Set.of("addresses", "port_security");

  /**
   * Whether a value is one entry of a row's {@code addresses} or {@code port_security} column: a
   * string of a MAC address and IP addresses separated by spaces ({@code lsp.addresses[0]}, a loop
   * variable over {@code lsp.port_security}, a name bound to one).
   */
  boolean isAddressEntry(Expr e) {
    return isAddressEntry(e, 0);
  }

  private boolean isAddressEntry(Expr e, int depth) {
    if (e == null || depth > SemanticModel.MAX_NAME_STEPS) {
      return false;
    }
    return switch (e) {
      case Ast.Subscript s ->
          isAddressColumn(s.value())
              && model.constantValue(s.slice()).filter(v -> v instanceof BigInteger).isPresent();
      case Ast.Name n -> {
        Binding b = model.reachingBinding(n);
        if (b == null) {
          yield false;
        }
        if (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET) {
          yield b.index() < 0 && isAddressColumn(b.source());
        }
        Expr v = model.valueOf(b);
        yield v != null && isAddressEntry(v, depth + 1);
      }
      default -> false;
    };
  }

  private static boolean isAddressColumn(Expr e) {
    return e instanceof Ast.Attribute a
        && ADDRESS_COLUMNS.contains(a.attr())
        && !(a.value() instanceof Ast.Name n && n.id().equals("self"));
  }

  /** {@code text.split(...)}: a list of strings. */
  private static boolean isSplit(Expr e) {
    return e instanceof Ast.Call c
        && c.func() instanceof Ast.Attribute a
        && (a.attr().equals("split") || a.attr().equals("rsplit") || a.attr().equals("splitlines"));
  }
}
