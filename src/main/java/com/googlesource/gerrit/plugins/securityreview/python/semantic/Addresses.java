package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SemanticModel#ipValue}: which values hold an IP address, a prefix or a MAC address, by
 * where they were read or how they were made; memoised per node.
 */
final class Addresses {
  private static final int MAX_DEPTH = 8;

  /** Fields the Neutron API validates as a single IP address. */
  private static final Set<String> ADDRESS_FIELDS =
      Set.of(
          "ip_address",
          "fixed_ip_address",
          "floating_ip_address",
          "gateway_ip",
          "nexthop",
          "internal_ip_address");

  /** Fields the API validates as a prefix whose host bits are clear. */
  private static final Set<String> NORMALISED_PREFIX_FIELDS = Set.of("cidr", "normalized_cidr");

  /**
   * A security group rule's {@code remote_ip_prefix}: validated as a prefix, but kept as the tenant
   * wrote it, host bits included ({@code normalized_cidr} is the normalised one).
   */
  private static final String UNNORMALISED_PREFIX_FIELD = "remote_ip_prefix";

  /** Lists of addresses: each element is an address. */
  private static final Set<String> ADDRESS_LIST_FIELDS = Set.of("dns_nameservers");

  /** An allowed address pair's {@code ip_address} may be a prefix. */
  private static final String ADDRESS_PAIRS_FIELD = "allowed_address_pairs";

  private static final Set<String> ADDRESS_TYPES =
      Set.of(
          "netaddr.IPAddress",
          "ipaddress.ip_address",
          "ipaddress.IPv4Address",
          "ipaddress.IPv6Address");

  /** Prefix types that reject host bits (or, with {@code strict=False}, clear them). */
  private static final Set<String> STRICT_NETWORK_TYPES =
      Set.of("ipaddress.ip_network", "ipaddress.IPv4Network", "ipaddress.IPv6Network");

  /** Attributes of a parsed prefix that are addresses (netaddr's and ipaddress's names). */
  private static final Set<String> PREFIX_ADDRESS_ATTRIBUTES =
      Set.of("ip", "network", "network_address", "broadcast", "broadcast_address");

  /** An {@code ipaddress} interface's {@code network} is its prefix, not an address. */
  private static final String INTERFACE_NETWORK = "network";

  private static final Object NONE = new Object();

  private final SemanticModel model;
  private final Map<Expr, Object> memo = new IdentityHashMap<>();

  Addresses(SemanticModel model) {
    this.model = model;
  }

  Optional<IpValue> of(Expr e) {
    return Optional.ofNullable(value(e, 0));
  }

  private IpValue value(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    Object cached = memo.get(e);
    if (cached != null) {
      return cached == NONE ? null : (IpValue) cached;
    }
    memo.put(e, NONE); // cycle guard
    IpValue v = compute(e, depth);
    memo.put(e, v == null ? NONE : v);
    return v;
  }

  private IpValue compute(Expr e, int depth) {
    return switch (e) {
      case Ast.Subscript s -> field(s, s.value(), s.slice());
      case Ast.Call c -> call(c, depth);
      case Ast.Attribute a -> attribute(a, depth);
      case Ast.Name n -> name(n, depth);
      default -> null;
    };
  }

  /** {@code container[key]} or {@code container.get(key)}: a field the API validates. */
  private IpValue field(Expr whole, Expr container, Expr key) {
    String k = model.constantString(key).orElse(null);
    if (k == null) {
      return null;
    }
    if (k.equals("mac_address")) {
      return new IpValue(IpValue.Form.MAC, true, true, whole);
    }
    if (ADDRESS_FIELDS.contains(k)) {
      IpValue.Form form =
          k.equals("ip_address") && isElementOf(container, ADDRESS_PAIRS_FIELD)
              ? IpValue.Form.ADDRESS_OR_PREFIX
              : IpValue.Form.ADDRESS;
      return new IpValue(form, true, true, whole);
    }
    if (NORMALISED_PREFIX_FIELDS.contains(k)) {
      return new IpValue(IpValue.Form.PREFIX, true, true, whole);
    }
    if (k.equals(UNNORMALISED_PREFIX_FIELD)) {
      return new IpValue(IpValue.Form.PREFIX, true, false, whole);
    }
    return null;
  }

  private IpValue call(Ast.Call c, int depth) {
    if (c.func() instanceof Ast.Attribute a && a.attr().equals("get") && !c.args().isEmpty()) {
      return field(c, a.value(), c.args().get(0));
    }
    String q = model.callName(c);
    if (q == null) {
      return null;
    }
    Expr arg = c.args().isEmpty() ? null : c.args().get(0);
    if (ADDRESS_TYPES.contains(q)) {
      return new IpValue(IpValue.Form.ADDRESS, false, true, c);
    }
    if (q.equals("netaddr.EUI")) {
      return new IpValue(IpValue.Form.MAC, false, true, c);
    }
    if (q.equals("netaddr.IPNetwork") || q.equals("ipaddress.ip_interface")) {
      // Keeps the host bits it was given: normalised only when its input was.
      IpValue in = value(arg, depth + 1);
      boolean normalised = in != null && in.form() == IpValue.Form.PREFIX && in.normalised();
      return new IpValue(IpValue.Form.PREFIX, false, normalised, c);
    }
    if (STRICT_NETWORK_TYPES.contains(q)) {
      // strict=True (the default) rejects host bits, strict=False clears them.
      return new IpValue(IpValue.Form.PREFIX, false, true, c);
    }
    if (q.equals("str") && c.args().size() == 1) {
      IpValue in = value(arg, depth + 1);
      return in == null ? null : in.asText(c);
    }
    return null;
  }

  /** {@code net.cidr} clears host bits; {@code net.ip}, {@code net.network} are addresses. */
  private IpValue attribute(Ast.Attribute a, int depth) {
    IpValue owner = value(a.value(), depth + 1);
    if (owner == null || owner.text() || owner.form() != IpValue.Form.PREFIX) {
      return null;
    }
    if (a.attr().equals("cidr")
        || (a.attr().equals(INTERFACE_NETWORK) && isIpaddressInterface(owner.source()))) {
      return new IpValue(IpValue.Form.PREFIX, false, true, a);
    }
    if (PREFIX_ADDRESS_ATTRIBUTES.contains(a.attr())) {
      return new IpValue(IpValue.Form.ADDRESS, false, true, a);
    }
    return null;
  }

  private IpValue name(Ast.Name n, int depth) {
    Binding b = model.reachingBinding(n);
    if (b == null) {
      return null;
    }
    if (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET) {
      // for server in subnet['dns_nameservers']: each element is an address.
      return b.index() < 0 && isFieldRead(b.source(), ADDRESS_LIST_FIELDS)
          ? new IpValue(IpValue.Form.ADDRESS, true, true, b.source())
          : null;
    }
    Expr v = model.valueOf(b);
    return v == null ? null : value(v, depth + 1);
  }

  private boolean isIpaddressInterface(Expr source) {
    return source instanceof Ast.Call c && "ipaddress.ip_interface".equals(model.callName(c));
  }

  /** Whether a name is a loop variable over a read of {@code field}. */
  private boolean isElementOf(Expr container, String field) {
    if (!(container instanceof Ast.Name n)) {
      return false;
    }
    Binding b = model.reachingBinding(n);
    return b != null
        && (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET)
        && isFieldRead(b.source(), Set.of(field));
  }

  /** {@code x['f']}, {@code x.get('f', ...)}, or a name bound to one, for f in fields. */
  private boolean isFieldRead(Expr e, Set<String> fields) {
    Expr r = model.resolve(e);
    Expr key =
        switch (r) {
          case Ast.Subscript s -> s.slice();
          case Ast.Call c
              when c.func() instanceof Ast.Attribute a
                  && a.attr().equals("get")
                  && !c.args().isEmpty() ->
              c.args().get(0);
          case null, default -> null;
        };
    return key != null && model.constantString(key).map(fields::contains).orElse(false);
  }
}
