package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Comment;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link SemanticModel#intentOf}: one bounded walk per handler, memoised. */
final class Handlers {
  private static final Set<String> BROAD =
      Set.of("Exception", "BaseException", "builtins.Exception", "builtins.BaseException");

  private final SemanticModel model;
  private final Map<Ast.ExceptHandler, HandlerIntent> memo = new IdentityHashMap<>();
  private int[] commentLines;

  Handlers(SemanticModel model) {
    this.model = model;
  }

  HandlerIntent intent(Ast.ExceptHandler h) {
    HandlerIntent cached = memo.get(h);
    if (cached != null) {
      return cached;
    }
    boolean[] reraises = {false};
    boolean[] logs = {false};
    LogLevel[] level = {null};
    boolean[] returns = {false};
    boolean[] constantReturns = {true};
    Walk.preorder(
        h.body(),
        n -> {
          if (NodeVisitor.opensScope(n)) {
            return false;
          }
          switch (n) {
            case Ast.Raise r -> reraises[0] = true;
            case Ast.WithLike w -> {
              for (Ast.WithItem item : w.items()) {
                if (item.contextExpr() instanceof Ast.Call c) {
                  String name = model.callName(c);
                  if (name != null
                      && SemanticModel.lastPart(name).equals("save_and_reraise_exception")) {
                    reraises[0] = true;
                  }
                }
              }
            }
            case Ast.Return r -> {
              returns[0] = true;
              if (r.value() != null && !isConstant(r.value())) {
                constantReturns[0] = false;
              }
            }
            case Ast.Call c -> {
              LoggerCall l = model.loggerCall(c).orElse(null);
              if (l != null) {
                logs[0] = true;
                if (level[0] == null || l.level().ordinal() > level[0].ordinal()) {
                  level[0] = l.level();
                }
              }
            }
            default -> {}
          }
          return true;
        });
    boolean onlyPass = !h.body().isEmpty();
    for (Ast.Stmt s : h.body()) {
      boolean trivial =
          s instanceof Ast.Pass
              || s instanceof Ast.Continue
              || s instanceof Ast.Break
              || (s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant);
      onlyPass &= trivial;
    }
    HandlerIntent intent =
        new HandlerIntent(
            reraises[0],
            catchesBroadType(h),
            h.type() == null,
            logs[0],
            level[0],
            returns[0],
            returns[0] && constantReturns[0],
            onlyPass,
            h.body().isEmpty(),
            commented(h),
            model.parentOf(h) instanceof Ast.TryStar);
    memo.put(h, intent);
    return intent;
  }

  /** A folded constant, or an empty literal container ({@code {}}, {@code []}, {@code ()}). */
  private boolean isConstant(Expr e) {
    boolean emptyLiteral =
        switch (e) {
          case Ast.Dict d -> d.keys().isEmpty();
          case Ast.List l -> l.elts().isEmpty();
          case Ast.Tuple t -> t.elts().isEmpty();
          default -> false;
        };
    return emptyLiteral || model.constantValue(e).isPresent();
  }

  private boolean catchesBroadType(Ast.ExceptHandler h) {
    if (h.type() instanceof Ast.Tuple t) {
      for (Expr e : t.elts()) {
        if (isBroad(e)) {
          return true;
        }
      }
      return false;
    }
    return h.type() != null && isBroad(h.type());
  }

  private boolean isBroad(Expr e) {
    String q = model.qualifiedName(e);
    return q != null && BROAD.contains(q);
  }

  /** A comment on the except line or within the handler's lines. */
  private boolean commented(Ast.ExceptHandler h) {
    if (commentLines == null) {
      List<Comment> comments = model.comments();
      commentLines = new int[comments.size()];
      for (int i = 0; i < comments.size(); i++) {
        commentLines[i] = comments.get(i).line();
      }
      java.util.Arrays.sort(commentLines);
    }
    int from = h.loc().line();
    int to = Math.max(from, h.loc().endLine());
    int i = java.util.Arrays.binarySearch(commentLines, from);
    if (i >= 0) {
      return true;
    }
    int insertion = -i - 1;
    return insertion < commentLines.length && commentLines[insertion] <= to;
  }
}
