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
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Binding;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.KindFact;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ModuleRole;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.IdentityHashMap;
import java.util.List;
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

              Flags calls that block until something happens, pass no timeout, and that nothing
              else ends: `wait()` on a `threading`/`eventlet`/`multiprocessing` `Event` or
              `Condition`; `join()` with no arguments on a thread or process; `result()` on a
              future; `wait()` and `communicate()` on a `subprocess.Popen`; and `get()` without
              `timeout=` or `block=False` on a reply queue (a queue the function itself creates and
              waits on). The receiver's kind must be known from where it comes from: its
              constructor (`threading.Event()`, `threading.Thread(...)`, `executor.submit(...)`),
              also kept in `self.x` in `__init__` and waited on in another method, or returned by a
              helper or a property, or its annotation or docstring. Its name (`*_event`,
              `*future*`) or the method's name alone is no evidence: a receiver nothing is known
              about, or known to be something else (a dict, an object of a class of the file), is
              left alone.

              A wait is unbounded only when nothing else can end it, so these are not flagged:

              - a future that is already done: the loop variable over `as_completed(...)` or over
                the done part of `wait(...)`, or inside `if f.done():` (the `else` of
                `if not f.done():`);
              - a thread or future the waiting function starts itself (a local from `Thread(...)`
                or `submit(...)`, or a loop over a local list of them): it ends when its work does,
                a join timeout would not stop that work, and the bound belongs in the work's own
                calls (where OVN203 and OVN201 look);
              - a join after the function told the thread to stop: an event set, or `cancel()`,
                `kill()`, `stop()` or `terminate()` on the same thread or timer, earlier in the
                function;
              - a wait under an armed timeout: inside `with eventlet.Timeout(...)` (or asyncio's
                `timeout()`), or after one is created earlier in the same function;
              - a child process whose command bounds itself: `ping` with `-w`/`-W`, `rsync` with
                `--timeout=`, or a command run under coreutils' `timeout`;
              - a wrapper whose whole body is the wait: it hands back the result of a wait on
                something it holds (`return self._future.result()`) or waits on what its caller
                passed in (`for t in threads: t.join()`); its caller owns the bound;
              - a wait on a script's entry path: under `if __name__ == '__main__':` or in a function
                only that path calls; whoever runs the process bounds it by ending it;
              - a wait at the top of a `while True:` loop that never breaks or returns: a worker
                waiting for its next event, where a timeout would only send it back to waiting.

              Also silent in test code and in modules that are not service code (see the module
              role in the semantic model): developer and CI tooling under a top-level `tools/`,
              `devstack/`, `playbooks/`, `doc/` or `releasenotes/` folder or `setup.py`, and
              test-suite support that imports a test framework (`unittest`, `testtools`,
              `oslotest`, `pytest`, tempest's test base), run under a CI job or a test runner whose
              limits bound it. Also silent in functions that stop a service or handle a signal
              (`stop`, `shutdown`, `close`, `cleanup`, `_handle_sigterm`, ...) and in `wait`/`join`
              wrappers, where blocking is the job; on long-lived work queues (`self._queue.get()`:
              consumer threads block until work arrives by design); on reply queues in functions
              that have their own timeout path (a timer that posts a timeout into the queue); and
              on `Queue.join()` and `Pool.join()`, which take no timeout. Neutron's
              `wait_until_true()` is not flagged: it is bounded by default (60 s), and
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

  private static final Set<String> WAITS =
      Set.of("wait", "wait_for", "join", "get", "result", "communicate");

  /**
   * Functions that stop a service, handle a termination signal or hand a wait on to their caller:
   * blocking there is what they are for.
   */
  private static final List<String> EXEMPT_WORDS =
      List.of(
          "stop",
          "shutdown",
          "close",
          "cleanup",
          "clean_up",
          "terminate",
          "kill",
          "sigterm",
          "signal",
          "exit",
          "__del__");

  /** Whether a function's name exempts its waits: asked for every wait-like call, no regex. */
  static boolean isExemptFunction(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : EXEMPT_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    // A wait() or join() of its own, however many leading underscores.
    String bare = DottedNames.withoutLeadingUnderscores(lower);
    return bare.equals("wait") || bare.equals("join");
  }

  /** Names that say a function has its own way out (a timer, a timeout path). */
  private static final Pattern TIMEOUT_WORDS = Pattern.compile("timeout|timer|deadline");

  public WaitWithoutTimeout() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (!(call.func() instanceof Ast.Attribute method)
        || !WAITS.contains(method.attr())
        || RuleContext.hasUnpacking(call)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    Ast.FunctionLike fn = model.enclosingFunction(call);
    if (fn != null && isExemptFunction(fn.name())) {
      return;
    }
    String name = method.attr();
    Expr receiver = method.value();
    if (name.equals("get") && !isRequestReplyQueue(receiver, fn, ctx)) {
      return;
    }
    String what = waitWithoutTimeout(call, name, model.kindFact(receiver), model);
    if (what != null
        && model.waitEnd(call).isEmpty()
        && model.moduleRole(ctx.path()) == ModuleRole.SERVICE) {
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
  private boolean isRequestReplyQueue(Expr receiver, Ast.FunctionLike fn, RuleContext ctx) {
    if (!(receiver instanceof Ast.Name q) || fn == null) {
      return false;
    }
    SemanticModel model = ctx.semantic();
    Binding b = model.reachingBinding(q);
    boolean local =
        b != null
            && b.scope() == model.scopeOpenedBy(fn)
            && b.value() instanceof Call created
            && model.kindFact(created).kind() == ValueKind.QUEUE;
    return local && !hasTimeoutPath(fn, ctx);
  }

  /** Whether a function mentions a timeout, a timer or a deadline; once per function. */
  private boolean hasTimeoutPath(Ast.FunctionLike fn, RuleContext ctx) {
    Map<Ast.FunctionLike, Boolean> known = ctx.state(this, IdentityHashMap::new);
    return known.computeIfAbsent(fn, WaitWithoutTimeout::mentionsTimeout);
  }

  private static boolean mentionsTimeout(Ast.FunctionLike fn) {
    return SemanticModel.spellsAny(
        fn.body(),
        (word, string) -> !string && TIMEOUT_WORDS.matcher(word.toLowerCase(Locale.ROOT)).find());
  }

  /** What is wrong with the call, or null when it is bounded or not a wait we know. */
  private static String waitWithoutTimeout(
      Call call, String name, KindFact receiver, SemanticModel model) {
    // A kind guessed from the receiver's name alone is no evidence of what it is.
    ValueKind kind = receiver.fromEvidence() ? receiver.kind() : ValueKind.UNKNOWN;
    boolean noArgs = call.args().isEmpty() && call.keywords().isEmpty();
    switch (name) {
      case "wait" -> {
        if ((kind == ValueKind.EVENT || kind == ValueKind.CONDITION || kind == ValueKind.PROCESS)
            && unbounded(RuleContext.argument(call, 0, "timeout"), model)) {
          return "waits on " + article(kind) + " with no timeout";
        }
      }
      case "wait_for" -> {
        if (kind == ValueKind.CONDITION
            && unbounded(RuleContext.argument(call, 1, "timeout"), model)) {
          return "waits on a condition with no timeout";
        }
      }
      case "join" -> {
        // Only a receiver known to be a thread or process: a queue's or a pool's join takes no
        // timeout, and the method's name alone says nothing of the receiver.
        if (noArgs && kind == ValueKind.THREAD) {
          return "waits for the thread to finish with no timeout";
        }
      }
      case "get" -> {
        if (kind == ValueKind.QUEUE
            && unbounded(RuleContext.argument(call, 1, "timeout"), model)
            && blocks(RuleContext.argument(call, 0, "block"), model)) {
          return "blocks on the queue with no timeout";
        }
      }
      case "result" -> {
        if (kind == ValueKind.FUTURE
            && unbounded(RuleContext.argument(call, 0, "timeout"), model)) {
          return "waits for the future with no timeout";
        }
      }
      case "communicate" -> {
        if (kind == ValueKind.PROCESS
            && unbounded(RuleContext.argument(call, 1, "timeout"), model)) {
          return "waits for the child process with no timeout";
        }
      }
      default -> {}
    }
    return null;
  }

  private static String article(ValueKind kind) {
    return switch (kind) {
      case EVENT -> "an event";
      case CONDITION -> "a condition";
      case PROCESS -> "the child process";
      default -> "it";
    };
  }

  /** Whether a timeout argument leaves the wait unbounded: absent or None. */
  private static boolean unbounded(Expr timeout, SemanticModel model) {
    return timeout == null || model.isNone(timeout);
  }

  /** Whether a queue's block argument blocks: absent or a true constant. */
  private static boolean blocks(Expr block, SemanticModel model) {
    return block == null || model.isTruthy(block);
  }
}
