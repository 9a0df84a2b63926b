package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link SemanticModel#tenantSource} and {@link SemanticModel#isNormalised}. */
final class Tenants {
  private static final int MAX_DEPTH = 10;

  /** Parameter names that hold a Neutron resource dict in ML2 drivers and API handlers. */
  static final Set<String> RESOURCE_NAMES =
      Set.of(
          "port",
          "network",
          "subnet",
          "router",
          "security_group",
          "sg",
          "security_group_rule",
          "sg_rule",
          "rule",
          "floatingip",
          "floating_ip",
          "fip",
          "trunk",
          "subport",
          "segment",
          "body");

  /** Keys of Neutron resources (and their OVN external ids) a tenant fills in freely. */
  static final Set<String> FREE_FORM_KEYS =
      Set.of(
          "name",
          "description",
          "dns_name",
          "dns_domain",
          "device_owner",
          "device_id",
          // An extra DHCP option's value: free text the driver writes into DHCP_Options.
          "opt_value",
          "neutron:port_name",
          "neutron:router_name",
          "neutron:device_owner");

  /** The same keys as the constants of {@code neutron.common.ovn.constants}. */
  static final Set<String> FREE_FORM_CONSTANTS =
      Set.of(
          "OVN_PORT_NAME_EXT_ID_KEY", "OVN_ROUTER_NAME_EXT_ID_KEY", "OVN_DEVICE_OWNER_EXT_ID_KEY");

  /** Attributes of Neutron objects a tenant fills in freely ("name" is too common to count). */
  static final Set<String> FREE_FORM_ATTRIBUTES =
      Set.of("description", "dns_name", "dns_domain", "device_owner");

  /** Keys the API validates as UUIDs, numbers or booleans: not free text. */
  static final Set<String> STRUCTURED_KEYS =
      Set.of(
          "id",
          "tenant_id",
          "project_id",
          "network_id",
          "subnet_id",
          "port_id",
          "router_id",
          "segment_id",
          "qos_policy_id",
          "security_group_id",
          "remote_group_id",
          "revision_number",
          "admin_state_up",
          "ip_version",
          "mtu",
          "port_range_min",
          "port_range_max",
          "status");

  /** String methods whose result carries the receiver's content. */
  static final Set<String> STRING_METHODS =
      Set.of(
          "lower",
          "upper",
          "strip",
          "lstrip",
          "rstrip",
          "title",
          "casefold",
          "replace",
          "format",
          "join",
          "removeprefix",
          "removesuffix",
          "split",
          "copy",
          "items",
          "values",
          "keys");

  /** Calls whose result is normalised: parsed addresses, numbers, UUIDs. */
  static final Set<String> NORMALISERS =
      Set.of(
          "netaddr.IPAddress",
          "netaddr.IPNetwork",
          "netaddr.EUI",
          "netaddr.IPSet",
          "netaddr.IPRange",
          "ipaddress.ip_address",
          "ipaddress.ip_network",
          "ipaddress.ip_interface",
          "ipaddress.IPv4Address",
          "ipaddress.IPv6Address",
          "uuid.UUID",
          "int",
          "float",
          "bool",
          "len",
          "abs",
          "round",
          "hex",
          "oct");

  private static final Object CLEAN = new Object();

  private final SemanticModel model;
  private final Map<Expr, Object> memo = new IdentityHashMap<>();

  Tenants(SemanticModel model) {
    this.model = model;
  }

  TenantSource source(Expr e) {
    Object o = taint(e, 0, Map.of());
    return o instanceof TenantSource t ? t : null;
  }

  /**
   * The taint of an expression. {@code args} maps the parameters of a same-file helper being looked
   * into to the caller's argument expressions; memoised only when it is empty.
   */
  private Object taint(Expr e, int depth, Map<Ast.Arg, Expr> args) {
    if (e == null || depth > MAX_DEPTH) {
      return CLEAN;
    }
    boolean memoise = args.isEmpty();
    if (memoise) {
      Object cached = memo.get(e);
      if (cached != null) {
        return cached;
      }
      memo.put(e, CLEAN); // cycle guard
    }
    Object o;
    if (isNormalised(e, 0)) {
      o = CLEAN;
    } else {
      o = compute(e, depth, args);
      if (o == null) {
        o = CLEAN;
      }
    }
    if (memoise) {
      memo.put(e, o);
    }
    return o;
  }

  private Object compute(Expr e, int depth, Map<Ast.Arg, Expr> args) {
    switch (e) {
      case Ast.Attribute a -> {
        if ((a.attr().equals("current") || a.attr().equals("original")) && isContext(a.value())) {
          return new TenantSource(a, "the resource of an ML2 driver context", false);
        }
        if (FREE_FORM_ATTRIBUTES.contains(a.attr())
            && !(a.value() instanceof Ast.Name n && n.id().equals("self"))
            && !isConfigOption(a)) {
          return new TenantSource(a, "a free-form field of a Neutron object", true);
        }
        if (a.attr().equals("external_ids") || a.attr().equals("options")) {
          return new TenantSource(a, "an OVN row's " + a.attr(), false);
        }
        return CLEAN;
      }
      case Ast.Subscript s -> {
        return read(s, s.value(), s.slice(), depth, args);
      }
      case Ast.Call c -> {
        return call(c, depth, args);
      }
      case Ast.Name n -> {
        return name(n, depth, args);
      }
      case Ast.BinOp b when b.op() == Ast.Operator.Add -> {
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(b);
        int parts = 0;
        while (!stack.isEmpty() && parts++ < 10_000) {
          Expr x = stack.pop();
          if (x instanceof Ast.BinOp bb && bb.op() == Ast.Operator.Add) {
            stack.push(bb.right());
            stack.push(bb.left());
          } else {
            Object t = taint(x, depth + 1, args);
            if (t instanceof TenantSource) {
              return t;
            }
          }
        }
        return CLEAN;
      }
      case Ast.BinOp b -> {
        return first(taint(b.left(), depth + 1, args), b.right(), depth, args);
      }
      case Ast.JoinedStr j -> {
        return firstOf(j.values(), depth, args);
      }
      case Ast.FormattedValue f -> {
        return taint(f.value(), depth + 1, args);
      }
      case Ast.Tuple t -> {
        return firstOf(t.elts(), depth, args);
      }
      case Ast.List l -> {
        return firstOf(l.elts(), depth, args);
      }
      case Ast.Set s -> {
        return firstOf(s.elts(), depth, args);
      }
      case Ast.Dict d -> {
        return firstOf(d.values(), depth, args);
      }
      case Ast.IfExp i -> {
        return first(taint(i.body(), depth + 1, args), i.orelse(), depth, args);
      }
      case Ast.BoolOp b -> {
        return firstOf(b.values(), depth, args);
      }
      case Ast.Starred s -> {
        return taint(s.value(), depth + 1, args);
      }
      case Ast.Await a -> {
        return taint(a.value(), depth + 1, args);
      }
      default -> {
        return CLEAN;
      }
    }
  }

  /** {@code container[key]} or {@code container.get(key)}. */
  private Object read(Expr whole, Expr container, Expr key, int depth, Map<Ast.Arg, Expr> args) {
    if (isProfileKey(key)) {
      return new TenantSource(whole, "the port's binding profile", true);
    }
    if (model.ipValue(whole).isPresent()) {
      // An address, prefix or MAC address the API validated: no room for another syntax.
      return CLEAN;
    }
    if (isFreeFormKey(key)) {
      Object inner = taint(container, depth + 1, args);
      if (inner instanceof TenantSource || isResourceParameter(container)) {
        return new TenantSource(whole, "a free-form field of a tenant's resource", true);
      }
      // A name, description or external id read from any dict: the OVN rules' notion.
      return new TenantSource(whole, "a free-form field", true);
    }
    Object inner = taint(container, depth + 1, args);
    if (!(inner instanceof TenantSource t)) {
      return CLEAN;
    }
    if (model.constantString(key).map(STRUCTURED_KEYS::contains).orElse(false)) {
      return CLEAN;
    }
    return new TenantSource(whole, "a field of " + t.reason(), t.freeForm() || isExternalIds(t));
  }

  private static boolean isExternalIds(TenantSource t) {
    return t.source() instanceof Ast.Attribute a
        && (a.attr().equals("external_ids") || a.attr().equals("options"));
  }

  private Object call(Ast.Call c, int depth, Map<Ast.Arg, Expr> args) {
    if (c.func() instanceof Ast.Attribute a) {
      String m = a.attr();
      if ((m.equals("get") || m.equals("pop")) && !c.args().isEmpty()) {
        return read(c, a.value(), c.args().get(0), depth, args);
      }
      if (STRING_METHODS.contains(m)) {
        Object t = taint(a.value(), depth + 1, args);
        if (t instanceof TenantSource) {
          return t;
        }
        if (m.equals("format") || m.equals("join")) {
          Object at = firstOf(c.args(), depth, args);
          if (at instanceof TenantSource) {
            return at;
          }
          for (Ast.Keyword k : c.keywords()) {
            Object kt = taint(k.value(), depth + 1, args);
            if (kt instanceof TenantSource) {
              return kt;
            }
          }
        }
        return CLEAN;
      }
    }
    String q = model.callName(c);
    if (q != null
        && (q.equals("str")
            || q.equals("copy.deepcopy")
            || q.equals("copy.copy")
            || q.equals("dict")
            || q.equals("list"))
        && c.args().size() == 1) {
      return taint(c.args().get(0), depth + 1, args);
    }
    Ast.FunctionLike fn = model.calledFunction(c);
    if (fn != null && depth < MAX_DEPTH) {
      Map<Ast.Arg, Expr> inner = bindArguments(fn, c, args);
      for (Expr r : model.returns(fn)) {
        Object t = taint(r, depth + 1, inner);
        if (t instanceof TenantSource ts) {
          return new TenantSource(
              ts.source(), ts.reason() + " (returned by " + fn.name() + ")", ts.freeForm());
        }
      }
    }
    return CLEAN;
  }

  /** The caller's arguments for a same-file helper's parameters. */
  private Map<Ast.Arg, Expr> bindArguments(
      Ast.FunctionLike fn, Ast.Call c, Map<Ast.Arg, Expr> outer) {
    Map<Ast.Arg, Expr> inner = new IdentityHashMap<>();
    List<Ast.Arg> positional = new java.util.ArrayList<>(fn.args().posonlyargs());
    positional.addAll(fn.args().args());
    int skip = c.func() instanceof Ast.Attribute && model.classOfMethod(fn) != null ? 1 : 0;
    for (int i = 0; i < c.args().size() && i + skip < positional.size(); i++) {
      if (c.args().get(i) instanceof Ast.Starred) {
        break;
      }
      inner.put(positional.get(i + skip), substitute(c.args().get(i), outer));
    }
    Map<String, Ast.Arg> byName = new HashMap<>();
    for (Ast.Arg p : SemanticModel.parameters(fn.args())) {
      byName.put(p.arg(), p);
    }
    for (Ast.Keyword k : c.keywords()) {
      Ast.Arg p = k.arg() == null ? null : byName.get(k.arg());
      if (p != null) {
        inner.put(p, substitute(k.value(), outer));
      }
    }
    return inner;
  }

  /** An argument that is itself a parameter of the helper being looked into: the outer value. */
  private Expr substitute(Expr e, Map<Ast.Arg, Expr> outer) {
    if (!outer.isEmpty() && e instanceof Ast.Name n) {
      Ast.Arg p = model.parameterOf(n);
      if (p != null && outer.containsKey(p)) {
        return outer.get(p);
      }
    }
    return e;
  }

  private Object name(Ast.Name n, int depth, Map<Ast.Arg, Expr> args) {
    Binding b = model.reachingBinding(n);
    if (b == null) {
      return CLEAN;
    }
    if (isCheckedBetween(n, b)) {
      return CLEAN;
    }
    switch (b.kind()) {
      case PARAMETER -> {
        Ast.Arg p = (Ast.Arg) b.target();
        if (args.containsKey(p)) {
          return taint(args.get(p), depth + 1, Map.of());
        }
        if (RESOURCE_NAMES.contains(p.arg())) {
          return new TenantSource(n, "the `" + p.arg() + "` a tenant sent", false);
        }
        return CLEAN;
      }
      case ASSIGNMENT, ANNOTATED_ASSIGNMENT, WALRUS, AUGMENTED_ASSIGNMENT -> {
        Expr v = model.valueOf(b);
        return taint(v != null ? v : b.source(), depth + 1, args);
      }
      case FOR_TARGET, COMPREHENSION_TARGET -> {
        return taint(b.source(), depth + 1, args);
      }
      default -> {
        return CLEAN;
      }
    }
  }

  /** Whether an allow-list test or a validator saw the name after it was bound, before the use. */
  private boolean isCheckedBetween(Ast.Name use, Binding b) {
    for (Ast.Located check : model.checksOf(b.scope(), use.id())) {
      if (SemanticModel.before(SemanticModel.effectiveEnd(b), check.loc())
          && SemanticModel.before(check.loc(), use.loc())) {
        return true;
      }
    }
    return false;
  }

  private Object first(Object t, Expr next, int depth, Map<Ast.Arg, Expr> args) {
    return t instanceof TenantSource ? t : taint(next, depth + 1, args);
  }

  private Object firstOf(List<Expr> es, int depth, Map<Ast.Arg, Expr> args) {
    for (Expr x : es) {
      Object t = taint(x, depth + 1, args);
      if (t instanceof TenantSource) {
        return t;
      }
    }
    return CLEAN;
  }

  /** {@code cfg.CONF.dns_domain}: an oslo.config option, set by the operator. */
  private boolean isConfigOption(Ast.Attribute a) {
    String q = model.qualifiedName(a);
    return q != null && q.startsWith("oslo_config.cfg.CONF.");
  }

  /** {@code context.current} needs a context: a name or attribute called {@code *context}. */
  private static boolean isContext(Expr e) {
    String n =
        switch (e) {
          case Ast.Name name -> name.id();
          case Ast.Attribute a -> a.attr();
          default -> null;
        };
    return n != null && (n.endsWith("context") || n.equals("ctx") || n.endsWith("_ctx"));
  }

  private boolean isResourceParameter(Expr e) {
    return e instanceof Ast.Name n
        && model.parameterOf(n) != null
        && RESOURCE_NAMES.contains(n.id());
  }

  private boolean isFreeFormKey(Expr key) {
    if (key instanceof Ast.Constant c) {
      return c.value() instanceof String s && FREE_FORM_KEYS.contains(s);
    }
    String name = SemanticModel.dotted(key);
    return name != null && FREE_FORM_CONSTANTS.contains(SemanticModel.lastPart(name));
  }

  /** The binding profile key ({@code 'binding:profile'}, {@code portbindings.PROFILE}). */
  boolean isProfileKey(Expr key) {
    if (key instanceof Ast.Constant c) {
      return "binding:profile".equals(c.value());
    }
    String q = model.qualifiedName(key);
    if (q == null) {
      return false;
    }
    return q.equals("portbindings.PROFILE")
        || q.endsWith(".portbindings.PROFILE")
        || q.endsWith("portbindings_extended.PROFILE")
        || q.equals("OVN_PORT_BINDING_PROFILE")
        || q.endsWith(".OVN_PORT_BINDING_PROFILE");
  }

  /**
   * An escaping or quoting helper ({@code json_quote}, {@code escape_name}): its result is safe.
   */
  private static boolean isEscaping(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.contains("escape") || n.contains("quote");
  }

  /** Whether a value is normalised or validated. */
  boolean isNormalised(Expr e, int depth) {
    if (e == null || depth > SemanticModel.MAX_NAME_STEPS) {
      return false;
    }
    switch (e) {
      case Ast.Constant c -> {
        return true;
      }
      case Ast.Call c -> {
        String q = model.callName(c);
        if (q == null) {
          return false;
        }
        if (NORMALISERS.contains(q)) {
          return true;
        }
        String last = DottedNames.withoutLeadingUnderscores(SemanticModel.lastPart(q));
        if (last.startsWith("validate_")
            || last.endsWith("_validator")
            || last.startsWith("convert_to_")
            || last.equals("is_uuid_like")
            || last.equals("ovn_name")
            || isEscaping(last)) {
          return true;
        }
        if (q.equals("str") && c.args().size() == 1) {
          return isNormalised(c.args().get(0), depth + 1);
        }
        return false;
      }
      case Ast.Name n -> {
        if (model.constantValue(n).isPresent()) {
          return true;
        }
        Expr v = model.reachingValue(n);
        return v != null && v != n && isNormalised(v, depth + 1);
      }
      default -> {
        return model.constantValue(e).isPresent();
      }
    }
  }
}
