package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitsTest {
  private static SemanticModel parse(String source) {
    ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
    return SemanticModel.of(r);
  }

  /** What ends the one call of {@code method} in the source. */
  private static Optional<WaitEnd> endOf(String source, String method) {
    SemanticModel model = parse(source);
    List<Ast.Call> calls = new ArrayList<>();
    Walk.preorder(
        model.module().body(),
        n -> {
          if (n instanceof Ast.Call c
              && c.func() instanceof Ast.Attribute a
              && a.attr().equals(method)) {
            calls.add(c);
          }
          return true;
        });
    assertThat(calls).hasSize(1);
    return model.waitEnd(calls.get(0));
  }

  @Test
  void futureFromAsCompletedIsDone() {
    String src =
        """
        from concurrent import futures
        def f(pending):
            for fut in futures.as_completed(pending):
                print(fut.result())
        """;
    assertThat(endOf(src, "result")).hasValue(WaitEnd.COMPLETED);
  }

  @Test
  void futureOfTheDonePartIsDone() {
    String src =
        """
        import concurrent.futures
        def f(pending):
            done, rest = concurrent.futures.wait(pending, timeout=5)
            for fut in done:
                print(fut.result())
        """;
    assertThat(endOf(src, "result")).hasValue(WaitEnd.COMPLETED);
  }

  @Test
  void futureCheckedDoneIsDone() {
    String src =
        """
        def f(fut):
            if not fut.done():
                return None
            else:
                print(fut.result())
        """;
    assertThat(endOf(src, "result")).hasValue(WaitEnd.COMPLETED);
  }

  @Test
  void futureInTheNotDoneBranchIsNot() {
    String src =
        """
        def f(fut):
            if not fut.done():
                print(fut.result())
        """;
    assertThat(endOf(src, "result")).isEmpty();
  }

  @Test
  void joinAfterTheStopEventIsSet() {
    String src =
        """
        import threading
        class S:
            def __init__(self):
                self._stop = threading.Event()
                self._t = threading.Thread(target=print)
            def halt(self):
                self._stop.set()
                self._t.join()
        """;
    assertThat(endOf(src, "join")).hasValue(WaitEnd.STOPPED);
  }

  @Test
  void joinBeforeTheStopEventIsNotEnded() {
    String src =
        """
        import threading
        class S:
            def __init__(self):
                self._stop = threading.Event()
                self._t = threading.Thread(target=print)
            def halt(self):
                self._t.join()
                self._stop.set()
        """;
    assertThat(endOf(src, "join")).isEmpty();
  }

  @Test
  void joinOfACancelledTimer() {
    String src =
        """
        import threading
        class S:
            def __init__(self):
                self._timer = threading.Timer(5, print)
            def halt(self):
                self._timer.cancel()
                self._timer.join()
        """;
    assertThat(endOf(src, "join")).hasValue(WaitEnd.STOPPED);
  }

  @Test
  void threadStartedAndJoinedHereIsOwnWork() {
    String src =
        """
        import threading
        def f():
            t = threading.Thread(target=print)
            t.start()
            t.join()
        """;
    assertThat(endOf(src, "join")).hasValue(WaitEnd.OWN_WORK);
  }

  @Test
  void futuresFannedOutHereAreOwnWork() {
    String src =
        """
        def f(pool, items):
            pending = []
            for i in items:
                fut = pool.submit(print, i)
                pending.append(fut)
            for fut in pending:
                print(fut.result())
        """;
    assertThat(endOf(src, "result")).hasValue(WaitEnd.OWN_WORK);
  }

  @Test
  void threadKeptOnSelfIsNotOwnWork() {
    String src =
        """
        import threading
        class S:
            def __init__(self):
                self._t = threading.Thread(target=print)
            def run(self):
                self._t.start()
                self._t.join()
        """;
    assertThat(endOf(src, "join")).isEmpty();
  }

  @Test
  void waitUnderAnEventletTimeout() {
    String src =
        """
        import eventlet
        def f(ev):
            with eventlet.Timeout(5):
                ev.wait()
        """;
    assertThat(endOf(src, "wait")).hasValue(WaitEnd.TIMEOUT_CONTEXT);
  }

  @Test
  void waitAfterArmingATimeout() {
    String src =
        """
        from eventlet import timeout
        def f(ev):
            t = timeout.Timeout(5)
            try:
                ev.wait()
            finally:
                t.cancel()
        """;
    assertThat(endOf(src, "wait")).hasValue(WaitEnd.TIMEOUT_CONTEXT);
  }

  @Test
  void pingWithADeadline() {
    String src =
        """
        import subprocess
        def f(ip):
            cmd = ['ping', '-c1', '-w1']
            cmd.append(ip)
            p = subprocess.Popen(cmd)
            p.wait()
        """;
    assertThat(endOf(src, "wait")).hasValue(WaitEnd.OWN_DEADLINE);
  }

  @Test
  void pingWithoutADeadline() {
    String src =
        """
        import subprocess
        def f(ip):
            p = subprocess.Popen(['ping', '-c', '1', ip])
            p.wait()
        """;
    assertThat(endOf(src, "wait")).isEmpty();
  }

  @Test
  void rsyncWithAnIoTimeout() {
    String src =
        """
        import subprocess
        def f(src, dst, seconds):
            args = ['rsync', '--quiet', '--timeout=%d' % seconds]
            args.extend([src, dst])
            p = subprocess.Popen(args)
            p.communicate()
        """;
    assertThat(endOf(src, "communicate")).hasValue(WaitEnd.OWN_DEADLINE);
  }

  @Test
  void commandUnderCoreutilsTimeout() {
    String src =
        """
        import subprocess
        def f():
            p = subprocess.Popen('timeout 5 sync', shell=True)
            p.communicate()
        """;
    assertThat(endOf(src, "communicate")).hasValue(WaitEnd.OWN_DEADLINE);
  }

  @Test
  void joinWrapperOverItsParameter() {
    String src =
        """
        def joinall(threads):
            for t in threads:
                t.join()
        """;
    assertThat(endOf(src, "join")).hasValue(WaitEnd.CALLER);
  }

  @Test
  void delegatingResult() {
    String src =
        """
        class H:
            def result(self):
                return self._fut.result()
        """;
    assertThat(endOf(src, "result")).hasValue(WaitEnd.CALLER);
  }

  @Test
  void aWaitAmongOtherStatementsIsNoWrapper() {
    String src =
        """
        class H:
            def result(self):
                print('waiting')
                return self._fut.result()
        """;
    assertThat(endOf(src, "result")).isEmpty();
  }

  @Test
  void waitOnTheScriptEntryPath() {
    String src =
        """
        import subprocess
        def call(args):
            p = subprocess.Popen(args)
            p.communicate()
        def main():
            call(['/bin/true'])
        if __name__ == '__main__':
            main()
        """;
    assertThat(endOf(src, "communicate")).hasValue(WaitEnd.PROCESS_ENTRY);
  }

  @Test
  void helperAlsoCalledFromServiceCodeIsNotOnTheEntryPath() {
    String src =
        """
        import subprocess
        def call(args):
            p = subprocess.Popen(args)
            p.communicate()
        def main():
            call(['/bin/true'])
        class Service:
            def run(self):
                call(['/bin/true'])
        if __name__ == '__main__':
            main()
        """;
    assertThat(endOf(src, "communicate")).isEmpty();
  }

  @Test
  void waitInAnEndlessWorkerLoop() {
    String src =
        """
        def run(ev):
            while True:
                ev.wait()
                ev.clear()
        """;
    assertThat(endOf(src, "wait")).hasValue(WaitEnd.SERVICE_LOOP);
  }

  @Test
  void waitInALoopThatBreaksIsNotAWorkerLoop() {
    String src =
        """
        def run(ev, ready):
            while True:
                ev.wait()
                if ready():
                    break
        """;
    assertThat(endOf(src, "wait")).isEmpty();
  }

  @Test
  void moduleRoleFromThePath() {
    SemanticModel plain = parse("import os\n");
    assertThat(plain.moduleRole("tools/install_venv.py")).isEqualTo(ModuleRole.DEV_TOOLING);
    assertThat(plain.moduleRole("devstack/tools/setup.py")).isEqualTo(ModuleRole.DEV_TOOLING);
    assertThat(plain.moduleRole("setup.py")).isEqualTo(ModuleRole.DEV_TOOLING);
    assertThat(plain.moduleRole("neutron/tools/helper.py")).isEqualTo(ModuleRole.SERVICE);
    assertThat(plain.moduleRole("neutron/agent/linux/utils.py")).isEqualTo(ModuleRole.SERVICE);
  }

  @Test
  void moduleRoleFromATestFrameworkImport() {
    assertThat(parse("import testtools\n").moduleRole("proj/common/base.py"))
        .isEqualTo(ModuleRole.TEST_HARNESS);
    assertThat(parse("from tempest.lib import base\n").moduleRole("tempest/lib/cli/base.py"))
        .isEqualTo(ModuleRole.TEST_HARNESS);
    assertThat(parse("from unittest import mock\n").moduleRole("proj/fakes.py"))
        .isEqualTo(ModuleRole.TEST_HARNESS);
    assertThat(parse("from proj import testing_utils\n").moduleRole("proj/x.py"))
        .isEqualTo(ModuleRole.SERVICE);
  }
}
