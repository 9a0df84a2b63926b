package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import com.googlesource.gerrit.plugins.securityreview.python.Comment;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link SemanticModel#intentOf}: one bounded walk per handler, memoised. */
final class Handlers {
  private static final Set<String> BROAD =
      Set.of("Exception", "BaseException", "builtins.Exception", "builtins.BaseException");

  /**
   * A comment that instructs a tool rather than explains: one word, alone, followed by codes or
   * followed by a colon ({@code # noqa}, {@code # nosec B110}, {@code # noqa: E722}, {@code # type:
   * ignore}, {@code # pylint: disable=...}).
   */
  private static final Pattern DIRECTIVE =
      Pattern.compile("\\s*[A-Za-z][\\w-]*(\\s*:.*|(\\s+[A-Z]+[0-9]+)*)\\s*");

  /** A {@code # noqa} that names no codes: it waives every complaint about the line. */
  private static final Pattern BARE_NOQA =
      Pattern.compile("#\\s*noqa\\b(?!\\s*:)", Pattern.CASE_INSENSITIVE);

  /** The kinds whose methods, called for their effect, write an OVSDB database. */
  private static final Set<ValueKind> OVSDB_WRITERS =
      Set.of(ValueKind.OVSDB_COMMAND, ValueKind.OVSDB_TRANSACTION, ValueKind.OVN_CLIENT);

  private final SemanticModel model;
  private final Map<Ast.ExceptHandler, HandlerIntent> memo = new IdentityHashMap<>();
  private final Map<Ast.FunctionLike, Boolean> reportsByRaising = new IdentityHashMap<>();
  private final Map<Integer, String> commentByLine = new HashMap<>();
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
            case Ast.WithLike w -> reraises[0] |= savesAndReraises(w);
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
    for (Stmt s : h.body()) {
      boolean trivial =
          s instanceof Ast.Pass
              || s instanceof Ast.Continue
              || s instanceof Ast.Break
              || (s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant);
      onlyPass &= trivial;
    }
    Node parent = model.parentOf(h);
    List<Stmt> tryBody = List.of();
    List<Stmt> orelse = List.of();
    switch (parent) {
      case Ast.Try t -> {
        tryBody = t.body();
        orelse = t.orelse();
      }
      case Ast.TryStar t -> {
        tryBody = t.body();
        orelse = t.orelse();
      }
      case null, default -> {}
    }
    HandlerIntent intent =
        new HandlerIntent(
            reraises[0],
            reraisesOnEveryPath(h),
            catchesBroadType(h),
            h.type() == null,
            logs[0],
            level[0],
            returns[0],
            returns[0] && constantReturns[0],
            onlyPass,
            h.body().isEmpty(),
            commented(h),
            bareNoqa(h.loc().line()),
            parent != null && inErrorPath(parent),
            endingCheck(tryBody),
            contains(orelse, Ast.Raise.class),
            !orelse.isEmpty(),
            ovsdbWrite(tryBody),
            parent instanceof Ast.TryStar);
    memo.put(h, intent);
    return intent;
  }

  private boolean savesAndReraises(Ast.WithLike w) {
    for (Ast.WithItem item : w.items()) {
      if (item.contextExpr() instanceof Ast.Call c) {
        String name = model.callName(c);
        if (name != null && SemanticModel.lastPart(name).equals("save_and_reraise_exception")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The handler's last statement re-raises what it caught, and no statement before leaves the
   * handler another way.
   */
  private boolean reraisesOnEveryPath(Ast.ExceptHandler h) {
    if (h.body().isEmpty()) {
      return false;
    }
    boolean endsInReraise =
        switch (h.body().getLast()) {
          case Ast.Raise r ->
              r.cause() == null
                  && (r.exc() == null
                      || (h.name() != null
                          && r.exc() instanceof Ast.Name n
                          && n.id().equals(h.name())));
          case Ast.WithLike w -> savesAndReraises(w);
          default -> false;
        };
    return endsInReraise && !leavesEarly(h.body(), false);
  }

  /** A {@code return}, or a {@code break} / {@code continue} not inside a loop of the block. */
  private static boolean leavesEarly(List<? extends Node> block, boolean inLoop) {
    for (Node n : block) {
      if (n == null || NodeVisitor.opensScope(n)) {
        continue;
      }
      switch (n) {
        case Ast.Return r -> {
          return true;
        }
        case Ast.Break b when !inLoop -> {
          return true;
        }
        case Ast.Continue c when !inLoop -> {
          return true;
        }
        default -> {}
      }
      boolean loop = n instanceof Ast.ForLike || n instanceof Ast.While;
      List<Node> children = new ArrayList<>();
      NodeVisitor.forEachChild(n, children::add);
      if (leavesEarly(children, inLoop || loop)) {
        return true;
      }
    }
    return false;
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

  boolean catchesBroadType(Ast.ExceptHandler h) {
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

  // ---------------------------------------------------------------- what the try statement does

  /** Whether a try statement sits in an except handler or a finally block of its function. */
  private boolean inErrorPath(Node tryStmt) {
    Node child = tryStmt;
    for (Node n : model.ancestors(tryStmt)) {
      if (NodeVisitor.opensScope(n)) {
        return false;
      }
      boolean errorPath =
          switch (n) {
            case Ast.ExceptHandler h -> true;
            case Ast.Try t -> holds(t.finalbody(), child);
            case Ast.TryStar t -> holds(t.finalbody(), child);
            default -> false;
          };
      if (errorPath) {
        return true;
      }
      child = n;
    }
    return false;
  }

  /** By identity: records compare by value. */
  private static boolean holds(List<Stmt> block, Node child) {
    for (Stmt s : block) {
      if (s == child) {
        return true;
      }
    }
    return false;
  }

  /** The call a try body ends with when it calls a check of this file, or null. */
  private Ast.Call endingCheck(List<Stmt> tryBody) {
    if (tryBody.isEmpty()
        || !(tryBody.getLast() instanceof Ast.ExprStmt e)
        || !(e.value() instanceof Ast.Call call)) {
      return null;
    }
    Ast.FunctionLike fn = model.calledFunction(call);
    return fn != null && reportsOnlyByRaising(fn) ? call : null;
  }

  /**
   * A function that raises on some condition of its own (not only in an except handler) and returns
   * no value: its exception is its only answer.
   */
  private boolean reportsOnlyByRaising(Ast.FunctionLike fn) {
    Boolean known = reportsByRaising.get(fn);
    if (known != null) {
      return known;
    }
    boolean[] raises = {false};
    boolean[] answers = {false};
    Walk.preorder(
        fn.body(),
        n -> {
          if (NodeVisitor.opensScope(n)) {
            return false;
          }
          switch (n) {
            case Ast.Return r when r.value() != null && !model.isNone(r.value()) ->
                answers[0] = true;
            case Ast.Yield y -> answers[0] = true;
            case Ast.YieldFrom y -> answers[0] = true;
            default -> {}
          }
          return true;
        });
    Walk.preorder(
        fn.body(),
        n -> {
          // A raise in a handler translates another failure: it is no condition of its own.
          if (NodeVisitor.opensScope(n) || n instanceof Ast.ExceptHandler) {
            return false;
          }
          raises[0] |= n instanceof Ast.Raise;
          return true;
        });
    boolean result = raises[0] && !answers[0];
    reportsByRaising.put(fn, result);
    return result;
  }

  /** The first statement of a block that writes an OVSDB database, or null. */
  private Node ovsdbWrite(List<Stmt> block) {
    Node[] found = {null};
    Walk.preorder(
        block,
        n -> {
          if (found[0] != null || NodeVisitor.opensScope(n)) {
            return false;
          }
          switch (n) {
            case Ast.ExprStmt e when e.value() instanceof Ast.Call c && writesOvsdb(c) ->
                found[0] = e;
            case Ast.WithLike w -> {
              for (Ast.WithItem item : w.items()) {
                if (model.kindOf(item.contextExpr()) == ValueKind.OVSDB_TRANSACTION) {
                  found[0] = w;
                }
              }
            }
            default -> {}
          }
          return found[0] == null;
        });
    return found[0];
  }

  /**
   * A call made for its effect that writes OVSDB: a method of a command ({@code execute}), of a
   * transaction ({@code add}, {@code commit}) or of the OVN client.
   */
  private boolean writesOvsdb(Ast.Call c) {
    if (model.isLoggerCall(c)) {
      return false;
    }
    return c.func() instanceof Ast.Attribute a && OVSDB_WRITERS.contains(model.kindOf(a.value()));
  }

  private static boolean contains(List<Stmt> block, Class<? extends Node> kind) {
    boolean[] found = {false};
    Walk.preorder(
        block,
        n -> {
          if (found[0] || NodeVisitor.opensScope(n)) {
            return false;
          }
          found[0] = kind.isInstance(n);
          return !found[0];
        });
    return found[0];
  }

  // ---------------------------------------------------------------- comments

  /** A prose comment on the except line or within the handler's lines. */
  private boolean commented(Ast.ExceptHandler h) {
    index();
    int from = h.loc().line();
    int to = Math.max(from, h.loc().endLine());
    int i = Arrays.binarySearch(commentLines, from);
    for (int k = i >= 0 ? i : -i - 1; k < commentLines.length && commentLines[k] <= to; k++) {
      if (isProse(commentByLine.get(commentLines[k]))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a line's comments hold prose; each {@code #} starts a comment of its own. */
  private static boolean isProse(String text) {
    for (String part : text.split("#")) {
      if (!part.isBlank() && !DIRECTIVE.matcher(part).matches()) {
        return true;
      }
    }
    return false;
  }

  private boolean bareNoqa(int line) {
    index();
    String text = commentByLine.get(line);
    return text != null && BARE_NOQA.matcher(text).find();
  }

  private void index() {
    if (commentLines != null) {
      return;
    }
    List<Comment> comments = model.comments();
    for (Comment c : comments) {
      commentByLine.merge(c.line(), c.text(), (a, b) -> a + " " + b);
    }
    commentLines = commentByLine.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
