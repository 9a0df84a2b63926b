package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import com.googlesource.gerrit.plugins.securityreview.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handlers the fixtures cannot hold, because a fixture must parse: the empty body that error
 * recovery leaves of a broken handler. The rules must neither throw nor judge it.
 */
class HandlerRecoveryTest {
  private static final String EMPTY_HANDLER =
      """
      class Driver:
          def update_port_postcommit(self, context):
              try:
                  context.go()
              except Exception:
      """;

  @Test
  void recoveryLeavesAnEmptyHandlerBody() {
    ParseResult parsed = PythonParser.parse(EMPTY_HANDLER.getBytes(UTF_8));
    List<Ast.ExceptHandler> handlers = new ArrayList<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Ast.Node n) {
        if (n instanceof Ast.ExceptHandler h) {
          handlers.add(h);
        }
        return true;
      }
    }.visit(parsed.module());
    assertThat(handlers).hasSize(1);
    assertThat(handlers.getFirst().body()).isEmpty();
  }

  @Test
  void rulesNeitherThrowNorReportOnAnEmptyHandler() {
    for (Rule rule : ExceptionRules.all()) {
      FileResult r =
          Fixtures.engine(rule)
              .analyze("driver.py", EMPTY_HANDLER.getBytes(UTF_8), ChangedLines.ALL);
      assertWithMessage("%s: rule failures", rule).that(r.ruleFailures()).isEmpty();
      assertWithMessage("%s: findings", rule)
          .that(r.findings().stream().filter(f -> f.ruleId().equals(rule.meta().id())))
          .isEmpty();
    }
  }
}
