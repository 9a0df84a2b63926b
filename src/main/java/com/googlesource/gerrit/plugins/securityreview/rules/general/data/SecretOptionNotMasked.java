package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Loc;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Located;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ConfigOption;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SecretNames;
import java.util.List;
import java.util.regex.Pattern;

/** PY205: an oslo.config option named like a secret without {@code secret=True}. */
public final class SecretOptionNotMasked extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY205")
          .name("secret-option-not-masked")
          .title(
              "Config option holding a password, token or key is not declared with `secret=True`")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.DATA)
          .why(
              "oslo.config writes every option's value to the log when the service starts"
                  + " (`log_opt_values`) and in sample or generated configs, masking only options"
                  + " declared secret.")
          .fix("Declare the option with `secret=True`.")
          .doc(
              """
              ## What it does

              Flags oslo.config text options (`cfg.StrOpt`, `cfg.Opt`, `URIOpt`, `ListOpt`,
              `DictOpt`, `MultiStrOpt`, and keystoneauth's `loading.Opt`) whose name (a literal, or
              a constant bound once) ends in a
              secret word (`password`, `passwd`, `pwd`, `passphrase`, `token`, `secret`,
              `credential(s)`, `api_key`, `secret_key`, `auth_key`, `psk`; not `access_key`, the
              public half of an EC2 or S3 credential) and that
              have no `secret=True` (a literal `False` counts as missing; any other expression is
              trusted). It stays silent on names that describe a secret without holding it
              (`*_file`, `*_path`, `*_dir`, `token_cache_time`, `use_token`), on `private_key` /
              `priv_key` / `ssl_key` options (in OpenStack they hold the path of a key file, as
              `ovn_nb_private_key` does), on options whose help text speaks of a file or path, or
              of an entry point (keystone's `[auth] password` option names the password auth
              plugin, not a password), and on test code. camelCase names are split into words
              (`vendorApiToken` is a token). Bandit and Ruff have no such check.

              ## Why it matters

              Neutron, like every oslo service, logs all its options at start-up at debug level
              (`CONF.log_opt_values`), and `oslo-config-generator` and `oslo.config`'s validator
              print them; only options declared with `secret=True` come out as `****`. A password
              option without the flag ends up in the logs of every deployment that turns debug on.

              ## Example

              ```python
              from oslo_config import cfg

              ovn_opts = [
                  cfg.StrOpt('ovn_nb_manager_password',
                             help='Password of the OVN NB manager user.'),
              ]
              ```

              ## Use instead

              ```python
              from oslo_config import cfg

              ovn_opts = [
                  cfg.StrOpt('ovn_nb_manager_password',
                             secret=True,
                             help='Password of the OVN NB manager user.'),
              ]
              ```

              ## References

              - oslo.config, Opt secret parameter <https://docs.openstack.org/oslo.config/latest/reference/opts.html>
              - CWE-532: Insertion of Sensitive Information into Log File <https://cwe.mitre.org/data/definitions/532.html>
              """)
          .build();

  /**
   * Help texts of options that hold something other than the secret: a file holding it, or the
   * entry point of a plugin named after it (keystone's {@code [auth] password}).
   */
  private static final Pattern NOT_SECRET_HELP =
      Pattern.compile(
          "(?i)\\b(?:file|files|filename|path|directory|location|entry[ -]?points?)\\b");

  public SecretOptionNotMasked() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    ConfigOption option = ctx.semantic().configOption(call).orElse(null);
    if (option == null || !option.holdsText()) {
      return;
    }
    String name = option.name();
    if (SecretNames.kind(name) == null || SecretNames.isPrivateKey(name)) {
      return;
    }
    Expr secret = option.secret();
    if (secret != null && !ctx.semantic().isFalse(secret)) {
      return;
    }
    String help = option.help() == null ? "" : option.help();
    if (NOT_SECRET_HELP.matcher(help).find() || RuleContext.hasUnpacking(call)) {
      return;
    }
    Fix fix;
    if (secret != null) {
      fix = new Fix("Set `secret=True`.", List.of(ctx.replace(secret, "True")));
    } else {
      Located last = lastArgument(call);
      fix =
          new Fix(
              "Add `secret=True`.", List.of(ctx.replace(last, ctx.text(last) + ", secret=True")));
    }
    ctx.report(
        this,
        call.args().isEmpty() ? call : call.args().get(0),
        "Option `" + name + "` is not declared with `secret=True`.",
        fix);
  }

  /** The argument that comes last in the source (keywords may come before positionals). */
  private static Located lastArgument(Call call) {
    Located last = null;
    for (Located a : call.args()) {
      last = later(last, a);
    }
    for (Located k : call.keywords()) {
      last = later(last, k);
    }
    return last;
  }

  private static Located later(Located a, Located b) {
    if (a == null) {
      return b;
    }
    Loc x = a.loc();
    Loc y = b.loc();
    boolean later =
        y.endLine() > x.endLine() || (y.endLine() == x.endLine() && y.endCol() > x.endCol());
    return later ? b : a;
  }
}
