package com.googlesource.gerrit.plugins.securityreview.rules.general.hygiene;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.Set;

/** PY408: logging.config.listen() without a verify function. */
public final class LoggingConfigListen extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY408")
          .name("logging-config-listen")
          .title(
              "`logging.config.listen()` accepts logging configuration from the network unverified")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.HYGIENE)
          .bandit("B612")
          .ruff("S612")
          .why(
              "Whoever can connect to the port can send a configuration, and `fileConfig` evaluates"
                  + " parts of it, so a local user or a neighbouring process runs code in the"
                  + " service.")
          .fix(
              "Configure logging from files (oslo.log's `log_config_append`) or pass `verify=` a"
                  + " function that checks a signature before the configuration is applied.")
          .doc(
              """
              ## What it does

              Flags calls of `logging.config.listen(...)` (however the module is imported) that do
              not pass `verify` or pass a false constant for it (`None`, also through a name), as
              Bandit and Ruff do. Calls that pass `**kwargs` are left alone, since they may carry
              `verify`. Test code is not checked.

              ## Why it matters

              `listen()` starts a socket server that applies any logging configuration sent to it;
              its `fileConfig` format is evaluated with `eval`. OpenStack services configure logging
              through oslo.log, so a listener in a patch is either a debugging aid left in or a new
              remote configuration channel that needs authentication.

              ## Example

              ```python
              import logging.config

              def start_log_listener(port):
                  thread = logging.config.listen(port)
                  thread.start()
              ```

              ## Use instead

              ```python
              import logging.config

              def start_log_listener(port):
                  thread = logging.config.listen(port, verify=_check_signature)
                  thread.start()
              ```

              ## References

              - Bandit B612: logging_config_insecure_listen <https://bandit.readthedocs.io/en/latest/plugins/b612_logging_config_insecure_listen.html>
              - Ruff S612: logging-config-insecure-listen <https://docs.astral.sh/ruff/rules/logging-config-insecure-listen/>
              - Python: logging.config.listen <https://docs.python.org/3/library/logging.config.html#logging.config.listen>
              - CWE-94: Improper Control of Generation of Code <https://cwe.mitre.org/data/definitions/94.html>
              """)
          .build();

  public LoggingConfigListen() {
    super(META);
    // By the function's own name: most files import logging.
    onNamesFrom(Call.class, Set.of("listen"), this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if ("logging.config.listen".equals(ctx.semantic().callName(call))
        && !RuleContext.hasUnpacking(call)) {
      Expr verify = RuleContext.argument(call, 1, "verify");
      if (verify == null || ctx.semantic().isFalsy(verify)) {
        ctx.report(
            this, call.func(), "`logging.config.listen()` applies unverified configuration.");
      }
    }
  }
}
