package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link SemanticModel#instanceClass}: the class of this file a value is an instance of. */
final class InstanceClasses {
  private static final int MAX_DEPTH = 4;

  private static final Pattern TYPE_LINE = Pattern.compile(":type\\s+(\\w+)\\s*:\\s*([\\w.]+)");
  private static final Pattern PARAM_LINE =
      Pattern.compile(":param\\s+(?:[\\w.\\[\\], ]+\\s+)?(\\w+)\\s*:([^\\n]*)");
  private static final Pattern CLASS_ROLE = Pattern.compile(":class:`~?([\\w.]+)`");

  private InstanceClasses() {}

  static Ast.ClassDef of(SemanticModel model, Expr e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    return switch (e) {
      case Ast.Call c -> model.sameFileClass(c.func());
      case Ast.Name n when model.parameterOf(n) != null -> parameterClass(model, n);
      case Ast.Name n -> {
        Expr v = model.reachingValue(n);
        yield v == null || v == n ? null : of(model, v, depth + 1);
      }
      case Ast.Attribute a when model.ownerClass(a) != null -> {
        List<Expr> values = model.attributeValues(a);
        Ast.ClassDef found = null;
        for (Expr v : values) {
          Ast.ClassDef c = of(model, v, depth + 1);
          if (c == null || (found != null && found != c)) {
            yield null;
          }
          found = c;
        }
        yield found;
      }
      case null, default -> null;
    };
  }

  /**
   * A parameter's class: its annotation, or its function's docstring ({@code :type p: Broker},
   * {@code :param p: an instance of :class:`~pkg.mod.Broker`}), naming a class of this file.
   */
  private static Ast.ClassDef parameterClass(SemanticModel model, Ast.Name n) {
    Ast.Arg p = model.parameterOf(n);
    if (p.annotation() != null) {
      return classNamed(model, SemanticModel.dotted(p.annotation()));
    }
    Scope s = model.resolvingScope(n);
    if (s == null || !(s.node() instanceof Ast.FunctionLike fn)) {
      return null;
    }
    String doc = SemanticModel.docstring(fn.body());
    if (doc == null) {
      return null;
    }
    Matcher m = TYPE_LINE.matcher(doc);
    while (m.find()) {
      if (m.group(1).equals(n.id())) {
        return classNamed(model, m.group(2));
      }
    }
    m = PARAM_LINE.matcher(doc);
    while (m.find()) {
      if (m.group(1).equals(n.id())) {
        Matcher role = CLASS_ROLE.matcher(m.group(2));
        return role.find() ? classNamed(model, role.group(1)) : null;
      }
    }
    return null;
  }

  /** The one module-level class of this file with the last part of a dotted name, or null. */
  private static Ast.ClassDef classNamed(SemanticModel model, String dotted) {
    if (dotted == null) {
      return null;
    }
    String name = SemanticModel.lastPart(dotted);
    Ast.ClassDef found = null;
    for (Ast.Stmt s : model.module().body()) {
      if (s instanceof Ast.ClassDef c && c.name().equals(name)) {
        if (found != null) {
          return null;
        }
        found = c;
      }
    }
    return found;
  }
}
