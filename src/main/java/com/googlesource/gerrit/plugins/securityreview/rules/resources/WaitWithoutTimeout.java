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
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OVN202: a blocking wait with no timeout: {@code Event.wait()}, {@code Condition.wait()}, {@code
 * Thread.join()}, {@code Queue.get()}, {@code Future.result()}, {@code Popen.wait()} and {@code
 * Popen.communicate()}.
 */
public final class WaitWithoutTimeout extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN202")
          .name("wait-without-timeout")
          .title("Blocking wait on an event, thread, queue, future or process with no timeout")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.RESOURCE_HANDLING)
          .why(
              "If what it waits for never happens (the OVN NB/SB connection never comes up, a"
                  + " worker thread hangs, a child process wedges), the calling thread blocks"
                  + " forever: an API worker or agent stops serving without an error in the logs.")
          .fix(
              "Pass a timeout and handle the timeout case (log, raise, or retry a bounded number of"
                  + " times).")
          .doc(
              """
              ## What it does

              Flags calls that block until something happens and pass no timeout: `wait()` on a
              `threading`/`eventlet`/`multiprocessing` `Event` or `Condition`; `join()` with no
              arguments (a thread or process: `str.join` always takes one); `result()` on a future;
              `wait()` and `communicate()` on a `subprocess.Popen`; and `get()` without `timeout=`
              or `block=False` on a reply queue (a queue the function itself creates and waits on).
              The receiver's kind comes from its assignment in the same file (`self._ready =
              threading.Event()`) or, when the file does not assign it, from its name (`*_event`,
              `*future*`). Stays silent in test code; in functions that stop a service or handle a
              signal (`stop`, `shutdown`, `close`, `cleanup`, `_handle_sigterm`, ...) and in
              `wait`/`join` wrappers, where blocking is the job; on long-lived work queues
              (`self._queue.get()`: consumer threads block until work arrives by design); on reply
              queues in functions that have their own timeout path (a timer that posts a timeout
              into the queue); on `Queue.join()` and `Pool.join()`, which take no timeout; and on
              `launcher.wait()`-style calls whose receiver is not known to be one of these kinds.
              Neutron's `wait_until_true()` is not flagged: it is bounded by default (60 s), and
              `timeout=None` makes it fail with a `TypeError` rather than wait forever.

              ## Why it matters

              The OVN mechanism driver and agents wait on events for their NB/SB connections
              (`post_fork_initialize` sets them); without a timeout, a connection that never comes
              up blocks every caller silently instead of failing with a message an operator can act
              on. The same holds for replies from threads that may die and for child processes that
              may hang.

              ## Example

              ```python
              @property
              def nb_ovn(self):
                  self._post_fork_event.wait()
                  return self._nb_ovn
              ```

              ## Use instead

              ```python
              @property
              def nb_ovn(self):
                  if not self._post_fork_event.wait(timeout=OVN_CONNECT_TIMEOUT):
                      raise RuntimeError("OVN NB connection not ready after %s s"
                                         % OVN_CONNECT_TIMEOUT)
                  return self._nb_ovn
              ```

              ## References

              - threading.Event.wait <https://docs.python.org/3/library/threading.html#threading.Event.wait>
              - subprocess.Popen.communicate <https://docs.python.org/3/library/subprocess.html#subprocess.Popen.communicate>
              - CWE-835: Loop with Unreachable Exit Condition <https://cwe.mitre.org/data/definitions/835.html>
              - CWE-400: Uncontrolled Resource Consumption <https://cwe.mitre.org/data/definitions/400.html>
              """)
          .build();

  private static final String EVENT = "event";
  private static final String CONDITION = "condition";
  private static final String THREAD = "thread";
  private static final String QUEUE = "queue";
  private static final String POOL = "pool";
  private static final String FUTURE = "future";
  private static final String POPEN = "popen";

  /** Constructors by qualified name, imports resolved. */
  private static final Map<String, String> CONSTRUCTORS =
      Map.ofEntries(
          Map.entry("threading.Event", EVENT),
          Map.entry("eventlet.event.Event", EVENT),
          Map.entry("multiprocessing.Event", EVENT),
          Map.entry("threading.Condition", CONDITION),
          Map.entry("multiprocessing.Condition", CONDITION),
          Map.entry("threading.Thread", THREAD),
          Map.entry("multiprocessing.Process", THREAD),
          Map.entry("queue.Queue", QUEUE),
          Map.entry("queue.LifoQueue", QUEUE),
          Map.entry("queue.PriorityQueue", QUEUE),
          Map.entry("queue.SimpleQueue", QUEUE),
          Map.entry("six.moves.queue.Queue", QUEUE),
          Map.entry("eventlet.queue.Queue", QUEUE),
          Map.entry("eventlet.queue.LightQueue", QUEUE),
          Map.entry("eventlet.queue.LifoQueue", QUEUE),
          Map.entry("eventlet.queue.PriorityQueue", QUEUE),
          Map.entry("multiprocessing.Queue", QUEUE),
          Map.entry("multiprocessing.JoinableQueue", QUEUE),
          Map.entry("multiprocessing.Pool", POOL),
          Map.entry("multiprocessing.pool.Pool", POOL),
          Map.entry("multiprocessing.pool.ThreadPool", POOL),
          Map.entry("eventlet.GreenPool", POOL),
          Map.entry("eventlet.greenpool.GreenPool", POOL),
          Map.entry("subprocess.Popen", POPEN),
          Map.entry("eventlet.green.subprocess.Popen", POPEN));

  private static final Set<String> WAITS =
      Set.of("wait", "wait_for", "join", "get", "result", "communicate");

  /**
   * Functions that stop a service, handle a termination signal or hand a wait on to their caller:
   * blocking there is what they are for.
   */
  private static final Pattern EXEMPT_FUNCTIONS =
      Pattern.compile(
          "stop|shutdown|close|cleanup|clean_up|terminate|kill|sigterm|signal|exit|__del__"
              + "|^_*wait$|^_*join$");

  /** Names that say a function has its own way out (a timer, a timeout path). */
  private static final Pattern TIMEOUT_WORDS = Pattern.compile("timeout|timer|deadline");

  public WaitWithoutTimeout() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Call call)
        || !(call.func() instanceof Ast.Attribute method)
        || RuleContext.hasUnpacking(call)) {
      return;
    }
    String name = method.attr();
    if (!WAITS.contains(name)) {
      return;
    }
    String fn = ctx.enclosingFunctionName();
    if (fn != null && EXEMPT_FUNCTIONS.matcher(fn.toLowerCase(Locale.ROOT)).find()) {
      return;
    }
    Expr receiver = method.value();
    String kind = kindOf(receiver, ctx);
    if (name.equals("get") && !isRequestReplyQueue(receiver, ctx)) {
      return;
    }
    String what = waitWithoutTimeout(call, name, kind);
    if (what != null) {
      ctx.report(
          this,
          call,
          "`" + ctx.text(call.func()).replaceAll("\\s+", "") + "(...)` " + what + ".",
          null);
    }
  }

  /**
   * Whether a queue is a local reply channel: a name the function itself binds to a new queue, in a
   * function with no timeout of its own. Long-lived work queues ({@code self._queue}, module
   * globals) are read by consumer threads whose job is to block until work arrives.
   */
  private static boolean isRequestReplyQueue(Expr receiver, RuleContext ctx) {
    Ast.Stmt fn = ctx.enclosingFunction();
    if (!(receiver instanceof Ast.Name q) || fn == null) {
      return false;
    }
    boolean[] local = {false};
    boolean[] hasTimeout = {false};
    new NodeVisitor() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Ast.Assign a
            && a.targets().size() == 1
            && a.targets().get(0) instanceof Ast.Name t
            && t.id().equals(q.id())
            && a.value() instanceof Call c
            && QUEUE.equals(CONSTRUCTORS.get(String.valueOf(ctx.callName(c))))) {
          local[0] = true;
        }
        String id =
            switch (node) {
              case Ast.Name n -> n.id();
              case Ast.Attribute a -> a.attr();
              case Ast.FunctionDef f -> f.name();
              default -> null;
            };
        if (id != null && TIMEOUT_WORDS.matcher(id.toLowerCase(Locale.ROOT)).find()) {
          hasTimeout[0] = true;
        }
        return true;
      }
    }.visitAll(RuleContext.functionBody(fn));
    return local[0] && !hasTimeout[0];
  }

  /** What is wrong with the call, or null when it is bounded or not a wait we know. */
  private static String waitWithoutTimeout(Call call, String name, String kind) {
    boolean noArgs = call.args().isEmpty() && call.keywords().isEmpty();
    switch (name) {
      case "wait" -> {
        if ((EVENT.equals(kind) || CONDITION.equals(kind) || POPEN.equals(kind))
            && unbounded(RuleContext.argument(call, 0, "timeout"))) {
          return "waits on " + article(kind) + " with no timeout";
        }
      }
      case "wait_for" -> {
        if (CONDITION.equals(kind) && unbounded(RuleContext.argument(call, 1, "timeout"))) {
          return "waits on a condition with no timeout";
        }
      }
      case "join" -> {
        // str.join and os.path.join need arguments; a join() with none is a thread, a process,
        // a queue or a pool, and only threads and processes can take a timeout.
        if (noArgs && !QUEUE.equals(kind) && !POOL.equals(kind)) {
          return "waits for the thread to finish with no timeout";
        }
      }
      case "get" -> {
        if (QUEUE.equals(kind)
            && unbounded(RuleContext.argument(call, 1, "timeout"))
            && blocks(RuleContext.argument(call, 0, "block"))) {
          return "blocks on the queue with no timeout";
        }
      }
      case "result" -> {
        if (FUTURE.equals(kind) && unbounded(RuleContext.argument(call, 0, "timeout"))) {
          return "waits for the future with no timeout";
        }
      }
      case "communicate" -> {
        // communicate() is Popen's: no other common class has a method of that name.
        if ((POPEN.equals(kind) || kind == null || Receivers.OTHER.equals(kind))
            && unbounded(RuleContext.argument(call, 1, "timeout"))) {
          return "waits for the child process with no timeout";
        }
      }
      default -> {}
    }
    return null;
  }

  private static String article(String kind) {
    return switch (kind) {
      case EVENT -> "an event";
      case CONDITION -> "a condition";
      case POPEN -> "the child process";
      default -> "it";
    };
  }

  /** Whether a timeout argument leaves the wait unbounded: absent or None. */
  private static boolean unbounded(Expr timeout) {
    return timeout == null || (timeout instanceof Ast.Constant c && c.isNone());
  }

  /** Whether a queue's block argument blocks: absent or a literal true. */
  private static boolean blocks(Expr block) {
    return block == null
        || (block instanceof Ast.Constant c
            && (Boolean.TRUE.equals(c.value())
                || (c.value() instanceof java.math.BigInteger i && i.signum() != 0)));
  }

  /** The receiver's kind: from its assignment in the file, else from its name. */
  private String kindOf(Expr receiver, RuleContext ctx) {
    if (receiver instanceof Call) {
      // threading.Thread(...).join(), executor.submit(...).result()
      return classify(receiver, ctx);
    }
    Receivers receivers = ctx.state(this, () -> Receivers.of(ctx, value -> classify(value, ctx)));
    String kind = receivers.kindOf(ctx, receiver);
    if (kind != null && !Receivers.OTHER.equals(kind)) {
      return kind;
    }
    // Assigned from a factory the file does not show, or not at all: go by the name.
    return byName(Receivers.lastName(receiver));
  }

  /** The kind of object a value makes: a known constructor, or a future from submit(). */
  private static String classify(Expr value, RuleContext ctx) {
    if (!(value instanceof Call c)) {
      return null;
    }
    String ctor = CONSTRUCTORS.get(String.valueOf(ctx.callName(c)));
    if (ctor != null) {
      return ctor;
    }
    return c.func() instanceof Ast.Attribute a && a.attr().equals("submit") ? FUTURE : null;
  }

  /** A kind from a receiver's name, for receivers the file does not assign. */
  private static String byName(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("event") || n.endsWith("_evt")) {
      return EVENT;
    }
    if (n.endsWith("queue") || n.equals("q")) {
      return QUEUE;
    }
    if (n.contains("pool")) {
      return POOL;
    }
    if (n.contains("future") || n.equals("fut")) {
      return FUTURE;
    }
    return null;
  }
}
