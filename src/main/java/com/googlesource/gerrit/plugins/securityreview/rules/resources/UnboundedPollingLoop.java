package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ModuleRole;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OVN201: a polling loop ({@code while True:} or {@code while not ready():}) that sleeps between
 * attempts and has no deadline or retry bound.
 */
public final class UnboundedPollingLoop extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN201")
          .name("unbounded-polling-loop")
          .title("Polling loop sleeps with no deadline or retry bound")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.RESOURCE_HANDLING)
          .why(
              "If what it waits for never happens (a row that never appears in the NB, a server"
                  + " that never answers, an error that is not transient), the loop spins forever"
                  + " and holds its thread, its locks and its database session with no error in the"
                  + " logs.")
          .fix(
              "Bound it: give up after a deadline or a number of attempts (for example"
                  + " `neutron.common.utils.wait_until_true(..., timeout=...)` or tenacity with"
                  + " `stop=`), and log or raise when it gives up.")
          .doc(
              """
              ## What it does

              Flags `while True:` / `while 1:` loops that sleep (`time.sleep`, `eventlet.sleep`,
              `greenthread.sleep`, `self._sleep`, ...) and leave only when what they wait for
              happens (a `break`, `return` or `raise`), and `while not <predicate>:` loops that
              sleep, when nothing bounds them: no name such as `timeout`, `deadline`, `retries`,
              `attempt`, `max_*` or `count`, and no clock reading (`time.time()`,
              `time.monotonic()`), in the loop's condition, in an `if` inside it or in a comparison,
              and no enclosing `with eventlet.Timeout(...)`. Stays silent on service loops that
              never leave (no `break`, `return` or `raise` at all: they are meant to run for the
              life of the process), on `while not self._stop...`/`_exiting`/`_shutdown` loops (they
              end when the service stops), on queue-draining loops (`while not q.empty():`), on
              `sleep()` and `sleep(0)` (a cooperative yield, not a wait), on a sleep right before
              leaving the loop (a back-off, not a poll), and in test code. Also silent in modules
              that are not service code (the module role of the semantic model): developer and CI
              tooling under a top-level `tools/`, `devstack/`, `playbooks/`, `doc/` or
              `releasenotes/` folder or `setup.py`, and test-suite support that imports a test
              framework (`unittest`, `testtools`, `oslotest`, `pytest`, tempest's test base), run
              under a CI job or a test runner whose limits bound it.

              ## Why it matters

              A poll that waits for the OVN databases, the Neutron server or another process with no
              bound turns one missing row or one non-transient error into a hung worker: the request
              never completes, the thread and whatever it holds (locks, a DB session, an OVSDB
              transaction) are never released, and nothing is logged. A bound turns the hang into an
              error someone can act on.

              ## Example

              ```python
              def _wait_for_port_binding(self, port_id):
                  while True:
                      row = self._sb_idl.lookup('Port_Binding', port_id, default=None)
                      if row is not None and row.chassis:
                          return row
                      time.sleep(1)
              ```

              ## Use instead

              ```python
              def _wait_for_port_binding(self, port_id, timeout=60):
                  deadline = time.monotonic() + timeout
                  while time.monotonic() < deadline:
                      row = self._sb_idl.lookup('Port_Binding', port_id, default=None)
                      if row is not None and row.chassis:
                          return row
                      time.sleep(1)
                  raise PortBindingTimeout(port_id=port_id, timeout=timeout)
              ```

              ## References

              - CWE-835: Loop with Unreachable Exit Condition ('Infinite Loop') <https://cwe.mitre.org/data/definitions/835.html>
              - tenacity <https://tenacity.readthedocs.io/>
              """)
          .build();

  /** Identifiers that bound a loop when its tests or comparisons mention them. */
  private static final Pattern BOUND_WORDS =
      Pattern.compile(
          "timeout|time_out|timed_out|deadline|retr(y|ies)|attempt|max|limit|count|tries|elapsed"
              + "|expir|remaining|budget|give_up|older");

  /** Clock readings: a loop that compares one of them has a deadline. */
  private static final Pattern CLOCK_WORDS =
      Pattern.compile("time|now|utcnow|monotonic|perf_counter|start|start_time|end|end_time");

  /** Flags that end a service loop when the service stops. */
  private static final Pattern STOP_WORDS =
      Pattern.compile("stop|exit|shut|terminat|quit|kill|clos|cancel");

  public UnboundedPollingLoop() {
    super(META);
    on(Ast.While.class, this::visitWhile);
  }

  private void visitWhile(Ast.While loop, RuleContext ctx) {
    if (ctx.semantic().moduleRole(ctx.path()) != ModuleRole.SERVICE) {
      return; // tooling and test harness code: the CI job or the test runner bounds it
    }
    boolean forever = ctx.semantic().isTruthy(loop.test()) && loop.test() instanceof Ast.Constant;
    boolean polls = loop.test() instanceof Ast.UnaryOp u && u.op() == Ast.UnaryOperator.Not;
    if (!forever && !polls) {
      return;
    }
    if (polls && endsWithService(((Ast.UnaryOp) loop.test()).operand())) {
      return;
    }
    Scan scan = new Scan(ctx);
    scan.checkBlock(loop.body());
    scan.visitAll(loop.body());
    scan.visitAll(loop.orelse());
    if (scan.sleep == null || scan.bounded || scan.yields || mentionsBound(loop.test())) {
      return;
    }
    if (forever && !scan.leaves) {
      return; // a service loop: it is meant to run as long as the process does
    }
    if (insideTimeout(ctx)) {
      return;
    }
    Ast.Loc l = loop.loc();
    Ast.Loc t = loop.test().loc();
    String header = "while " + ctx.text(loop.test()).replaceAll("\\s+", " ");
    ctx.report(
        this,
        new Ast.Loc(l.line(), l.col(), t.endLine(), t.endCol()),
        "`"
            + header
            + ":` polls with `"
            + ctx.text(scan.sleep.func())
            + "()` and nothing bounds how long it waits.",
        null);
  }

  /** What the loop's own body holds; nested functions and classes do not count. */
  private static final class Scan extends NodeVisitor {
    private final RuleContext ctx;
    Call sleep;
    boolean leaves;
    boolean bounded;
    boolean yields;

    /** How many loops deep below the scanned one we are: a break there is not ours. */
    private int depth;

    Scan(RuleContext ctx) {
      this.ctx = ctx;
    }

    @Override
    protected boolean enter(Node node) {
      if (NodeVisitor.opensScope(node)) {
        return false;
      }
      switch (node) {
        case Ast.Return r -> leaves = true;
        case Ast.Raise r -> leaves = true;
        case Ast.Break b when depth == 0 -> leaves = true;
        case Ast.Yield y -> yields = true;
        case Ast.YieldFrom y -> yields = true;
        case Ast.If i -> bounded |= mentionsBound(i.test());
        case Ast.IfExp i -> bounded |= mentionsBound(i.test());
        case Ast.While w -> {
          bounded |= mentionsBound(w.test());
          depth++;
        }
        case Ast.ForLike f -> depth++;
        case Ast.Compare c -> bounded |= mentionsBound(c);
        default -> {}
      }
      if (node instanceof Stmt s) {
        for (List<Stmt> block : blocks(s)) {
          checkBlock(block);
        }
      }
      return true;
    }

    @Override
    protected void leave(Node node) {
      if (node instanceof Ast.While || node instanceof Ast.ForLike) {
        depth--;
      }
    }

    /** Finds a sleep statement that waits, not one that backs off right before leaving. */
    void checkBlock(List<Stmt> block) {
      for (int i = 0; i < block.size() && sleep == null; i++) {
        if (block.get(i) instanceof Ast.ExprStmt e
            && e.value() instanceof Call c
            && isSleep(c, ctx)
            && !(i + 1 < block.size() && leavesNow(block.get(i + 1)))) {
          sleep = c;
        }
      }
    }
  }

  /** The statement lists directly held by a statement. */
  private static List<List<Stmt>> blocks(Stmt s) {
    return switch (s) {
      case Ast.If i -> List.of(i.body(), i.orelse());
      case Ast.While w -> List.of(w.body(), w.orelse());
      case Ast.ForLike f -> List.of(f.body(), f.orelse());
      case Ast.WithLike w -> List.of(w.body());
      case Ast.Try t -> tryBlocks(t.body(), t.orelse(), t.finalbody(), t.handlers());
      case Ast.TryStar t -> tryBlocks(t.body(), t.orelse(), t.finalbody(), t.handlers());
      default -> List.of();
    };
  }

  private static List<List<Stmt>> tryBlocks(
      List<Stmt> body, List<Stmt> orelse, List<Stmt> finalbody, List<Ast.ExceptHandler> handlers) {
    List<List<Stmt>> blocks = new ArrayList<>(List.of(body, orelse, finalbody));
    for (Ast.ExceptHandler h : handlers) {
      blocks.add(h.body());
    }
    return blocks;
  }

  private static boolean leavesNow(Stmt s) {
    return s instanceof Ast.Break || s instanceof Ast.Return || s instanceof Ast.Raise;
  }

  /** time.sleep(n), eventlet.sleep(n), greenthread.sleep(n), self._sleep(n); not sleep(0). */
  private static boolean isSleep(Call c, RuleContext ctx) {
    String name = ctx.callName(c);
    if (name == null) {
      return false;
    }
    String last = SemanticModel.lastPart(name);
    if (!last.equals("sleep") && !last.equals("_sleep")) {
      return false;
    }
    // sleep() and sleep(0) only yield to other greenthreads.
    Expr seconds = RuleContext.argument(c, 0, "seconds");
    return seconds != null
        && !(seconds instanceof Ast.Constant && !ctx.semantic().isTruthy(seconds));
  }

  /** Whether a predicate is a stop flag or a queue drain, not something being waited for. */
  private static boolean endsWithService(Expr operand) {
    Expr target = operand instanceof Call c ? c.func() : operand;
    if (target instanceof Ast.Attribute a && a.attr().equals("empty")) {
      return true; // while not q.empty(): drains a queue
    }
    String dotted = SemanticModel.dotted(target);
    return dotted != null && STOP_WORDS.matcher(dotted.toLowerCase(Locale.ROOT)).find();
  }

  /** Whether an expression mentions a bound (a timeout, a counter) or reads a clock. */
  private static boolean mentionsBound(Expr e) {
    return SemanticModel.spellsAny(
        List.of(e),
        (word, string) -> {
          String lower = word.toLowerCase(Locale.ROOT);
          return !string
              && (BOUND_WORDS.matcher(lower).find() || CLOCK_WORDS.matcher(lower).matches());
        });
  }

  /** Whether the loop runs under a timeout: {@code with eventlet.Timeout(...)} around it. */
  private static boolean insideTimeout(RuleContext ctx) {
    for (Node n : ctx.ancestors()) {
      if (n instanceof Ast.WithLike w) {
        for (Ast.WithItem item : w.items()) {
          if (mentionsBound(item.contextExpr())) {
            return true;
          }
        }
      }
      if (n instanceof Ast.FunctionLike) {
        return false;
      }
    }
    return false;
  }
}
