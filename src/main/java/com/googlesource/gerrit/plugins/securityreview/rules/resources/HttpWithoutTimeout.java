package com.googlesource.gerrit.plugins.securityreview.rules.resources;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.Map;
import java.util.Set;

/** OVN203: an HTTP request with no timeout (requests, urllib, http.client, httplib2). */
public final class HttpWithoutTimeout extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN203")
          .name("http-without-timeout")
          .title("HTTP request with no timeout")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.RESOURCE_HANDLING)
          .bandit("B113")
          .ruff("S113")
          .why(
              "Without a timeout the call waits for as long as the peer keeps the connection open:"
                  + " a slow or hostile server (a metadata or Nova endpoint, a webhook) hangs the"
                  + " calling worker or agent thread indefinitely.")
          .fix(
              "Pass `timeout=` (seconds, or a `(connect, read)` tuple), typically from a config"
                  + " option.")
          .doc(
              """
              ## What it does

              Flags HTTP calls made without a timeout:
              `requests.get/post/put/patch/delete/head/options/request(...)` with no `timeout=`, the
              same methods on an HTTP session known by where it comes from (`requests.Session()`
              or a keystoneauth `Session`, assigned, kept in `self.x`, returned by a helper, or
              opened with `with ... as`; a session's name alone does not count),
              `urllib.request.urlopen(...)` and `http.client.HTTP(S)Connection(...)` with no timeout
              argument, and `httplib2.Http(...)` constructed with no timeout. `timeout=None` counts
              as none. Calls that pass `**kwargs` are left alone (the timeout may be in them).
              Applies to test code too, as Neutron's own Ruff configuration keeps S113 on in tests.

              ## Why it matters

              `requests` and `urllib` have no default timeout: a peer that accepts the connection
              and never answers blocks the caller forever. In an agent or API worker that is one
              fewer thread for every such request, until nothing is left; a tenant who controls the
              peer (a metadata proxy target, a webhook URL) can do it on purpose.

              ## Example

              ```python
              resp = requests.post(url, json=body, headers=headers, verify=verify_cert)
              ```

              ## Use instead

              ```python
              resp = requests.post(url, json=body, headers=headers, verify=verify_cert,
                                   timeout=cfg.CONF.http_timeout)
              ```

              ## References

              - Bandit B113: request_without_timeout <https://bandit.readthedocs.io/en/latest/plugins/b113_request_without_timeout.html>
              - Ruff S113 <https://docs.astral.sh/ruff/rules/request-without-timeout/>
              - requests: Timeouts <https://requests.readthedocs.io/en/latest/user/advanced/#timeouts>
              """)
          .build();

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");

  /** Other HTTP entry points and the position of their timeout parameter. */
  private static final Map<String, Integer> TIMEOUT_POSITION =
      Map.of(
          "urllib.request.urlopen", 2,
          "six.moves.urllib.request.urlopen", 2,
          "http.client.HTTPConnection", 2,
          "http.client.HTTPSConnection", 2,
          "httplib2.Http", 1);

  @Override
  public boolean checksTestCode() {
    return true;
  }

  public HttpWithoutTimeout() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (RuleContext.hasUnpacking(call)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    String name = ctx.callName(call);
    Integer position = name == null ? null : TIMEOUT_POSITION.get(name);
    if (position != null) {
      if (unbounded(RuleContext.argument(call, position, "timeout"), model)) {
        ctx.report(this, call, "`" + name + "(...)` is called with no timeout.", null);
      }
      return;
    }
    if (name != null && isModuleCall(name)) {
      if (unbounded(RuleContext.keyword(call, "timeout"), model)) {
        ctx.report(this, call, "`" + name + "(...)` is called with no timeout.", null);
      }
      return;
    }
    if (call.func() instanceof Ast.Attribute method
        && METHODS.contains(method.attr())
        && model.kindOf(method.value()) == ValueKind.HTTP_SESSION
        && unbounded(RuleContext.keyword(call, "timeout"), model)) {
      String shown = ctx.text(method.value()).replaceAll("\\s+", "") + "." + method.attr();
      ctx.report(this, call, "`" + shown + "(...)` is called with no timeout.", null);
    }
  }

  /** requests.get(...), requests.api.get(...), or get(...) after "from requests import get". */
  private static boolean isModuleCall(String name) {
    int dot = name.lastIndexOf('.');
    String module = dot < 0 ? "" : name.substring(0, dot);
    return (module.equals("requests") || module.equals("requests.api"))
        && METHODS.contains(name.substring(dot + 1));
  }

  /** Whether a timeout argument leaves the call unbounded: absent or None. */
  private static boolean unbounded(Expr timeout, SemanticModel model) {
    return timeout == null || model.isNone(timeout);
  }
}
