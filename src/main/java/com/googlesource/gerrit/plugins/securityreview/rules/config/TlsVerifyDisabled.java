package com.googlesource.gerrit.plugins.securityreview.rules.config;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Set;

/** OVN404: TLS certificate or host name verification switched off with a constant. */
public final class TlsVerifyDisabled extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN404")
          .name("tls-verify-disabled")
          .title("TLS certificate or host name verification disabled")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.SECURITY_CONFIGURATION)
          .bandit("B501,B323")
          .ruff("S501,S323")
          .why(
              "Without verification anyone on the path (to Nova, Keystone, Designate or an OVSDB"
                  + " server) can impersonate the server and read or alter the traffic, tokens"
                  + " included.")
          .fix(
              "Keep verification on and pass a CA bundle; if operators need an escape hatch, read"
                  + " it from a configuration option (as `nova_metadata_insecure` does) instead of"
                  + " hard-coding it.")
          .doc(
              """
              ## What it does

              Flags TLS verification switched off with a constant (a literal, or a name whose
              value at that point is one):

              - `verify=False` on any call (requests, httpx, keystoneauth sessions and adapters,
                OpenStack clients: `verify` is their TLS switch);
              - `insecure=True` on any call (keystoneauth loading, OpenStack clients);
              - any use of `ssl._create_unverified_context` (Bandit B323, Ruff S323), called or
                assigned to `ssl._create_default_https_context`;
              - `ssl.CERT_NONE` passed as an argument (`cert_reqs=ssl.CERT_NONE`), assigned
                (`ctx.verify_mode = ssl.CERT_NONE`) or put in a dict;
              - `check_hostname = False` assigned to an attribute, and `check_hostname=False` /
                `assert_hostname=False` arguments.

              Silent: values read from configuration (`verify=not conf.insecure`,
              `insecure=cfg.CONF.nova.insecure`, `verify=verify_cert`) because the operator chooses
              them; comparisons such as `if ctx.verify_mode == ssl.CERT_NONE:`;
              `urllib3.disable_warnings(...)`, which only hides the warning (a hint, not the hole:
              the hole is the `verify=False` next to it, which is flagged); and test code, where
              mocks assert these very arguments. `# nosec B501`, `# nosec B323`, `# noqa: S501` and
              `# noqa: S323` suppress a finding, as does `# security-review: ignore[OVN404]`.

              ## Why it matters

              The Neutron server and agents talk HTTPS to Nova (notifications, metadata proxy),
              Keystone, Placement and Designate, and OVSDB over SSL. Turning verification off in
              code makes every deployment accept any certificate, with no way for the operator to
              turn it back on; a configuration option that defaults to verifying is the OpenStack
              way to allow exceptions.

              ## Example

              ```python
              resp = requests.request(method, url, headers=headers, verify=False, timeout=60)
              ```

              ## Use instead

              ```python
              verify = conf.auth_ca_cert or not conf.nova_metadata_insecure
              resp = requests.request(method, url, headers=headers, verify=verify, timeout=60)
              ```

              ## References

              - Bandit B501: request_with_no_cert_validation <https://bandit.readthedocs.io/en/latest/plugins/b501_request_with_no_cert_validation.html>
              - Ruff S501: request-with-no-cert-validation <https://docs.astral.sh/ruff/rules/request-with-no-cert-validation/>
              - Ruff S323: suspicious-unverified-context-usage <https://docs.astral.sh/ruff/rules/suspicious-unverified-context-usage/>
              - CWE-295: Improper Certificate Validation <https://cwe.mitre.org/data/definitions/295.html>
              """)
          .build();

  private static final Set<String> HOSTNAME_KEYWORDS = Set.of("check_hostname", "assert_hostname");

  private static final String UNVERIFIED_CONTEXT = "_create_unverified_context";

  public TlsVerifyDisabled() {
    super(META);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Attribute.class, this::visitAttribute);
    on(Ast.Name.class, this::visitName);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.Dict.class, this::visitDict);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Keyword k : c.keywords()) {
      if (k.arg() == null) {
        continue;
      }
      if (k.arg().equals("verify") && model.isFalse(k.value())) {
        ctx.report(this, k, "Certificate verification is switched off with `verify=False`.");
      } else if (k.arg().equals("insecure") && model.isTrue(k.value())) {
        ctx.report(this, k, "Certificate verification is switched off with `insecure=True`.");
      } else if (HOSTNAME_KEYWORDS.contains(k.arg()) && model.isFalse(k.value())) {
        ctx.report(this, k, "Host name verification is switched off with `" + k.arg() + "=False`.");
      } else if (isCertNone(model, k.value())) {
        ctx.report(this, k, "Certificate verification is switched off with `ssl.CERT_NONE`.");
      }
    }
  }

  private void visitAttribute(Ast.Attribute a, RuleContext ctx) {
    // The attribute name first: the links of a long chain are not each resolved.
    if (a.attr().equals(UNVERIFIED_CONTEXT)
        && ("ssl." + UNVERIFIED_CONTEXT).equals(ctx.semantic().qualifiedName(a))) {
      reportUnverified(ctx, a);
    }
  }

  private void visitName(Ast.Name n, RuleContext ctx) {
    if (("ssl." + UNVERIFIED_CONTEXT).equals(ctx.semantic().qualifiedName(n))) {
      reportUnverified(ctx, n);
    }
  }

  private void visitAssign(Ast.Assign a, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if (isCertNone(model, a.value())) {
      ctx.report(this, a, "Certificate verification is switched off with `ssl.CERT_NONE`.");
    } else if (model.isFalse(a.value())) {
      for (Expr t : a.targets()) {
        if (t instanceof Ast.Attribute at && at.attr().equals("check_hostname")) {
          ctx.report(this, a, "Host name verification is switched off.");
        }
      }
    }
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    for (Expr v : d.values()) {
      if (isCertNone(ctx.semantic(), v)) {
        ctx.report(this, v, "Certificate verification is switched off with `ssl.CERT_NONE`.");
      }
    }
  }

  private static boolean isCertNone(SemanticModel model, Expr e) {
    boolean candidate =
        switch (e) {
          case Ast.Attribute a -> a.attr().equals("CERT_NONE");
          case Ast.Name n -> true;
          case null, default -> false;
        };
    return candidate && "ssl.CERT_NONE".equals(model.qualifiedName(e));
  }

  private void reportUnverified(RuleContext ctx, Expr e) {
    ctx.report(
        this,
        e,
        "`ssl._create_unverified_context` builds an SSL context that checks neither the"
            + " certificate nor the host name.");
  }
}
