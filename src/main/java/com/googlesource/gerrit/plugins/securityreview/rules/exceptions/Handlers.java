package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.ExceptHandler;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.List;
import java.util.Set;

/** What the exception handling rules need to know about an {@code except} clause. */
final class Handlers {
  private Handlers() {}

  private static final Set<String> BROAD =
      Set.of("Exception", "BaseException", "builtins.Exception", "builtins.BaseException");

  /** Whether a handler names {@code Exception} or {@code BaseException}, alone or in a tuple. */
  static boolean catchesBroadType(ExceptHandler h, RuleContext ctx) {
    if (h.type() instanceof Ast.Tuple t) {
      return t.elts().stream().anyMatch(e -> isBroad(e, ctx));
    }
    return h.type() != null && isBroad(h.type(), ctx);
  }

  private static boolean isBroad(Expr e, RuleContext ctx) {
    return BROAD.contains(ctx.qualifiedName(e));
  }

  /** The range of a handler's {@code except ...} header, for reporting on that line only. */
  static Ast.Loc header(ExceptHandler h) {
    Ast.Loc l = h.loc();
    if (h.type() == null) {
      return new Ast.Loc(l.line(), l.col(), l.line(), l.col() + 6);
    }
    Ast.Loc type = h.type().loc();
    return new Ast.Loc(l.line(), l.col(), type.endLine(), type.endCol());
  }

  /**
   * Whether statements re-raise: a {@code raise} anywhere in them (outside functions defined
   * there), or a {@code with excutils.save_and_reraise_exception()} block.
   */
  static boolean reraises(List<? extends Node> body, RuleContext ctx) {
    boolean[] found = {false};
    NodeVisitor v =
        new NodeVisitor() {
          @Override
          protected boolean enter(Node n) {
            if (found[0] || NodeVisitor.opensScope(n)) {
              return false;
            }
            if (n instanceof Ast.Raise) {
              found[0] = true;
            } else if (n instanceof Ast.With w) {
              for (Ast.WithItem item : w.items()) {
                if (item.contextExpr() instanceof Ast.Call c) {
                  String name = ctx.callName(c);
                  if (name != null
                      && DottedNames.lastPart(name).equals("save_and_reraise_exception")) {
                    found[0] = true;
                  }
                }
              }
            }
            return !found[0];
          }
        };
    for (Node n : body) {
      v.visit(n);
    }
    return found[0];
  }

  /** Whether a function is an ML2 commit hook: {@code *_precommit} or {@code *_postcommit}. */
  static boolean isCommitHook(String functionName) {
    return functionName != null
        && (functionName.endsWith("_precommit") || functionName.endsWith("_postcommit"));
  }
}
