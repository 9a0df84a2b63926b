package com.googlesource.gerrit.plugins.securityreview.engine;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.testing.TestRuleMeta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule is called for the node kinds it registered, and for nothing else. */
class DispatchTest {
  private static RuleMeta meta(String id) {
    return TestRuleMeta.of(id, Severity.LOW, Confidence.LOW, true, null, null);
  }

  @Test
  void sealedInterfaceStandsForEveryRecordOfIt() {
    assertThat(Dispatch.records(Ast.FunctionLike.class))
        .containsExactly(Ast.FunctionDef.class, Ast.AsyncFunctionDef.class);
    assertThat(Dispatch.records(Ast.Call.class)).containsExactly(Ast.Call.class);
    assertThat(Dispatch.records(Ast.Stmt.class)).contains(Ast.While.class);
  }

  @Test
  void ruleSeesOnlyItsKinds_inSourceOrder() {
    List<String> seen = new ArrayList<>();
    Rule functions =
        new Rule(meta("TST910")) {
          {
            on(Ast.FunctionLike.class, (f, ctx) -> seen.add("def " + f.name()));
            on(Ast.Return.class, (r, ctx) -> seen.add("return@" + r.loc().line()));
          }
        };
    new Engine(List.of(functions), EngineOptions.defaults())
        .analyze(
            "a.py",
            "x = f(1)\ndef a():\n    return 1\nasync def b():\n    return 2\n".getBytes(UTF_8),
            ChangedLines.ALL);
    assertThat(seen).containsExactly("def a", "return@3", "def b", "return@5").inOrder();
  }

  @Test
  void registeringANodeThatIsNeitherRecordNorSealedInterfaceFails() {
    assertThrows(IllegalArgumentException.class, () -> Dispatch.records(String.class));
  }
}
