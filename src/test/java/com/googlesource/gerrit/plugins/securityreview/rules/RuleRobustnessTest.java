package com.googlesource.gerrit.plugins.securityreview.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.googlesource.gerrit.plugins.securityreview.testing.FileResultSubject.ids;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangedLines;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.EngineOptions;
import com.googlesource.gerrit.plugins.securityreview.engine.FileResult;
import org.junit.jupiter.api.Test;

/**
 * Code on which rules once threw, which turned them off for the rest of the file: handlers whose
 * type is computed ({@code except f():}, {@code except x[0]:}, OVN602 and OVN603), {@code
 * crypt.crypt} with a literal salt (PY301), and the empty handler body that error recovery leaves
 * (OVN602). All rules run, as a scan runs them; none may fail, and the findings after the
 * once-fatal code must still be reported.
 */
public class RuleRobustnessTest {
  /** Shared with the command-line test of the same code. */
  public static final String COMPUTED_HANDLER_TYPES =
      """
      import crypt


      def error_types():
          return (KeyError, ValueError)


      class OVNMechanismDriver:
          def update_port_precommit(self, context):
              try:
                  self._validate(context.current)
              except error_types():
                  pass
              try:
                  self._validate(context.current)
              except context.errors[0]:
                  pass
              try:
                  self._validate(context.current)
              except Exception:
                  pass


      class OVNClient:
          def _delete_lsp(self, port_id, kinds):
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except error_types():
                  pass
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except kinds[0]:
                  pass
              try:
                  self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
              except Exception:
                  pass


      def hash_password(pw):
          crypt.crypt(pw, "literal")
          return crypt.crypt(pw, crypt.METHOD_MD5)
      """;

  public static final String EMPTY_HANDLER_BODY =
      """
      class OVNClient:
          def _delete_port(self, port_id):
              try:
                  self._nb_idl.lsp_del(port_id).execute(check_error=True)
              except Exception:
          def _delete_lsp(self, port_id):
              try:
                  self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
              except Exception:
                  pass
      """;

  private static FileResult analyze(String source) {
    return new Engine(Rules.all(), EngineOptions.defaults())
        .analyze(
            "neutron/plugins/ml2/drivers/ovn/driver.py", source.getBytes(UTF_8), ChangedLines.ALL);
  }

  @Test
  void computedHandlerTypesAndLiteralSalt_noRuleFails_laterFindingsReported() {
    FileResult r = analyze(COMPUTED_HANDLER_TYPES);
    assertThat(r.ruleFailures()).isEmpty();
    assertThat(r.diagnostics()).isEmpty();
    // After the handlers of computed types: the precommit hook's swallowed Exception, the
    // swallowed OVSDB write, and after the literal salt the MD5 one.
    assertThat(ids(r)).containsExactly("OVN603@20", "OVN602@36", "PY301@42");
  }

  @Test
  void emptyHandlerBodyFromRecovery_noRuleFails_laterFindingsReported() {
    FileResult r = analyze(EMPTY_HANDLER_BODY);
    assertThat(r.ruleFailures()).isEmpty();
    assertThat(ids(r)).containsExactly("SR001@6", "OVN602@9");
  }
}
