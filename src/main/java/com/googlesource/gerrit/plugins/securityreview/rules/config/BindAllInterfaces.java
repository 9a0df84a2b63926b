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
import java.util.Optional;
import java.util.Set;

/** OVN405: a listening socket or server bound to all interfaces by a hard-coded address. */
public final class BindAllInterfaces extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN405")
          .name("bind-all-interfaces")
          .title("Hard-coded bind to all interfaces (0.0.0.0 or ::)")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.SECURITY_CONFIGURATION)
          .bandit("B104")
          .ruff("S104")
          .why(
              "A service bound to every interface is reachable from every network the host is on,"
                  + " including tenant-facing and external ones, and the operator cannot narrow"
                  + " it.")
          .fix(
              "Bind to a configured address (a `HostAddressOpt` the operator can set) or to the one"
                  + " address the service needs, such as 127.0.0.1 or the metadata address.")
          .doc(
              """
              ## What it does

              Flags the wildcard addresses `'0.0.0.0'` and `'::'` (literals, or names whose value
              is one) where code starts listening on them:

              - as the host of the address given to `bind(...)`, `listen(...)`,
                `create_server(...)`, `make_server(...)`, `run_simple(...)` and the `socketserver` /
                `http.server` / `wsgiref` server classes (`s.bind(('0.0.0.0', port))`,
                `eventlet.listen(('::', port))`);
              - as a `host=`, `bind_host=`, `bind_address=`, `bind_ip=`, `listen=`, `listen_host=`
                or `listen_address=` argument of any call.

              Silent, by decision: the `default=` of configuration options. Neutron ignores Ruff's
              S104 precisely because its API server's `bind_host` defaulting to `0.0.0.0` is
              deliberate and operator-configurable; flagging option defaults would only repeat that
              choice. Dict entries and subscript assignments (such as `spawn_kwargs['bind_address']
              = '::'` for the metadata proxy, which listens inside a router namespace) are not
              followed. Also silent: `''` (the empty host, which short-lived probes such as finding
              a free UDP port use), wildcards that are compared or returned rather than bound to
              (DNS and IPAM code treats `0.0.0.0` as 'any address' data), parameter defaults, and
              test code. With option defaults out, what is left is a hard-coded bind, hence medium
              confidence.

              ## Why it matters

              Neutron's agents run proxies and helper servers inside namespaces and on hosts that
              sit on management, tenant and external networks at once. A helper that binds `0.0.0.0`
              in code exposes itself on all of them, and unlike a configuration option the operator
              cannot restrict it. Listening on a specific address, or on an address the operator
              configures, keeps the exposure a deliberate deployment decision.

              ## Example

              ```python
              def start_health_server(app, port):
                  server = wsgi.Server('ovn-health')
                  server.start(app, port, host='0.0.0.0')
              ```

              ## Use instead

              ```python
              def start_health_server(app, port):
                  server = wsgi.Server('ovn-health')
                  server.start(app, port, host=cfg.CONF.health_check_bind_host)
              ```

              ## References

              - Bandit B104: hardcoded_bind_all_interfaces <https://bandit.readthedocs.io/en/latest/plugins/b104_hardcoded_bind_all_interfaces.html>
              - Ruff S104: hardcoded-bind-all-interfaces <https://docs.astral.sh/ruff/rules/hardcoded-bind-all-interfaces/>
              - CWE-1327: Binding to an Unrestricted IP Address <https://cwe.mitre.org/data/definitions/1327.html>
              """)
          .build();

  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::");

  /** Calls whose first argument is the address to listen on. */
  private static final Set<String> BIND_CALLS =
      Set.of(
          "bind",
          "listen",
          "create_server",
          "make_server",
          "run_simple",
          "TCPServer",
          "UDPServer",
          "ThreadingTCPServer",
          "ThreadingUDPServer",
          "HTTPServer",
          "ThreadingHTTPServer",
          "WSGIServer");

  /** Keyword arguments that name the address to listen on. */
  private static final Set<String> HOST_KEYWORDS =
      Set.of(
          "host",
          "bind_host",
          "bind_address",
          "bind_ip",
          "listen",
          "listen_host",
          "listen_address");

  public BindAllInterfaces() {
    super(META);
    on(Ast.Call.class, this::visitCall);
  }

  private void visitCall(Ast.Call c, RuleContext ctx) {
    String callee = ctx.semantic().callName(c);
    if (callee != null
        && BIND_CALLS.contains(DottedNames.lastPart(callee))
        && !c.args().isEmpty()) {
      Expr address = c.args().get(0);
      if (address instanceof Ast.Tuple t && !t.elts().isEmpty()) {
        address = t.elts().get(0);
      }
      check(ctx, address);
    }
    for (Keyword k : c.keywords()) {
      if (k.arg() != null && HOST_KEYWORDS.contains(k.arg())) {
        check(ctx, k.value());
      }
    }
  }

  private void check(RuleContext ctx, Expr address) {
    Optional<String> wildcard = ctx.semantic().constantString(address).filter(WILDCARDS::contains);
    if (wildcard.isPresent()) {
      ctx.report(
          this,
          address,
          String.format(
              "The service listens on `%s`, every interface of the host or namespace.",
              wildcard.get()));
    }
  }
}
