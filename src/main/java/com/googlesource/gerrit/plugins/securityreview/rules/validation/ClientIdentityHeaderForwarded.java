package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.LoggerCall;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OVN105: a proxy that passes on identity headers its client can set, copied from the request it
 * received, or that logs the instance signature it adds.
 */
public final class ClientIdentityHeaderForwarded extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN105")
          .name("client-identity-header-forwarded")
          .title("Proxy forwards identity headers taken from the client's request")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "The service behind the proxy trusts these headers to say which instance or project"
                  + " is asking; copied from the incoming request, any client that sets them reads"
                  + " another tenant's metadata or acts as another project.")
          .fix(
              "Build the outgoing headers from values the proxy worked out itself (the instance and"
                  + " project found from the port, the signature it computes), and drop the"
                  + " client's copies of these headers.")
          .doc(
              """
              ## What it does

              Looks at the requests a server received: a `webob` request (`webob.Request(...)`,
              a parameter annotated with it, the argument of a `@webob.dec.wsgify` handler, and a
              parameter of a helper that every call in the file passes such a request). It flags:

              - an identity header (`X-Instance-ID`, `X-Instance-ID-Signature`, `X-Tenant-ID`,
                `X-Project-ID`, `X-User-ID`, `X-Roles`, `X-Identity-Status`) whose value, in a
                dict display or a `headers[...] = ...` assignment, is read from the received
                request's `headers` or `environ`;
              - the received request's headers passed on whole as `headers=` (directly, through
                `dict(...)`, `.copy()` or a local name), unless the function deletes or pops an
                identity header from that copy first;
              - a logging call that logs a dict holding an `X-Instance-ID-Signature`;
              - an HAProxy configuration text (a string of the file) whose `http-request
                add-header` adds an identity header, or an `X-...-ID` header such as
                `X-Neutron-%(res_type)s-ID`, that it does not `del-header` first: `add-header`
                keeps the client's own copy, `set-header` replaces it. The finding starts on
                the `add-header` line; a suppression comment goes after the closing quotes.

              `X-Forwarded-For` is not an identity header here: in Neutron's metadata path the
              HAProxy in front of the proxy sets it, and the proxy only trusts it after matching
              it to a port. Headers the proxy computes itself, requests whose origin nothing shows
              and test code stay silent.

              ## Why it matters

              Neutron's metadata proxy answers an instance's request by asking Nova on its behalf:
              it finds the port from the source address and the network or router HAProxy names,
              and sends Nova `X-Instance-ID`, `X-Tenant-ID` and an HMAC of the instance id
              (`X-Instance-ID-Signature`) computed with the shared secret. Nova serves whichever
              instance those headers name. If the proxy copies any of them from the request it
              received, an instance that sends its own headers gets another instance's metadata:
              user data, keys, passwords. The HAProxy in front of the proxy names the network or
              router the request came from in a header: added with `add-header`, a guest that
              sends the header itself names another network (Launchpad bug 1865036, fixed with
              `del-header` and `set-header`). Logging the signature hands out a value that, with the
              instance id, is all Nova asks for.

              ## Example

              ```python
              @webob.dec.wsgify(RequestClass=webob.Request)
              def __call__(self, req):
                  headers = {
                      'X-Instance-ID': req.headers.get('X-Instance-ID'),
                      'X-Tenant-ID': req.headers.get('X-Tenant-ID'),
                  }
                  return requests.get(self.nova_url, headers=headers, timeout=30)
              ```

              ## Use instead

              ```python
              @webob.dec.wsgify(RequestClass=webob.Request)
              def __call__(self, req):
                  instance_id, project_id = self._lookup_port(req)
                  headers = {
                      'X-Instance-ID': instance_id,
                      'X-Tenant-ID': project_id,
                      'X-Instance-ID-Signature': self._sign(instance_id),
                  }
                  return requests.get(self.nova_url, headers=headers, timeout=30)
              ```

              ## References

              - Neutron metadata service <https://docs.openstack.org/neutron/latest/admin/config-metadata.html>
              - Nova metadata service, Neutron proxy headers <https://docs.openstack.org/nova/latest/admin/metadata-service.html>
              - Launchpad bug 1865036, extra header fields in proxied metadata requests <https://bugs.launchpad.net/neutron/+bug/1865036>
              - HAProxy `http-request set-header` <https://docs.haproxy.org/2.8/configuration.html#4.2-http-request%20set-header>
              - CWE-290: Authentication Bypass by Spoofing <https://cwe.mitre.org/data/definitions/290.html>
              - CWE-532: Insertion of Sensitive Information into Log File <https://cwe.mitre.org/data/definitions/532.html>
              """)
          .build();

  /** Headers that tell the service behind the proxy who is asking (lower case). */
  private static final Set<String> IDENTITY_HEADERS =
      Set.of(
          "x-instance-id",
          "x-instance-id-signature",
          "x-tenant-id",
          "x-project-id",
          "x-user-id",
          "x-roles",
          "x-identity-status");

  private static final Pattern HAPROXY_ADD_HEADER =
      Pattern.compile("http-request\\s+add-header\\s+(\\S+)");
  private static final Pattern HAPROXY_DEL_HEADER =
      Pattern.compile("http-request\\s+del-header\\s+(\\S+)");

  private static final String SIGNATURE_HEADER = "x-instance-id-signature";

  public ClientIdentityHeaderForwarded() {
    super(META);
    on(Ast.Constant.class, this::visitConstant);
    on(Ast.Dict.class, this::visitDict);
    on(Ast.Assign.class, this::visitAssign);
    on(Call.class, this::visitCall);
  }

  /**
   * An HAProxy configuration text that adds an identity header with {@code add-header}: HAProxy
   * then keeps any copy the client sent, and the service behind it may read that one.
   */
  private void visitConstant(Ast.Constant constant, RuleContext ctx) {
    if (!(constant.value() instanceof String value) || !value.contains("add-header")) {
      return;
    }
    // The source text, not the value: the finding goes on the line that adds the header.
    String text = ctx.text(constant);
    Matcher m = HAPROXY_ADD_HEADER.matcher(text);
    while (m.find()) {
      String header = m.group(1);
      if (isIdentityHeaderTemplate(header) && !deletesFirst(text, header, m.start())) {
        ctx.report(
            this,
            lineOf(constant, text, m.start()),
            "This HAProxy configuration adds `"
                + header
                + "` with `add-header`, which keeps a copy the client sent: use `set-header`,"
                + " or `del-header` it first.",
            null);
        return;
      }
    }
  }

  /**
   * From a match in a constant's source text to the constant's end: the finding starts on the line
   * that adds the header, and a comment after the closing quotes can waive it.
   */
  private static Ast.Loc lineOf(Ast.Constant constant, String text, int start) {
    String before = text.substring(0, start);
    int newlines = (int) before.chars().filter(c -> c == '\n').count();
    int lineStart = before.lastIndexOf('\n') + 1;
    int col = utf8Length(text.substring(lineStart, start));
    if (newlines == 0) {
      col += constant.loc().col();
    }
    int line = constant.loc().line() + newlines;
    return new Ast.Loc(line, col, constant.loc().endLine(), constant.loc().endCol());
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether the configuration deletes the header before the line that adds it. */
  private static boolean deletesFirst(String text, String header, int addedAt) {
    Matcher d = HAPROXY_DEL_HEADER.matcher(text);
    while (d.find() && d.start() < addedAt) {
      if (d.group(1).equalsIgnoreCase(header)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An identity header, also as a template: one of {@link #IDENTITY_HEADERS}, or an {@code
   * X-...-ID} header that names the network, router or instance asking ({@code
   * X-OVN-%(res_type)s-ID}).
   */
  private static boolean isIdentityHeaderTemplate(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    return IDENTITY_HEADERS.contains(h) || (h.startsWith("x-") && h.endsWith("-id"));
  }

  private void visitDict(Ast.Dict dict, RuleContext ctx) {
    for (int i = 0; i < dict.keys().size(); i++) {
      checkPair(dict.keys().get(i), dict.values().get(i), ctx);
    }
  }

  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    for (Expr target : assign.targets()) {
      if (target instanceof Ast.Subscript s) {
        checkPair(s.slice(), assign.value(), ctx);
      }
    }
  }

  private void checkPair(Expr key, Expr value, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    String header = identityHeader(model, key);
    if (header == null || value == null) {
      return;
    }
    receivedHeaderRead(model, value)
        .ifPresent(
            read ->
                ctx.report(
                    this,
                    value,
                    "`"
                        + header
                        + "` is set from the client's own `"
                        + read
                        + "` header of the request this proxy received."));
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Optional<LoggerCall> log = model.loggerCall(call);
    if (log.isPresent()) {
      for (Expr arg : log.get().arguments()) {
        if (holdsSignature(model, arg)) {
          ctx.report(this, arg, "The instance signature header is logged.");
        }
      }
      return;
    }
    Expr headers = RuleContext.keyword(call, "headers");
    if (headers != null && isReceivedHeaders(model, headers, true)) {
      ctx.report(
          this,
          headers,
          "The headers of the request this proxy received are passed on whole: any identity"
              + " header the client set goes with them.");
    }
  }

  /** The identity header a key names, as written; null for other keys. */
  private static String identityHeader(SemanticModel model, Expr key) {
    String k = key == null ? null : model.constantString(key).orElse(null);
    return k != null && IDENTITY_HEADERS.contains(k.toLowerCase(Locale.ROOT)) ? k : null;
  }

  /**
   * The header a value reads from a received request ({@code req.headers.get(K)}, {@code
   * req.headers[K]}, {@code req.environ['HTTP_K']}), also through a local name; empty otherwise.
   */
  private static Optional<String> receivedHeaderRead(SemanticModel model, Expr value) {
    Expr v = model.resolve(value);
    Expr container;
    Expr key;
    if (v instanceof Ast.Subscript s) {
      container = s.value();
      key = s.slice();
    } else if (v instanceof Call c
        && c.func() instanceof Attribute a
        && a.attr().equals("get")
        && !c.args().isEmpty()) {
      container = a.value();
      key = c.args().get(0);
    } else {
      return Optional.empty();
    }
    if (!isReceivedHeaders(model, container, false)) {
      return Optional.empty();
    }
    return model.constantString(key).map(k -> k.startsWith("HTTP_") ? headerOfEnviron(k) : k);
  }

  /** {@code HTTP_X_TENANT_ID} is how WSGI spells the {@code X-Tenant-Id} header. */
  private static String headerOfEnviron(String key) {
    return key.substring("HTTP_".length()).replace('_', '-');
  }

  /**
   * Whether an expression is the headers (or environ) of a received request; with {@code copies},
   * also a copy of them kept in a local name from which no identity header is removed.
   */
  private static boolean isReceivedHeaders(SemanticModel model, Expr e, boolean copies) {
    Expr v = model.resolve(e);
    if (copies && v instanceof Call c) {
      Expr copied = copiedValue(model, c);
      if (copied == null || !isReceivedHeaders(model, copied, false)) {
        return false;
      }
      return !(e instanceof Ast.Name n && removesIdentityHeader(model, n));
    }
    if (!(v instanceof Attribute a)
        || !(a.attr().equals("headers") || a.attr().equals("environ"))) {
      return false;
    }
    if (model.kindOf(a.value()) != ValueKind.HTTP_REQUEST) {
      return false;
    }
    return !(copies && e instanceof Ast.Name n && removesIdentityHeader(model, n));
  }

  /** What {@code dict(x)}, {@code x.copy()}, {@code copy.copy(x)} copy; null for other calls. */
  private static Expr copiedValue(SemanticModel model, Call c) {
    String q = model.callName(c);
    if (c.args().size() == 1
        && ("dict".equals(q) || "copy.copy".equals(q) || "copy.deepcopy".equals(q))) {
      return c.args().get(0);
    }
    if (c.args().isEmpty() && c.func() instanceof Attribute a && a.attr().equals("copy")) {
      return a.value();
    }
    return null;
  }

  /**
   * Whether the function of a name deletes or pops an identity header from it ({@code del h[K]},
   * {@code h.pop(K)}): the copy is then cleaned before it is sent.
   */
  private static boolean removesIdentityHeader(SemanticModel model, Ast.Name name) {
    Ast.FunctionLike fn = model.enclosingFunction(name);
    if (fn == null) {
      return false;
    }
    ArrayDeque<Ast.Node> stack = new ArrayDeque<>(fn.body());
    while (!stack.isEmpty()) {
      Ast.Node n = stack.pop();
      if (n instanceof Ast.Delete d) {
        for (Expr t : d.targets()) {
          if (t instanceof Ast.Subscript s
              && isName(s.value(), name)
              && identityHeader(model, s.slice()) != null) {
            return true;
          }
        }
      } else if (n instanceof Call c
          && c.func() instanceof Attribute a
          && a.attr().equals("pop")
          && isName(a.value(), name)
          && !c.args().isEmpty()
          && identityHeader(model, c.args().get(0)) != null) {
        return true;
      }
      NodeVisitor.forEachChild(n, stack::push);
    }
    return false;
  }

  private static boolean isName(Expr e, Ast.Name name) {
    return e instanceof Ast.Name n && n.id().equals(name.id());
  }

  /** A dict display (or a name bound to one) with the signature header among its keys. */
  private static boolean holdsSignature(SemanticModel model, Expr e) {
    if (!(model.resolve(e) instanceof Ast.Dict d)) {
      return false;
    }
    for (Expr k : d.keys()) {
      String h = identityHeader(model, k);
      if (h != null && h.toLowerCase(Locale.ROOT).equals(SIGNATURE_HEADER)) {
        return true;
      }
    }
    return false;
  }
}
