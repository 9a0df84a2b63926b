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
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ModuleRole;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OVN203: an HTTP request with no timeout (requests, urllib, http.client, httplib2), or with
 * httpx's default timeout turned off.
 */
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

              `httpx` differs: its request functions (`httpx.get/post/put/patch/delete/head/
              options/request/stream`) and the same methods of an `httpx.Client` or
              `httpx.AsyncClient` time out after 5 seconds of network inactivity unless told
              otherwise, so only an explicit `timeout=None` (or `httpx.Timeout(None)`) is flagged:
              on the request, or on the client's construction, where it turns the default off for
              every request the client makes.

              Stays silent in developer and CI tooling (the module role of the semantic model:
              modules under a top-level `tools/`, `devstack/`, `playbooks/`, `doc/` or
              `releasenotes/` folder, or `setup.py`): they run by hand or in a CI job whose own
              limits bound them.

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
              - HTTPX: Timeouts <https://www.python-httpx.org/advanced/timeouts/>
              """)
          .build();

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");

  /** httpx's request functions, also the request methods of its clients. */
  private static final Set<String> HTTPX_METHODS =
      Set.of("request", "get", "options", "head", "post", "put", "patch", "delete", "stream");

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

  /**
   * The packages of the functions above and of requests' and httpx's own: a call whose name
   * resolves under one needs the file to spell it.
   */
  private static final Set<String> PACKAGES =
      DottedNames.firstParts(TIMEOUT_POSITION.keySet(), List.of("requests", "httpx"));

  /**
   * The packages of the sessions and clients, and their names as a docstring's {@code :type} or a
   * string annotation writes them: a session or client value needs one or the other.
   */
  private static final Set<String> CLIENT_PACKAGES = SemanticModel.httpClientPackages();

  private static final Set<String> CLIENT_PREFIXES =
      CLIENT_PACKAGES.stream().map(p -> p + ".").collect(Collectors.toUnmodifiableSet());

  /**
   * What a file can hold of the libraries: names under {@link #PACKAGES} (worked out on its first
   * call), and sessions or clients (on its first call of a method they have, when no name needs the
   * model anyway).
   */
  private static final class Reach {
    final boolean names;
    Boolean clients;

    Reach(boolean names) {
      this.names = names;
    }
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (RuleContext.hasUnpacking(call)) {
      return;
    }
    Reach reach = ctx.state(this, () -> new Reach(ctx.spellsAny(PACKAGES)));
    if (!reach.names) {
      boolean method =
          call.func() instanceof Ast.Attribute a
              && (METHODS.contains(a.attr()) || HTTPX_METHODS.contains(a.attr()));
      if (!method) {
        return; // Neither a library's function nor a session's method: the model is not needed.
      }
      if (reach.clients == null) {
        reach.clients = ctx.spellsAny(CLIENT_PACKAGES) || ctx.quotesAny(CLIENT_PREFIXES);
      }
      if (!reach.clients) {
        return;
      }
    }
    SemanticModel model = ctx.semantic();
    if (model.moduleRole(ctx.path()) == ModuleRole.DEV_TOOLING) {
      return; // run by hand or by a CI job, whose own limits bound it
    }
    String name = ctx.callName(call);
    if (name != null && visitHttpx(call, name, ctx)) {
      return;
    }
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

  /**
   * httpx calls, which time out after 5 s unless told otherwise: flags {@code timeout=None} (or
   * {@code httpx.Timeout(None)}) on a request function, on a client's request method, or on a
   * client's construction (it disables the default for every request the client makes). Returns
   * whether the call was an httpx one.
   */
  private boolean visitHttpx(Call call, String name, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    boolean function =
        name.startsWith("httpx.") && HTTPX_METHODS.contains(name.substring("httpx.".length()));
    boolean client = name.equals("httpx.Client") || name.equals("httpx.AsyncClient");
    boolean method =
        call.func() instanceof Ast.Attribute a
            && HTTPX_METHODS.contains(a.attr())
            && model.kindOf(a.value()) == ValueKind.HTTPX_CLIENT;
    if (!function && !client && !method) {
      return false;
    }
    Expr timeout = RuleContext.keyword(call, "timeout");
    if (timeout != null && disablesHttpxTimeout(timeout, model)) {
      String shown = ctx.text(call.func()).replaceAll("\\s+", "");
      ctx.report(
          this,
          call,
          "`"
              + shown
              + "(...)` turns httpx's default timeout off with `timeout=None`"
              + (client ? " for every request of the client." : "."),
          null);
    }
    return true;
  }

  /** {@code None}, {@code httpx.Timeout(None)} or {@code httpx.Timeout(timeout=None)}. */
  private static boolean disablesHttpxTimeout(Expr timeout, SemanticModel model) {
    if (model.isNone(timeout)) {
      return true;
    }
    if (!(timeout instanceof Call c) || !"httpx.Timeout".equals(model.callName(c))) {
      return false;
    }
    Expr only =
        c.args().size() == 1 && c.keywords().isEmpty()
            ? c.args().get(0)
            : c.args().isEmpty() && c.keywords().size() == 1
                ? RuleContext.keyword(c, "timeout")
                : null;
    return only != null && model.isNone(only);
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
