package com.googlesource.gerrit.plugins.securityreview.rules.general.crypto;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** PY304: SSLv2, SSLv3, TLS 1.0 or TLS 1.1 selected, or {@code ssl.wrap_socket} without one. */
public final class InsecureTlsVersion extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("PY304")
          .name("insecure-tls-version")
          .title("Obsolete SSL/TLS protocol version selected")
          .severity(Severity.HIGH)
          .confidence(Confidence.HIGH)
          .family(Family.CRYPTO)
          .bandit("B502,B503,B504")
          .ruff("S502,S503,S504")
          .why(
              "SSLv2, SSLv3, TLS 1.0 and TLS 1.1 have known attacks (DROWN, POODLE, BEAST) and were"
                  + " deprecated by RFC 8996; pinning one of them also stops the connection from"
                  + " ever negotiating something better.")
          .fix(
              "Build the context with `ssl.create_default_context()` (or `ssl.PROTOCOL_TLS_CLIENT`"
                  + " / `PROTOCOL_TLS_SERVER`) and, if a floor is needed, set `minimum_version ="
                  + " ssl.TLSVersion.TLSv1_2`.")
          .doc(
              """
              ## What it does

              Flags the selection of an obsolete protocol version:

              - `ssl.PROTOCOL_SSLv2`, `PROTOCOL_SSLv3`, `PROTOCOL_TLSv1`, `PROTOCOL_TLSv1_1` and
                pyOpenSSL's `SSL.SSLv2_METHOD`, `SSLv3_METHOD`, `TLSv1_METHOD`, `TLSv1_1_METHOD`
                wherever they are used as a value: as an argument (`ssl_version=`, `method=`,
                `SSLContext(...)`, `SSL.Context(...)`; Bandit B502, Ruff S502), as a parameter
                default (Bandit B503, Ruff S503), assigned or put in a mapping;
              - `ssl.TLSVersion.SSLv3`, `TLSv1` and `TLSv1_1` used as a value (for example
                `ctx.minimum_version = ssl.TLSVersion.TLSv1`);
              - `ssl.wrap_socket(...)` without `ssl_version` (Bandit B504, Ruff S504): it is
                deprecated, was removed in Python 3.12, and gives no control over the protocol.

              Silent: comparisons (`if proto == ssl.PROTOCOL_TLSv1:`), membership tests, pyOpenSSL's
              `SSLv23_METHOD` and `ssl.PROTOCOL_SSLv23` (Ruff flags the former, but both are the
              legacy names of the negotiating `TLS_METHOD` / `PROTOCOL_TLS`, which OpenSSL 1.1 and
              later never let fall to SSLv3), and test code.

              ## Why it matters

              Neutron's OVSDB, metadata and RPC connections rely on the ssl module's defaults, which
              negotiate TLS 1.2 or 1.3. Code that pins an old version silently weakens every
              deployment that runs it, and no configuration option can undo a version hard-coded in
              a call or a default.

              ## Example

              ```python
              def connect(host, port, ssl_version=ssl.PROTOCOL_TLSv1):
                  ctx = ssl.SSLContext(ssl_version)
                  return ctx.wrap_socket(socket.create_connection((host, port)))
              ```

              ## Use instead

              ```python
              def connect(host, port):
                  ctx = ssl.create_default_context()
                  ctx.minimum_version = ssl.TLSVersion.TLSv1_2
                  return ctx.wrap_socket(
                      socket.create_connection((host, port)), server_hostname=host)
              ```

              ## References

              - Bandit B502: ssl_with_bad_version <https://bandit.readthedocs.io/en/latest/plugins/b502_ssl_with_bad_version.html>
              - Bandit B503: ssl_with_bad_defaults <https://bandit.readthedocs.io/en/latest/plugins/b503_ssl_with_bad_defaults.html>
              - Bandit B504: ssl_with_no_version <https://bandit.readthedocs.io/en/latest/plugins/b504_ssl_with_no_version.html>
              - Ruff S502: ssl-insecure-version <https://docs.astral.sh/ruff/rules/ssl-insecure-version/>
              - Ruff S503: ssl-with-bad-defaults <https://docs.astral.sh/ruff/rules/ssl-with-bad-defaults/>
              - Ruff S504: ssl-with-no-version <https://docs.astral.sh/ruff/rules/ssl-with-no-version/>
              - RFC 8996: Deprecating TLS 1.0 and TLS 1.1 <https://www.rfc-editor.org/rfc/rfc8996>
              - CWE-327: Use of a Broken or Risky Cryptographic Algorithm <https://cwe.mitre.org/data/definitions/327.html>
              """)
          .build();

  private static final Set<String> OLD_PROTOCOLS =
      Set.of(
          "PROTOCOL_SSLv2",
          "PROTOCOL_SSLv3",
          "PROTOCOL_TLSv1",
          "PROTOCOL_TLSv1_1",
          "SSLv2_METHOD",
          "SSLv3_METHOD",
          "TLSv1_METHOD",
          "TLSv1_1_METHOD");

  private static final Set<String> OLD_VERSIONS =
      Set.of("TLSVersion.SSLv3", "TLSVersion.TLSv1", "TLSVersion.TLSv1_1");

  /** The last part of every name {@link #obsoleteVersion} knows. */
  private static final Set<String> LAST_PARTS =
      Stream.concat(
              OLD_PROTOCOLS.stream(),
              OLD_VERSIONS.stream().map(v -> v.substring(v.lastIndexOf('.') + 1)))
          .collect(Collectors.toUnmodifiableSet());

  public InsecureTlsVersion() {
    super(META);
    onNamesFrom(Ast.Call.class, Set.of("ssl"), this::visitCall);
    // A qualified name's last part is spelled where the file writes it or imports it.
    onNamesFrom(Ast.Attribute.class, LAST_PARTS, this::checkReference);
    onNamesFrom(Ast.Name.class, LAST_PARTS, this::visitName);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    if ("ssl.wrap_socket".equals(ctx.semantic().callName(c))
        && RuleContext.keyword(c, "ssl_version") == null
        && !RuleContext.hasUnpacking(c)) {
      ctx.report(
          this,
          c.func(),
          "`ssl.wrap_socket()` is called without `ssl_version`; the function is deprecated"
              + " and gone in Python 3.12.");
    }
  }

  /** A name imported as the constant itself ({@code from ssl import PROTOCOL_TLSv1}). */
  private void visitName(Ast.Name n, RuleContext ctx) {
    if (n.ctx() == Ast.ExprContext.Load && ctx.imports().isImported(n.id())) {
      checkReference(n, ctx);
    }
  }

  private void checkReference(Expr e, RuleContext ctx) {
    if (ctx.parent() instanceof Ast.Attribute) {
      return; // Part of a longer chain, which is visited on its own.
    }
    if (e instanceof Ast.Attribute a && !LAST_PARTS.contains(a.attr())) {
      return; // An attribute's qualified name ends in the attribute: nothing obsolete.
    }
    // The name first: it is a lookup, while the comparison test below walks up the statement, and
    // every link of a long method chain is an attribute reference.
    String version = obsoleteVersion(ctx.semantic().qualifiedName(e));
    if (version == null || isTested(ctx)) {
      return;
    }
    if (isParameterDefault(e, ctx)) {
      ctx.report(this, e, "A parameter defaults to the obsolete protocol `" + version + "`.");
    } else {
      ctx.report(this, e, "The obsolete protocol `" + version + "` is selected.");
    }
  }

  /** The obsolete protocol or version a qualified name selects, or null. */
  private static String obsoleteVersion(String name) {
    if (name == null) {
      return null;
    }
    String last = name.substring(name.lastIndexOf('.') + 1);
    if (OLD_PROTOCOLS.contains(last)) {
      return last;
    }
    if (name.startsWith("ssl.")) {
      for (String v : OLD_VERSIONS) {
        if (name.endsWith("." + v)) {
          return v;
        }
      }
    }
    return null;
  }

  /** Whether the reference sits in a comparison or membership test rather than selecting. */
  private static boolean isTested(RuleContext ctx) {
    for (Node n : ctx.ancestors()) {
      if (n instanceof Ast.Compare) {
        return true;
      }
      if (n instanceof Ast.Stmt) {
        return false;
      }
    }
    return false;
  }

  private static boolean isParameterDefault(Expr e, RuleContext ctx) {
    return ctx.parent() instanceof Ast.Arguments args
        && (containsNode(args.defaults(), e) || containsNode(args.kwDefaults(), e));
  }

  private static boolean containsNode(List<Expr> list, Expr e) {
    for (Expr x : list) {
      if (x == e) {
        return true;
      }
    }
    return false;
  }
}
