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
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Binding;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Guard;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

              - `verify=False` on a TLS client: a callable of an imported library (requests, httpx,
                keystoneauth sessions, OpenStack clients: `verify` is their TLS switch) or a method
                of an HTTP session (`requests.Session()`, also kept on `self`);
              - `insecure=True` on any call (keystoneauth loading, OpenStack clients);
              - any use of `ssl._create_unverified_context` (Bandit B323, Ruff S323), called or
                assigned to `ssl._create_default_https_context`;
              - `ssl.CERT_NONE` passed as an argument (`cert_reqs=ssl.CERT_NONE`), assigned
                (`ctx.verify_mode = ssl.CERT_NONE`) or put in a dict;
              - `check_hostname = False` assigned to an attribute, and `check_hostname=False` /
                `assert_hostname=False` arguments.

              A name counts as `False` only when every assignment that may reach the use is.

              Silent: values read from configuration (`verify=not conf.insecure`,
              `insecure=cfg.CONF.nova.insecure`, `verify=verify_cert`) because the operator chooses
              them; code in a branch that one such setting selects (`if conf.insecure:`, `if not
              self.verify_ssl:`, a caller's `insecure=True` passed down, `if verify: return`
              before it) when the other branch keeps verification on: that is the operator's
              escape hatch. A branch chosen by a computed value (a URL's scheme), one whose other
              branch switches verification off too, or one that tests a CA file and falls back to
              no verification without it, is still flagged. Also silent: a `verify` keyword on
              methods of objects the file does not show and on functions of the file (their
              `verify` may mean anything, such as a checksum); server-side contexts
              (`ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`, `Purpose.CLIENT_AUTH`, socket options with
              `server_side=True`), where `CERT_NONE` only means that no client certificate is
              asked for; comparisons such as `if ctx.verify_mode == ssl.CERT_NONE:`;
              `urllib3.disable_warnings(...)`, which only hides the warning (a hint, not the hole:
              the hole is the `verify=False` next to it, which is flagged); and test code, where
              mocks assert these very arguments. `# nosec B501`, `# nosec B323`, `# noqa: S501` and
              `# noqa: S323` suppress a finding, as does `# security-review: ignore[OVN404]`, also on
              the last line of the call.

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

  /** What an SSL context is made with when it is a server's: it asks clients for nothing. */
  private static final Set<String> SERVER_SIDE =
      Set.of("ssl.PROTOCOL_TLS_SERVER", "ssl.Purpose.CLIENT_AUTH");

  public TlsVerifyDisabled() {
    super(META);
    on(Ast.Call.class, this::visitCall);
    onNamesFrom(Ast.Attribute.class, Set.of("ssl"), this::visitAttribute);
    onNamesFrom(Ast.Name.class, Set.of("ssl"), this::visitName);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.Dict.class, this::visitDict);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Keyword k : c.keywords()) {
      String message = k.arg() == null ? null : keywordMessage(model, c, k);
      if (message != null && !chosenBySetting(model, c)) {
        // From the keyword to the end of the call: a suppression on the call's last line counts.
        Ast.Loc loc =
            new Ast.Loc(k.loc().line(), k.loc().col(), c.loc().endLine(), c.loc().endCol());
        ctx.report(this, loc, message, null);
      }
    }
  }

  /** What a keyword of a call switches off, or null. */
  private static String keywordMessage(SemanticModel model, Ast.Call c, Keyword k) {
    if (k.arg().equals("verify") && alwaysFalse(model, k.value()) && isTlsClient(model, c)) {
      return "Certificate verification is switched off with `verify=False`.";
    }
    if (k.arg().equals("insecure") && alwaysTrue(model, k.value())) {
      return "Certificate verification is switched off with `insecure=True`.";
    }
    if (HOSTNAME_KEYWORDS.contains(k.arg()) && alwaysFalse(model, k.value())) {
      return "Host name verification is switched off with `" + k.arg() + "=False`.";
    }
    if (isCertNone(model, k.value()) && !isTrueKeyword(model, c, "server_side")) {
      return "Certificate verification is switched off with `ssl.CERT_NONE`.";
    }
    return null;
  }

  /**
   * A call whose {@code verify} is a TLS switch: a callable of an imported library ({@code
   * requests.get}, {@code keystoneauth1.session.Session}, an OpenStack client) or a method of an
   * HTTP session. Methods of other objects and functions of the file have their own {@code verify}.
   */
  private static boolean isTlsClient(SemanticModel model, Ast.Call c) {
    if (c.func() instanceof Ast.Attribute a && model.kindOf(a.value()) == ValueKind.HTTP_SESSION) {
      return true;
    }
    String dotted = SemanticModel.dotted(c.func());
    if (dotted == null) {
      return false;
    }
    return model.imports().isImported(DottedNames.firstPart(dotted));
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
    String message = assignMessage(model, a);
    if (message != null && !chosenBySetting(model, a)) {
      ctx.report(this, a, message);
    }
  }

  /** What an assignment switches off, or null. */
  private static String assignMessage(SemanticModel model, Ast.Assign a) {
    boolean certNone = isCertNone(model, a.value());
    // Only a store into check_hostname switches host names off: the value's constant is worked
    // out for those stores alone, not for every assignment of the file.
    boolean hostnameOff = !certNone && storesCheckHostname(a) && model.isFalse(a.value());
    if (!certNone && !hostnameOff) {
      return null;
    }
    for (Expr t : a.targets()) {
      if (t instanceof Ast.Attribute at && isServerContext(model, at.value())) {
        return null; // A server that asks no client certificate: the normal default.
      }
    }
    return certNone
        ? "Certificate verification is switched off with `ssl.CERT_NONE`."
        : "Host name verification is switched off.";
  }

  private static boolean storesCheckHostname(Ast.Assign a) {
    for (Expr t : a.targets()) {
      if (t instanceof Ast.Attribute at && at.attr().equals("check_hostname")) {
        return true;
      }
    }
    return false;
  }

  private void visitDict(Ast.Dict d, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if (dictMessage(model, d) != null && !chosenBySetting(model, d)) {
      for (Expr v : d.values()) {
        if (isCertNone(model, v)) {
          ctx.report(this, v, "Certificate verification is switched off with `ssl.CERT_NONE`.");
        }
      }
    }
  }

  /** What a dict of TLS options switches off (not for a server socket's options), or null. */
  private static String dictMessage(SemanticModel model, Ast.Dict d) {
    boolean certNone = false;
    for (int i = 0; i < d.keys().size(); i++) {
      Expr key = d.keys().get(i);
      if (key != null
          && model.constantString(key).filter("server_side"::equals).isPresent()
          && model.isTrue(d.values().get(i))) {
        return null;
      }
      certNone |= isCertNone(model, d.values().get(i));
    }
    return certNone ? "Certificate verification is switched off with `ssl.CERT_NONE`." : null;
  }

  /**
   * Whether the code is in a branch that an operator's setting selects: an {@code if} (or
   * conditional expression) testing one value handed in from outside ({@link
   * SemanticModel#settingRead}), whose other branch neither switches verification off too nor
   * passes that same value on (a CA file tested and then used: no CA means no verification, which
   * is the defect).
   */
  private static boolean chosenBySetting(SemanticModel model, Ast.Node node) {
    for (Guard g : model.guards(node)) {
      for (Expr condition : g.necessary()) {
        Expr setting = model.settingRead(condition);
        if (setting != null && !switchesOff(model, g.other()) && !passesOn(g.other(), setting)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether any of the nodes holds what this rule flags. */
  private static boolean switchesOff(SemanticModel model, List<? extends Ast.Node> nodes) {
    return anyNode(
        nodes,
        n ->
            switch (n) {
              case Ast.Call c ->
                  c.keywords().stream()
                      .anyMatch(k -> k.arg() != null && keywordMessage(model, c, k) != null);
              case Ast.Assign a -> assignMessage(model, a) != null;
              case Ast.Dict d -> dictMessage(model, d) != null;
              case Ast.Attribute at -> at.attr().equals(UNVERIFIED_CONTEXT);
              default -> false;
            });
  }

  /** Whether the nodes pass the tested value on: as an argument or an assigned value. */
  private static boolean passesOn(List<? extends Ast.Node> nodes, Expr setting) {
    String tested = SemanticModel.dotted(setting);
    return tested != null
        && anyNode(
            nodes,
            n ->
                switch (n) {
                  case Ast.Call c ->
                      c.args().stream().anyMatch(x -> tested.equals(SemanticModel.dotted(x)))
                          || c.keywords().stream()
                              .anyMatch(k -> tested.equals(SemanticModel.dotted(k.value())));
                  case Ast.Assign a -> tested.equals(SemanticModel.dotted(a.value()));
                  default -> false;
                });
  }

  private static boolean anyNode(List<? extends Ast.Node> roots, Predicate<Ast.Node> test) {
    ArrayDeque<Ast.Node> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      Ast.Node n = stack.pop();
      if (test.test(n)) {
        return true;
      }
      NodeVisitor.forEachChild(n, stack::push);
    }
    return false;
  }

  /** False on every path that reaches the use (a name set to False on one branch only is not). */
  private static boolean alwaysFalse(SemanticModel model, Expr e) {
    return onEveryBinding(model, e, model::isFalse);
  }

  private static boolean alwaysTrue(SemanticModel model, Expr e) {
    return onEveryBinding(model, e, model::isTrue);
  }

  private static boolean onEveryBinding(SemanticModel model, Expr e, Predicate<Expr> test) {
    if (!(e instanceof Ast.Name n)) {
      return test.test(e);
    }
    List<Binding> bindings = model.reachingBindings(n);
    if (bindings.isEmpty()) {
      return test.test(e);
    }
    for (Binding b : bindings) {
      Expr v = model.valueOf(b);
      if (v == null || !test.test(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTrueKeyword(SemanticModel model, Ast.Call c, String name) {
    for (Keyword k : c.keywords()) {
      if (name.equals(k.arg()) && model.isTrue(k.value())) {
        return true;
      }
    }
    return false;
  }

  /**
   * An SSL context made for a server ({@code ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)}, {@code
   * ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)}), also through a name bound to one.
   */
  private static boolean isServerContext(SemanticModel model, Expr e) {
    if (!(model.resolve(e) instanceof Ast.Call c)) {
      return false;
    }
    String callee = model.callName(c);
    if (!"ssl.SSLContext".equals(callee) && !"ssl.create_default_context".equals(callee)) {
      return false;
    }
    Expr first =
        RuleContext.argument(
            c, 0, "SSLContext".equals(DottedNames.lastPart(callee)) ? "protocol" : "purpose");
    return first != null && SERVER_SIDE.contains(model.qualifiedName(first));
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
    if (chosenBySetting(ctx.semantic(), e)) {
      return;
    }
    ctx.report(
        this,
        e,
        "`ssl._create_unverified_context` builds an SSL context that checks neither the"
            + " certificate nor the host name.");
  }
}
