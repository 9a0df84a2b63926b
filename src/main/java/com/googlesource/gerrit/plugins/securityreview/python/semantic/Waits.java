package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What ends a blocking wait ({@code x.wait()}, {@code t.join()}, {@code f.result()}, {@code
 * p.communicate()}) when it passes no timeout: a wait is unbounded only when nothing else can end
 * it. Built once per file by {@link SemanticModel}.
 */
final class Waits {
  /** Functions whose iteration yields futures that are already done. */
  private static final Set<String> YIELDS_DONE = Set.of("concurrent.futures.as_completed");

  /** Functions returning {@code (done, not_done)}: the first part holds finished futures. */
  private static final Set<String> SPLITS_DONE =
      Set.of(
          "concurrent.futures.wait",
          "futurist.waiters.wait_for_all",
          "futurist.waiters.wait_for_any");

  /** Timeouts that interrupt whatever blocks while they are armed (eventlet's, asyncio's). */
  private static final Set<String> TIMEOUTS =
      Set.of(
          "eventlet.Timeout",
          "eventlet.timeout.Timeout",
          "os_ken.lib.hub.Timeout",
          "asyncio.timeout",
          "asyncio.timeout_at",
          "async_timeout.timeout");

  /** Methods that end a thread or timer when called on it. */
  private static final Set<String> THREAD_ENDERS = Set.of("cancel", "kill", "terminate", "stop");

  private final SemanticModel model;

  /** Module-level functions that run only on the script's entry path; built on first use. */
  private Set<Ast.FunctionLike> entryPath;

  Waits(SemanticModel model) {
    this.model = model;
  }

  /** What ends a wait call ({@code receiver.method(...)}), if anything but a timeout does. */
  Optional<WaitEnd> endOf(Ast.Call wait) {
    if (!(wait.func() instanceof Ast.Attribute method)) {
      return Optional.empty();
    }
    Expr receiver = method.value();
    Ast.FunctionLike fn = model.enclosingFunction(wait);
    if (isDone(receiver, wait)) {
      return Optional.of(WaitEnd.COMPLETED);
    }
    if (fn != null && isOwnWork(receiver, model.scopeOpenedBy(fn))) {
      return Optional.of(WaitEnd.OWN_WORK);
    }
    if (joinsThread(method, receiver) && toldToStop(receiver, wait)) {
      return Optional.of(WaitEnd.STOPPED);
    }
    if (underTimeout(wait)) {
      return Optional.of(WaitEnd.TIMEOUT_CONTEXT);
    }
    if (hasOwnDeadline(receiver)) {
      return Optional.of(WaitEnd.OWN_DEADLINE);
    }
    if (fn != null && isWaitWrapper(fn, wait, receiver)) {
      return Optional.of(WaitEnd.CALLER);
    }
    if (onEntryPath(wait)) {
      return Optional.of(WaitEnd.PROCESS_ENTRY);
    }
    if (inEndlessLoop(wait)) {
      return Optional.of(WaitEnd.SERVICE_LOOP);
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- completed futures

  /**
   * Whether a future is known to be done where it is waited on: the loop variable over {@code
   * as_completed(...)} or over the done part of {@code wait(...)}, or inside {@code if f.done():}
   * (or the else of {@code if not f.done():}).
   */
  private boolean isDone(Expr receiver, Ast.Call wait) {
    if (receiver instanceof Ast.Name n) {
      List<Binding> bindings = model.reachingBindings(n);
      if (!bindings.isEmpty() && bindings.stream().allMatch(this::bindsDoneFuture)) {
        return true;
      }
    }
    String key = SemanticModel.dotted(receiver);
    if (key == null) {
      return false;
    }
    Node inner = wait;
    for (Node n : model.ancestors(wait)) {
      if (n instanceof Ast.FunctionLike || n instanceof Ast.ClassDef) {
        return false;
      }
      if (n instanceof Ast.If branch) {
        Boolean done = doneTest(branch.test(), key);
        if (done != null && indexOf(done ? branch.body() : branch.orelse(), inner) >= 0) {
          return true;
        }
      }
      inner = n;
    }
    return false;
  }

  /** A loop variable over finished futures. */
  private boolean bindsDoneFuture(Binding b) {
    return (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET)
        && b.index() < 0
        && holdsDoneFutures(b.source());
  }

  /** Whether an iterable holds finished futures: {@code as_completed(fs)}, {@code wait(fs)[0]}. */
  private boolean holdsDoneFutures(Expr iterable) {
    if (iterable instanceof Ast.Call c) {
      return calls(c, YIELDS_DONE);
    }
    if (iterable instanceof Ast.Attribute a && a.attr().equals("done")) {
      Expr owner = a.value() instanceof Ast.Name n ? model.reachingValue(n) : a.value();
      return owner instanceof Ast.Call c && calls(c, SPLITS_DONE);
    }
    if (iterable instanceof Ast.Name n) {
      Binding b = model.reachingBinding(n);
      return b != null
          && b.index() == 0
          && b.source() instanceof Ast.Call c
          && calls(c, SPLITS_DONE);
    }
    return false;
  }

  /** True for {@code key.done()}, false for {@code not key.done()}, null for other tests. */
  private static Boolean doneTest(Expr test, String key) {
    if (test instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not) {
      Boolean inner = doneTest(u.operand(), key);
      return inner == null ? null : !inner;
    }
    if (test instanceof Ast.Call c
        && c.args().isEmpty()
        && c.func() instanceof Ast.Attribute a
        && a.attr().equals("done")
        && key.equals(SemanticModel.dotted(a.value()))) {
      return true;
    }
    return null;
  }

  // ---------------------------------------------------------------- work started here

  /**
   * Whether a thread or future was started by the function that waits for it: made right there
   * ({@code pool.submit(f).result()}), bound to a local from such a call, or a loop variable over a
   * local list of them (a comprehension, or appends in the function).
   */
  private boolean isOwnWork(Expr receiver, Scope fnScope) {
    if (isStartedWork(receiver, fnScope)) {
      return true;
    }
    if (!(receiver instanceof Ast.Name n)) {
      return false;
    }
    List<Binding> bindings = model.reachingBindings(n);
    return !bindings.isEmpty()
        && bindings.stream()
            .allMatch(
                b ->
                    (b.kind() == Binding.Kind.FOR_TARGET
                            || b.kind() == Binding.Kind.COMPREHENSION_TARGET)
                        ? b.index() < 0 && holdsStartedWork(b.source(), fnScope)
                        : b.scope() == fnScope
                            && b.isPlainAssignment()
                            && isStartedWork(b.value(), fnScope));
  }

  /** A thread or future started in the function: the call itself, or a local bound to one. */
  private boolean isStartedWork(Expr e, Scope fnScope) {
    if (e instanceof Ast.Call c) {
      ValueKind kind = model.kindOf(c);
      return kind == ValueKind.THREAD || kind == ValueKind.FUTURE;
    }
    if (e instanceof Ast.Name n) {
      List<Binding> bindings = model.reachingBindings(n);
      return !bindings.isEmpty()
          && bindings.stream()
              .allMatch(
                  b ->
                      b.scope() == fnScope
                          && b.isPlainAssignment()
                          && b.value() instanceof Ast.Call
                          && isStartedWork(b.value(), fnScope));
    }
    return false;
  }

  /** A local collection of threads or futures the function starts. */
  private boolean holdsStartedWork(Expr iterable, Scope fnScope) {
    switch (iterable) {
      case Ast.ListComp c -> {
        return isStartedWork(c.elt(), fnScope);
      }
      case Ast.GeneratorExp c -> {
        return isStartedWork(c.elt(), fnScope);
      }
      case Ast.Name n -> {
        List<Binding> bindings = model.reachingBindings(n);
        if (bindings.size() != 1
            || bindings.get(0).scope() != fnScope
            || !bindings.get(0).isPlainAssignment()) {
          return false;
        }
        Expr value = bindings.get(0).value();
        if (value instanceof Ast.ListComp || value instanceof Ast.GeneratorExp) {
          return holdsStartedWork(value, fnScope);
        }
        List<Ast.Call> appends = model.appendsTo(fnScope, n.id());
        return value instanceof Ast.List l
            && l.elts().isEmpty()
            && !appends.isEmpty()
            && appends.stream()
                .allMatch(a -> a.args().size() == 1 && isStartedWork(a.args().get(0), fnScope));
      }
      case null, default -> {
        return false;
      }
    }
  }

  // ---------------------------------------------------------------- stopped threads

  /** A join, or a wait on a thread (a greenthread's {@code wait()} joins it). */
  private boolean joinsThread(Ast.Attribute method, Expr receiver) {
    return method.attr().equals("join") || model.kindOf(receiver) == ValueKind.THREAD;
  }

  /**
   * Whether the function ends the thread before it joins it: a statement before the join sets an
   * event (the thread's stop flag) or cancels, kills, stops or terminates the same receiver.
   */
  private boolean toldToStop(Expr receiver, Ast.Call wait) {
    String key = SemanticModel.dotted(receiver);
    for (Stmt s : statementsBefore(wait)) {
      if (s instanceof Ast.ExprStmt e
          && e.value() instanceof Ast.Call c
          && c.func() instanceof Ast.Attribute a) {
        if (a.attr().equals("set") && model.kindOf(a.value()) == ValueKind.EVENT) {
          return true;
        }
        if (THREAD_ENDERS.contains(a.attr())
            && key != null
            && key.equals(SemanticModel.dotted(a.value()))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- enclosing timeouts

  /**
   * Whether a timeout is armed around the wait: an enclosing {@code with eventlet.Timeout(...)} (or
   * asyncio's), or one created earlier in the same function and still in force.
   */
  private boolean underTimeout(Ast.Call wait) {
    for (Node n : model.ancestors(wait)) {
      if (n instanceof Ast.FunctionLike || n instanceof Ast.ClassDef) {
        break;
      }
      if (n instanceof Ast.WithLike w) {
        for (Ast.WithItem item : w.items()) {
          if (isTimeout(item.contextExpr())) {
            return true;
          }
        }
      }
    }
    for (Stmt s : statementsBefore(wait)) {
      Expr armed =
          switch (s) {
            case Ast.Assign a -> a.value();
            case Ast.ExprStmt e -> e.value();
            default -> null;
          };
      if (isTimeout(armed)) {
        return true;
      }
    }
    return false;
  }

  private boolean isTimeout(Expr e) {
    return e instanceof Ast.Call c && calls(c, TIMEOUTS);
  }

  // ---------------------------------------------------------------- self-limiting commands

  /**
   * Whether a child process's command bounds itself: {@code ping} with a deadline ({@code -w}) or a
   * reply timeout ({@code -W}), or a command run under coreutils' {@code timeout}.
   */
  private boolean hasOwnDeadline(Expr receiver) {
    Expr started = receiver instanceof Ast.Name n ? model.reachingValue(n) : receiver;
    if (!(started instanceof Ast.Call popen)
        || !"subprocess.Popen".equals(model.standardCallName(popen))) {
      return false;
    }
    List<String> argv = literalArgv(argument(popen, 0, "args"));
    if (argv.isEmpty()) {
      return false;
    }
    String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return switch (program) {
      case "timeout" -> true;
      case "ping" -> argv.stream().skip(1).anyMatch(a -> a.startsWith("-w") || a.startsWith("-W"));
      case "rsync" -> argv.stream().skip(1).anyMatch(a -> a.startsWith("--timeout="));
      default -> false;
    };
  }

  /**
   * The literal words of a command from its start: the constant leading elements of a list, or a
   * constant command line split at spaces; empty when its program is not a constant.
   */
  private List<String> literalArgv(Expr args) {
    if (args == null) {
      return List.of();
    }
    List<Expr> elements = model.sequenceElements(args);
    if (elements == null) {
      return model.constantString(args).map(s -> List.of(s.trim().split("\\s+"))).orElse(List.of());
    }
    List<String> words = new ArrayList<>();
    for (Expr e : elements) {
      // A computed word keeps its literal start ('--timeout=%d' % t); an address or a size has
      // none, and the literal words around it still say what runs.
      String word = model.constantString(e).orElseGet(() -> model.constantPrefix(e));
      if (word != null && !word.isEmpty()) {
        words.add(word);
      }
    }
    boolean programIsLiteral =
        !elements.isEmpty() && model.constantString(elements.get(0)).isPresent();
    return programIsLiteral ? words : List.of();
  }

  private static Expr argument(Ast.Call call, int position, String name) {
    for (Ast.Keyword k : call.keywords()) {
      if (name.equals(k.arg())) {
        return k.value();
      }
    }
    if (position < call.args().size() && !(call.args().get(position) instanceof Ast.Starred)) {
      return call.args().get(position);
    }
    return null;
  }

  // ---------------------------------------------------------------- wait wrappers

  /**
   * Whether a function exists to block, so its caller owns the bound: its whole body is the wait,
   * either handing back the result of a wait on something it already holds ({@code return
   * self._future.result()}) or waiting on what its caller passed in ({@code for t in threads:
   * t.join()}). A function that starts the work it then waits for is not one.
   */
  private boolean isWaitWrapper(Ast.FunctionLike fn, Ast.Call wait, Expr receiver) {
    List<Stmt> body = withoutDocstring(fn.body());
    if (body.size() != 1) {
      return false;
    }
    Stmt only = body.get(0);
    Ast.ForLike loop = only instanceof Ast.ForLike f && f.body().size() == 1 ? f : null;
    Stmt single = loop != null ? loop.body().get(0) : only;
    if (loop == null && handsBack(single, wait) && !(receiver instanceof Ast.Call)) {
      return true;
    }
    if (!(single instanceof Ast.ExprStmt e && e.value() == wait) && !handsBack(single, wait)) {
      return false;
    }
    Expr waitedOn = loop != null && isName(loop.target(), receiver) ? loop.iter() : receiver;
    return waitedOn instanceof Ast.Name n && model.isParameter(n);
  }

  private static boolean isName(Expr target, Expr receiver) {
    return target instanceof Ast.Name t && receiver instanceof Ast.Name r && t.id().equals(r.id());
  }

  private static List<Stmt> withoutDocstring(List<Stmt> body) {
    return SemanticModel.docstring(body) == null ? body : body.subList(1, body.size());
  }

  private static boolean handsBack(Stmt s, Ast.Call wait) {
    return switch (s) {
      case Ast.Return r -> r.value() == wait;
      case Ast.ExprStmt e -> e.value() instanceof Ast.Yield y && y.value() == wait;
      default -> false;
    };
  }

  // ---------------------------------------------------------------- script entry path

  /**
   * Whether a wait runs only on the entry path of a script: under its {@code if __name__ ==
   * '__main__':} guard, or in a function called from there (or only from such functions). The
   * process is the wait's owner: an operator or a supervisor that ends the process bounds it.
   */
  private boolean onEntryPath(Ast.Call wait) {
    Set<Ast.FunctionLike> entry = entryPath();
    for (Node n : model.ancestors(wait)) {
      if (n instanceof Ast.FunctionLike f && entry.contains(f)) {
        return true;
      }
      if (n instanceof Ast.If i && isMainGuard(i)) {
        return true;
      }
    }
    return false;
  }

  private Set<Ast.FunctionLike> entryPath() {
    if (entryPath != null) {
      return entryPath;
    }
    Map<String, Ast.FunctionLike> moduleFunctions = new HashMap<>();
    for (Stmt s : model.module().body()) {
      if (s instanceof Ast.FunctionLike f) {
        moduleFunctions.put(f.name(), f);
      }
    }
    // Every reference to a module function: who refers to it, and whether it is a plain call.
    Map<Ast.FunctionLike, List<Reference>> references = new IdentityHashMap<>();
    Set<Ast.FunctionLike> entry = Collections.newSetFromMap(new IdentityHashMap<>());
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Ast.Name name
            && moduleFunctions.get(name.id()) instanceof Ast.FunctionLike f
            && model.resolvingScope(name) == model.moduleScope()) {
          Node parent = model.parentOf(name);
          boolean called = parent instanceof Ast.Call c && c.func() == name;
          boolean fromGuard = model.ancestors(name).stream().anyMatch(Waits::isMainGuardNode);
          if (fromGuard && called) {
            entry.add(f);
          } else {
            references
                .computeIfAbsent(f, k -> new ArrayList<>())
                .add(new Reference(outermostFunction(name), called));
          }
        }
        return true;
      }
    }.visitAll(model.module().body());
    boolean grew = !entry.isEmpty();
    while (grew) {
      grew = false;
      for (Map.Entry<Ast.FunctionLike, List<Reference>> e : references.entrySet()) {
        if (!entry.contains(e.getKey())
            && e.getValue().stream().allMatch(r -> r.called() && entry.contains(r.from()))) {
          entry.add(e.getKey());
          grew = true;
        }
      }
    }
    entryPath = entry;
    return entry;
  }

  /** A reference to a module function: the module function it sits in, and whether it calls. */
  private record Reference(Ast.FunctionLike from, boolean called) {}

  private Ast.FunctionLike outermostFunction(Node node) {
    Ast.FunctionLike outer = null;
    for (Node n : model.ancestors(node)) {
      if (n instanceof Ast.FunctionLike f) {
        outer = f;
      }
    }
    return outer;
  }

  private static boolean isMainGuardNode(Node n) {
    return n instanceof Ast.If i && isMainGuard(i);
  }

  /** {@code if __name__ == '__main__':} */
  private static boolean isMainGuard(Ast.If i) {
    if (!(i.test() instanceof Ast.Compare c)
        || c.ops().size() != 1
        || c.ops().get(0) != Ast.CmpOp.Eq) {
      return false;
    }
    Expr left = c.left();
    Expr right = c.comparators().get(0);
    return (isDunderName(left) && isMainString(right))
        || (isDunderName(right) && isMainString(left));
  }

  private static boolean isDunderName(Expr e) {
    return e instanceof Ast.Name n && n.id().equals("__name__");
  }

  private static boolean isMainString(Expr e) {
    return e instanceof Ast.Constant k && "__main__".equals(k.value());
  }

  // ---------------------------------------------------------------- endless worker loops

  /**
   * Whether the wait sits in a {@code while True:} loop that never breaks or returns: a worker that
   * waits for its next event for as long as the process lives, where a timeout would only send it
   * back to waiting.
   */
  private boolean inEndlessLoop(Ast.Call wait) {
    for (Node n : model.ancestors(wait)) {
      if (n instanceof Ast.FunctionLike || n instanceof Ast.ClassDef || n instanceof Ast.ForLike) {
        return false;
      }
      if (n instanceof Ast.While w) {
        return w.test() instanceof Ast.Constant && model.isTruthy(w.test()) && !leaves(w);
      }
    }
    return false;
  }

  /** Whether a loop has a break of its own or a return: a way out other than an error. */
  private static boolean leaves(Ast.While loop) {
    boolean[] found = {false};
    new NodeVisitor() {
      private int depth;

      @Override
      protected boolean enter(Node node) {
        if (NodeVisitor.opensScope(node)) {
          return false;
        }
        switch (node) {
          case Ast.Return r -> found[0] = true;
          case Ast.Break b when depth == 0 -> found[0] = true;
          case Ast.While w -> depth++;
          case Ast.ForLike f -> depth++;
          default -> {}
        }
        return !found[0];
      }

      @Override
      protected void leave(Node node) {
        if (node instanceof Ast.While || node instanceof Ast.ForLike) {
          depth--;
        }
      }
    }.visitAll(loop.body());
    return found[0];
  }

  // ---------------------------------------------------------------- helpers

  /** Whether a call calls one of the named functions (imports resolved). */
  private boolean calls(Ast.Call c, Set<String> names) {
    String name = model.callName(c);
    return name != null && names.contains(name);
  }

  /**
   * The statements that run before a node's statement in its function, innermost block first: those
   * before it in its own block, then those before each enclosing statement.
   */
  private List<Stmt> statementsBefore(Node node) {
    List<Stmt> before = new ArrayList<>();
    Stmt stmt = model.statementOf(node);
    while (stmt != null && !(stmt instanceof Ast.FunctionLike) && !(stmt instanceof Ast.ClassDef)) {
      List<Stmt> block = model.blockOf(stmt);
      if (block != null) {
        int at = indexOf(block, stmt);
        for (int i = at - 1; i >= 0; i--) {
          before.add(block.get(i));
        }
      }
      stmt = enclosingStatement(stmt);
    }
    return before;
  }

  private Stmt enclosingStatement(Stmt stmt) {
    for (Node n = model.parentOf(stmt); n != null; n = model.parentOf(n)) {
      if (n instanceof Stmt s) {
        return s;
      }
    }
    return null;
  }

  /** The position of a node in a block by identity (records compare by value). */
  private static int indexOf(List<Stmt> block, Node stmt) {
    for (int i = 0; i < block.size(); i++) {
      if (block.get(i) == stmt) {
        return i;
      }
    }
    return -1;
  }
}
