package com.googlesource.gerrit.plugins.securityreview.rules.logging;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.NodeVisitor;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.LoggerCall;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** OVN502: a port, network or subnet dict, or a binding profile, logged whole above debug. */
public final class WholePortLogged extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN502")
          .name("whole-port-logged")
          .title("Whole port, network or binding profile dict logged above debug level")
          .severity(Severity.LOW)
          .confidence(Confidence.MEDIUM)
          .family(Family.LOGGING_DISCLOSURE)
          .why(
              "A whole port dict carries the binding profile, MAC and fixed IPs, device owner and"
                  + " the project id into logs that default configurations keep and ship off-host.")
          .fix(
              "Log the identifiers a reader needs (`port['id']`, `context.current['id']`, the"
                  + " host), or move the whole dict to a debug message.")
          .doc(
              """
              ## What it does

              Flags logging calls (on a logger, known as OVN501 knows it) at info, warning, error,
              exception or critical level (and
              `LOG.log` with such a level) whose arguments hold a whole ML2 resource:
              `context.current` / `context.original` of a driver context (also
              `context.network.current`), a binding profile (`port[portbindings.PROFILE]`,
              `port.get('binding:profile')`), or a variable named `port`, `network`, `subnet`,
              `binding_profile`, `profile` (and `original_port`, `db_port`, ...) that the same
              function uses as a dict (subscripts it, calls `.get()` on it, or assigns it from
              `context.current`). Values are followed through `%`, f-strings, template strings, `str()`,
              `jsonutils.dumps()`, dicts and tuples. It stays silent on debug messages, on fields of
              a resource (`port['id']`, `context.current['device_owner']`), on names not known to be
              dicts (often an id or an OVS port object), on the driver context object itself (a
              `PortContext` prints as `<PortContext object at ...>`), and in test code. A binding
              object's `.profile` is left alone too: Neutron logs it on purpose in repair tools and
              when the stored value cannot be parsed.

              A template string (`t"..."`, Python 3.14) is logged as the repr of its
              `string.templatelib.Template`, which shows every interpolated value whole, so a
              resource interpolated into a logged t-string is flagged as in an f-string.

              ## Why it matters

              Info and higher messages are kept by every default logging setup and shipped to
              central logging. A port dict logged there copies its binding profile (PCI slots,
              capabilities, whatever Nova or a tenant put there), MAC and IP addresses and project
              id into a store with broader access and longer retention than the Neutron database. It
              also makes the messages huge. The finding is low severity: it is a disclosure path,
              not a secret.

              ## Example

              ```python
              def update_port_postcommit(self, context):
                  port = context.current
                  if port[portbindings.VNIC_TYPE] not in self.supported_vnic_types:
                      LOG.warning("Unsupported port %s", port)
              ```

              ## Use instead

              ```python
              def update_port_postcommit(self, context):
                  port = context.current
                  if port[portbindings.VNIC_TYPE] not in self.supported_vnic_types:
                      LOG.warning("Unsupported VNIC type %(vnic)s on port %(id)s",
                                  {'vnic': port[portbindings.VNIC_TYPE], 'id': port['id']})
              ```

              ## References

              - CWE-532: Insertion of Sensitive Information into Log File <https://cwe.mitre.org/data/definitions/532.html>
              - OpenStack Logging Guidelines <https://specs.openstack.org/openstack/openstack-specs/specs/log-guidelines.html>
              """)
          .build();

  /** {@code context.current}, {@code port_context.original}, {@code context.network.current}. */
  private static final Pattern CONTEXT_RESOURCE =
      Pattern.compile(
          "(?:^|\\.)(?:\\w*context|ctx)(?:\\.(?:network|subnet))?\\.(?:current|original)$"
              + "|(?:^|\\.)(?:\\w*context|ctx)\\._(?:port|original_port)$");

  /** Variables that hold a whole resource when they are dicts. */
  private static final Set<String> RESOURCE_NAMES =
      Set.of(
          "port",
          "original_port",
          "orig_port",
          "old_port",
          "new_port",
          "updated_port",
          "db_port",
          "port_dict",
          "network",
          "original_network",
          "orig_network",
          "subnet",
          "original_subnet",
          "orig_subnet",
          "binding_profile",
          "profile");

  /** Calls whose result still shows the whole value. */
  private static final Set<String> CARRYING_CALLS =
      Set.of("str", "repr", "dict", "dumps", "pformat", "copy", "deepcopy", "format");

  private static final Set<String> DICT_METHODS =
      Set.of("get", "pop", "setdefault", "items", "keys", "values", "update");

  public WholePortLogged() {
    super(META);
    on(Call.class, this::visit);
  }

  private void visit(Call call, RuleContext ctx) {
    LoggerCall log = ctx.semantic().loggerCall(call).orElse(null);
    if (log == null || !log.level().aboveDebug()) {
      return;
    }
    for (Expr arg : log.arguments()) {
      Expr whole = carrier(arg, ctx);
      if (whole != null) {
        ctx.report(
            this,
            whole,
            "This "
                + log.level().name().toLowerCase(Locale.ROOT)
                + "-level log call writes the whole "
                + what(ctx.semantic(), whole)
                + " `"
                + ctx.text(whole)
                + "`.");
        return;
      }
    }
  }

  private static String what(SemanticModel model, Expr e) {
    return isProfile(model, e) ? "binding profile" : "resource dict";
  }

  /** The part of a logged expression that is a whole resource, or null. */
  private Expr carrier(Expr e, RuleContext ctx) {
    switch (e) {
      case Ast.Attribute a -> {
        String dotted = SemanticModel.dotted(a);
        boolean whole = dotted != null && CONTEXT_RESOURCE.matcher(dotted).find();
        return whole ? a : null;
      }
      case Ast.Subscript s -> {
        return isProfile(ctx.semantic(), s) ? s : null;
      }
      case Ast.Name n -> {
        return RESOURCE_NAMES.contains(n.id()) && usedAsDict(n, ctx) ? n : null;
      }
      case Ast.Call c -> {
        if (isProfile(ctx.semantic(), c)) {
          return c;
        }
        String callee = SemanticModel.dotted(c.func());
        if (callee == null || !CARRYING_CALLS.contains(SemanticModel.lastPart(callee))) {
          return null;
        }
        for (Expr a : c.args()) {
          Expr inner = carrier(a, ctx);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
      case Ast.BinOp b -> {
        Expr left = carrier(b.left(), ctx);
        return left != null ? left : carrier(b.right(), ctx);
      }
      case Ast.IfExp i -> {
        Expr body = carrier(i.body(), ctx);
        return body != null ? body : carrier(i.orelse(), ctx);
      }
      case Ast.Dict d -> {
        return first(d.values(), ctx);
      }
      case Ast.Tuple t -> {
        return first(t.elts(), ctx);
      }
      case Ast.List l -> {
        return first(l.elts(), ctx);
      }
      case Ast.JoinedStr j -> {
        return first(j.values(), ctx);
      }
      case Ast.FormattedValue f -> {
        return carrier(f.value(), ctx);
      }
      // A logged Template prints as its repr, which shows every interpolated value whole.
      case Ast.TemplateStr t -> {
        return first(t.values(), ctx);
      }
      case Ast.Interpolation v -> {
        return carrier(v.value(), ctx);
      }
      default -> {
        return null;
      }
    }
  }

  private Expr first(List<Expr> exprs, RuleContext ctx) {
    for (Expr x : exprs) {
      Expr inner = x == null ? null : carrier(x, ctx);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /**
   * {@code p[portbindings.PROFILE]} or {@code p.get('binding:profile')}. A binding object's {@code
   * .profile} is left alone: Neutron logs it on purpose, in repair tools and when the stored value
   * is corrupt.
   */
  private static boolean isProfile(SemanticModel model, Expr e) {
    return (e instanceof Ast.Subscript || e instanceof Ast.Call) && model.isBindingProfile(e);
  }

  /**
   * Whether the function around the log call (or the module) uses a name as a dict: subscripts it,
   * calls a dict method on it, or assigns it {@code context.current} or a binding profile.
   */
  private boolean usedAsDict(Ast.Name name, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Node scope = model.enclosingFunction(name);
    if (scope == null) {
      scope = ctx.module();
    }
    Map<Node, Set<String>> byScope = ctx.state(this, IdentityHashMap::new);
    return byScope.computeIfAbsent(scope, s -> namesUsedAsDicts(model, s)).contains(name.id());
  }

  /** The names a function (nested code included) or module uses as dicts; one walk per scope. */
  private static Set<String> namesUsedAsDicts(SemanticModel model, Node scope) {
    Set<String> names = new HashSet<>();
    new NodeVisitor() {
      @Override
      protected boolean enter(Node n) {
        switch (n) {
          case Ast.Subscript s when s.value() instanceof Ast.Name v -> names.add(v.id());
          case Ast.Call c
              when c.func() instanceof Ast.Attribute f
                  && f.value() instanceof Ast.Name v
                  && DICT_METHODS.contains(f.attr()) ->
              names.add(v.id());
          case Ast.Assign a when isWholeResource(model, a.value()) -> {
            for (Expr t : a.targets()) {
              if (t instanceof Ast.Name v) {
                names.add(v.id());
              }
            }
          }
          default -> {}
        }
        return true;
      }
    }.visit(scope);
    return names;
  }

  /** {@code context.current} and the like, or a binding profile. */
  private static boolean isWholeResource(SemanticModel model, Expr e) {
    String dotted = SemanticModel.dotted(e);
    return (dotted != null && CONTEXT_RESOURCE.matcher(dotted).find()) || isProfile(model, e);
  }
}
