package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static com.googlesource.gerrit.plugins.securityreview.testing.TestRules.DANGER;
import static com.googlesource.gerrit.plugins.securityreview.testing.TestRules.meta;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A changed file against its base: only what the change introduces is reported. Uses the test rule
 * {@link com.googlesource.gerrit.plugins.securityreview.testing.TestRules#DANGER} ({@code danger()}
 * is TST100) and rules of its own for loops and growth.
 */
class BaseComparisonTest {
  private static final String PATH = "pkg/driver.py";

  /** TST400: {@code while True:} headers, to check that a compound statement counts by header. */
  static final Rule FOREVER =
      new Rule(meta("TST400", Severity.MEDIUM, Confidence.HIGH, true, null, null)) {
        {
          on(Node.class, this::visitNode);
        }

        private void visitNode(Node node, RuleContext ctx) {
          if (node instanceof Ast.While w
              && w.test() instanceof Ast.Constant c
              && Boolean.TRUE.equals(c.value())) {
            ctx.report(
                this, new Ast.Loc(w.loc().line(), w.loc().col(), w.loc().line(), 5), "", null);
          }
        }
      };

  /** TST500: reports on the first line of the new file when a base exists and it grew. */
  static final Rule GREW =
      new DiffRule(meta("TST500", Severity.MEDIUM, Confidence.HIGH, true, null, null)) {

        @Override
        public void compare(ChangeContext ctx) {
          if (ctx.current().module().body().size() > ctx.base().module().body().size()) {
            ctx.report(this, ctx.current().module().body().get(0), "The module grew.");
          }
        }
      };

  private static final List<Rule> RULES = List.of(new SyntaxErrorRule(), DANGER, FOREVER, GREW);

  private static FileResult compare(String base, String now, ChangedLines changed) {
    return new Engine(RULES, EngineOptions.defaults())
        .analyze(
            PATH,
            now.getBytes(UTF_8),
            changed,
            new BaseVersion(PATH, base == null ? null : base.getBytes(UTF_8), Set.of(PATH)));
  }

  private static List<String> found(FileResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList();
  }

  private static ChangedLines lines(int from, int to) {
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {from, to});
    return ChangedLines.of(ranges);
  }

  private static final String BASE =
      """
      import os


      class Driver:
          def sync(self, host, port):
              danger("ssh %s -p %d" % (host, port), shell=True)
              return True

          def poll(self):
              while True:
                  os.stat('/x')
      """;

  @Test
  void reformattedFileHasNoNewFinding() {
    String now =
        """
        import os


        class Driver:

            def sync(self, host, port):
                # Connect to the host.
                danger(
                    f'ssh {host} -p {port}',
                    shell=True,
                )
                return True

            def poll(self):
                while True:
                    os.stat("/x")
        """;
    FileResult r = compare(BASE, now, ChangedLines.ALL);
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(2);
  }

  @Test
  void strFormatKeepsTheFindingOld() {
    String now =
        BASE.replace("\"ssh %s -p %d\" % (host, port)", "'ssh {} -p {}'.format(host, port)");
    FileResult r = compare(BASE, now, lines(6, 6));
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(1);
  }

  @Test
  void movedFunctionKeepsItsFindingsOld() {
    String now =
        """
        import os


        class Driver:
            def poll(self):
                while True:
                    os.stat('/x')

            def sync(self, host, port):
                danger("ssh %s -p %d" % (host, port), shell=True)
                return True
        """;
    FileResult r = compare(BASE, now, lines(5, 11));
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(2);
  }

  @Test
  void newFlaggedCallInAnOldFunctionIsNew() {
    String now =
        BASE.replace("        return True\n", "        danger(host)\n        return True\n");
    FileResult r = compare(BASE, now, lines(7, 7));
    assertThat(found(r)).containsExactly("TST100@7");
    assertThat(r.preexisting()).isEqualTo(0);
    assertThat(r.unchanged()).isEqualTo(2);
  }

  @Test
  void aChangedFlaggedStatementIsNew() {
    String now = BASE.replace("(host, port), shell=True", "(host, port), shell=True, env=env");
    FileResult r = compare(BASE, now, lines(6, 6));
    assertThat(found(r)).containsExactly("TST100@6");
  }

  @Test
  void aCopyOfAnOldStatementIsNewOnlyOnce() {
    String line = "        danger(\"ssh %s -p %d\" % (host, port), shell=True)\n";
    String now = BASE.replace(line, line + line);
    FileResult r = compare(BASE, now, lines(7, 7));
    assertThat(found(r)).containsExactly("TST100@7");
    assertThat(r.unchanged()).isEqualTo(2);
  }

  @Test
  void theSameStatementInAnotherFunctionIsNew() {
    String now = BASE.replace("def sync(self", "def resync(self");
    FileResult r = compare(BASE, now, lines(5, 6));
    assertThat(found(r)).containsExactly("TST100@6");
  }

  @Test
  void aLoopHeaderKeepsItsFindingWhenOnlyItsBodyChanges() {
    String now = BASE.replace("os.stat('/x')", "os.stat('/y')\n            os.sync()");
    FileResult r = compare(BASE, now, lines(10, 12));
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(1);
  }

  @Test
  void removingASuppressionMakesTheFindingNew() {
    String base = BASE.replace("shell=True)", "shell=True)  # nosec");
    FileResult r = compare(base, BASE, lines(6, 6));
    assertThat(found(r)).containsExactly("TST100@6");
  }

  @Test
  void anAddedFileHasOnlyNewFindings() {
    FileResult r = compare(null, BASE, ChangedLines.ALL);
    assertThat(found(r)).containsExactly("TST500@1", "TST100@6", "TST400@10").inOrder();
    assertThat(r.preexisting()).isEqualTo(0);
  }

  @Test
  void aBaseThatDoesNotParseLeavesEveryFindingNew() {
    FileResult r = compare("print 'python 2'\n", BASE, ChangedLines.ALL);
    assertThat(found(r)).contains("TST100@6");
    assertThat(r.parsed()).isTrue();
  }

  @Test
  void diffRuleFindingsNeedABaseAndIgnoreTheChangedLines() {
    String now = BASE + "\n\nLIMIT = 1\n";
    FileResult withBase = compare(BASE, now, lines(14, 14));
    assertThat(found(withBase)).containsExactly("TST500@1");
    FileResult withoutBase =
        new Engine(RULES, EngineOptions.defaults())
            .analyze(PATH, now.getBytes(UTF_8), lines(14, 14));
    assertThat(found(withoutBase)).isEmpty();
  }

  @Test
  void diffRuleFindingsObeySuppressions() {
    String now = "import os  # nosec TST500\n" + BASE.substring("import os\n".length()) + "X = 1\n";
    FileResult r = compare(BASE, now, lines(13, 13));
    assertThat(found(r)).isEmpty();
    assertThat(r.suppressed()).isEqualTo(1);
  }

  @Test
  void fingerprintIsStableAcrossReformattingAndMoves() {
    String reformatted =
        """
        import os
        class Driver:
            def poll(self):
                while True:
                    os.stat('/x')
            def sync(self, host, port):
                danger(f"ssh {host} -p {port}", shell=True,)
                return True
        """;
    Engine engine = new Engine(RULES, EngineOptions.defaults());
    FileResult before = engine.analyze(PATH, BASE.getBytes(UTF_8), ChangedLines.ALL);
    FileResult after = engine.analyze(PATH, reformatted.getBytes(UTF_8), ChangedLines.ALL);
    assertThat(after.findings().stream().map(Finding::fingerprint).sorted().toList())
        .isEqualTo(before.findings().stream().map(Finding::fingerprint).sorted().toList());
    assertThat(before.findings().get(0).fingerprint()).matches("[0-9a-f]{16}");
  }

  @Test
  void repeatedFindingsGetNumberedFingerprints() {
    String twice = "danger(x)\ndanger(x)\n";
    FileResult r =
        new Engine(RULES, EngineOptions.defaults())
            .analyze(PATH, twice.getBytes(UTF_8), ChangedLines.ALL);
    assertThat(r.findings().get(1).fingerprint())
        .isEqualTo(r.findings().get(0).fingerprint() + "-1");
  }

  @Test
  void typeHintsAddedByAMypyCleanUpKeepFindingsOld() {
    String now =
        BASE.replace("def sync(self, host, port):", "def sync(self, host: str, port: int) -> bool:")
            .replace("def poll(self):", "def poll(self) -> None:");
    FileResult r = compare(BASE, now, ChangedLines.ALL);
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(2);
  }

  @Test
  void aFindingOnADecoratorKeepsItsKeyWhenTheSignatureChanges() {
    String base = "@danger(retries=3)\ndef sync(host):\n    return host\n";
    String now = "@danger(retries=3)\ndef sync(host, port=22):\n    return host\n";
    FileResult r = compare(base, now, ChangedLines.ALL);
    assertThat(found(r)).isEmpty();
    assertThat(r.preexisting()).isEqualTo(1);
    // The same decorator on another function is another finding.
    FileResult other = compare(base, now.replace("def sync", "def resync"), ChangedLines.ALL);
    assertThat(found(other)).containsExactly("TST100@1");
  }
}
