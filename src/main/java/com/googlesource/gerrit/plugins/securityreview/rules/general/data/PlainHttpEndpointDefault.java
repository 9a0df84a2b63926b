package com.googlesource.gerrit.plugins.securityreview.rules.general.data;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ConfigOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PY206: an endpoint option whose default is a plain {@code http://} URL to another host. */
public final class PlainHttpEndpointDefault extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY206")
          .name("plain-http-endpoint-default")
          .title("Service endpoint option defaults to a plain `http://` URL")
          .severity(Severity.LOW)
          .confidence(Confidence.MEDIUM)
          .family(Family.DATA)
          .why(
              "Deployments that keep the default send tokens and passwords to that service in clear"
                  + " text, readable and alterable by anyone on the path.")
          .fix("Default to an `https://` URL, or to no default so that operators must set one.")
          .doc(
              """
              ## What it does

              Flags oslo.config text options (`cfg.StrOpt`, `cfg.URIOpt`, `cfg.Opt`, ...) named like
              an endpoint (`*url`, `*uri`, `*endpoint`, `*endpoints`, `*server`, `*host_url`) whose
              constant `default` (a literal, or built from literals and names bound once) is an
              `http://` URL. It stays silent when the URL's host is the
              local machine (`localhost`, `127.0.0.0/8`, `::1`): traffic that never leaves the host
              is not exposed on the wire; and on the link-local metadata address `169.254.169.254`,
              which Nova and the OVN metadata agent serve over plain HTTP by design, inside the
              instance's network. Test code is not checked. Bandit and Ruff have no such check.

              ## Why it matters

              Whoever deploys with the defaults talks to Keystone, Nova, Designate or Placement over
              plain HTTP, sending service credentials and tokens in clear text. A default pointing
              at a well-known host is rarely meant for production, so the severity is low; the rule
              is there so a new option does not ship a clear-text default unnoticed.

              ## Example

              ```python
              from oslo_config import cfg

              designate_opts = [
                  cfg.URIOpt('url', default='http://designate.example.org:9001/v2',
                             help='URL for connecting to designate'),
              ]
              ```

              ## Use instead

              ```python
              from oslo_config import cfg

              designate_opts = [
                  cfg.URIOpt('url', help='URL for connecting to designate'),
              ]
              ```

              ## References

              - CWE-319: Cleartext Transmission of Sensitive Information <https://cwe.mitre.org/data/definitions/319.html>
              - OpenStack Security Guide, secure communication <https://docs.openstack.org/security-guide/secure-communication.html>
              """)
          .build();

  /** Option names that hold the URL of a service. */
  private static final Pattern ENDPOINT_NAME =
      Pattern.compile("(?:^|_)(?:url|uri|endpoint|endpoints|server|host_url)$");

  private static final Pattern HTTP_URL =
      Pattern.compile("^http://(?:[^@/]*@)?(\\[[^\\]]*]|[^:/?#]*)", Pattern.CASE_INSENSITIVE);

  public PlainHttpEndpointDefault() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    ConfigOption option = ctx.semantic().configOption(call).orElse(null);
    if (option == null
        || !option.holdsText()
        || option.name() == null
        || option.defaultValue() == null
        || !ENDPOINT_NAME.matcher(NameWords.snake(option.name())).find()) {
      return;
    }
    String name = option.name();
    Expr def = option.defaultValue();
    String url = ctx.semantic().constantString(def).orElse(null);
    if (url == null) {
      return;
    }
    Matcher m = HTTP_URL.matcher(url.strip());
    if (!m.find() || isLocal(m.group(1).toLowerCase(Locale.ROOT))) {
      return;
    }
    ctx.report(this, def, "Option `" + name + "` defaults to the clear-text URL `" + url + "`.");
  }

  private static boolean isLocal(String host) {
    return host.isEmpty()
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("169.254.169.254")
        || host.equals("[fe80::a9fe:a9fe]")
        // A template such as http://%(host)s is filled in by code, not a fixed endpoint.
        || host.contains("%")
        || host.contains("{")
        || host.contains("$");
  }
}
