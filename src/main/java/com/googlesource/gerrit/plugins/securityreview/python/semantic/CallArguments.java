package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** {@link SemanticModel#argumentFor}: which expression of a call a parameter of its callee gets. */
final class CallArguments {
  private CallArguments() {}

  /**
   * The expression {@code param} of {@code fn} is bound to by {@code call}: the argument passed by
   * position or keyword, the receiver for the first parameter of a method called through an
   * attribute ({@code self.f(x)}), else the parameter's default. Null when the call does not say
   * (unpacked arguments, {@code *args}/{@code **kwargs} parameters, nothing passed and no default).
   */
  static Expr argumentFor(
      Ast.Call call, Ast.FunctionLike fn, Ast.Arg param, boolean receiverBound) {
    Ast.Arguments args = fn.args();
    if (param == args.vararg() || param == args.kwarg()) {
      return null;
    }
    List<Ast.Arg> positional = new ArrayList<>(args.posonlyargs());
    positional.addAll(args.args());
    int index = positional.indexOf(param);
    int offset = 0;
    if (receiverBound && !positional.isEmpty()) {
      if (index == 0) {
        return call.func() instanceof Ast.Attribute a ? a.value() : null;
      }
      offset = 1;
    }
    for (Expr a : call.args()) {
      if (a instanceof Ast.Starred) {
        return null;
      }
    }
    if (index >= 0 && index - offset < call.args().size()) {
      return call.args().get(index - offset);
    }
    boolean keywordAllowed = index < 0 || index >= args.posonlyargs().size();
    for (Ast.Keyword k : call.keywords()) {
      if (k.arg() == null) {
        return null;
      }
      if (keywordAllowed && k.arg().equals(param.arg())) {
        return k.value();
      }
    }
    for (ParameterDefault d : SemanticModel.parameterDefaults(args)) {
      if (d.parameter() == param) {
        return d.value();
      }
    }
    return null;
  }
}
