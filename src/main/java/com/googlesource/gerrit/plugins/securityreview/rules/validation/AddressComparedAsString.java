package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.IpValue;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OVN104: an IP address or prefix compared as text where only a parsed comparison is right, or a
 * prefix that may have host bits set put into an OVN match.
 *
 * <p>Which values are addresses or prefixes, whether they are text or parsed objects and whether a
 * prefix is normalised is the semantic model's ({@link SemanticModel#ipValue}); so is whether the
 * other side of a test is a string ({@link SemanticModel#isString}). The rule holds which
 * comparisons are wrong for them.
 */
public final class AddressComparedAsString extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN104")
          .name("address-compared-as-string")
          .title("IP address or prefix compared as a string, or unnormalised prefix in a match")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "Text comparisons of addresses are wrong for other spellings of the same address"
                  + " and true for other addresses (`10.0.0.1` is in `10.0.0.12`), and OVN rejects"
                  + " a match on a prefix with host bits set: the ACL or rule is not installed.")
          .fix(
              "Parse both sides (`netaddr.IPAddress`, `netaddr.IPNetwork`, `ipaddress`) and compare"
                  + " the objects (`ip in network`, `==`); split address lists into entries"
                  + " before testing membership; put `netaddr.IPNetwork(p).cidr` (or the API's"
                  + " `normalized_cidr`) into matches.")
          .doc(
              """
              ## What it does

              Flags, where the semantic model knows a value is an IP address or prefix (read from
              a field the Neutron API validates as one: `fixed_ips[*]['ip_address']`,
              `subnet['cidr']`, a security group rule's `remote_ip_prefix`, `gateway_ip`, ...; a
              `netaddr` or `ipaddress` object, or its `str()`):

              - `in` / `not in` between an address (or a string formatted from one) and a string,
                such as one entry of a comma-separated list or a joined address string: a
                substring test;
              - in OVN code, `in` / `not in` of any value that is not a constant against one
                entry of a port's `addresses` or `port_security` column (`lsp.addresses[0]`, a
                loop variable over `lsp.port_security`): each entry is a `"MAC IP..."` string;
              - `startswith()` / `endswith()` on an address or with one as the argument;
              - `==` / `!=` between an address and a prefix, or between the text of an address
                and a parsed `netaddr`/`ipaddress` object (never equal);
              - a prefix that may have host bits set (a `remote_ip_prefix` as the tenant wrote
                it, or `netaddr.IPNetwork()` of one, which keeps them) formatted into an OVN match
                (a template with `==` or `!=` and an `ip4`/`ip6` field, `&&` or `||`).

              It does not flag `in` against a list, set or dict (membership of whole entries,
              `'unknown' in lsp.addresses`), a constant looked for in an entry (`'router'`), MAC
              addresses, values nothing says are addresses, or prefixes known to be normalised
              (`.cidr`, `ipaddress.ip_network()`, `normalized_cidr`, `subnet['cidr']`). Test code is
              not checked.

              A template string (`t"..."`, Python 3.14) is not text formatted from an address: it
              makes a `string.templatelib.Template`, which `in` against a string and string methods
              refuse, so it stays silent.

              ## Why it matters

              An address has many spellings (`fd00::1`, `fd00:0::1`, `FD00::1`), and a substring
              test matches other addresses: `'10.0.0.1:' in '110.0.0.1:80'` is true, so a check
              meant for one member or one port picks another. A string is never equal to a
              `netaddr.IPAddress`, so such a test is always false. OVN's match parser rejects a
              masked value with bits outside the mask ("Value contains unmasked 1-bits"):
              `ip4.src == 10.0.0.1/24` makes ovn-northd drop the whole ACL, so the security group
              rule is silently not applied (Neutron bug 1869129).

              ## Example

              ```python
              def _member_of(self, fip, members):
                  return any('%s:' % fip['fixed_ip_address'] in m for m in members.split(','))

              def _remote_match(rule):
                  return ' && ip4.src == %s' % rule['remote_ip_prefix']
              ```

              ## Use instead

              ```python
              def _member_of(self, fip, members):
                  wanted = netaddr.IPAddress(fip['fixed_ip_address'])
                  return any(netaddr.IPAddress(m.rsplit(':', 1)[0]) == wanted
                             for m in members.split(','))

              def _remote_match(rule):
                  return ' && ip4.src == %s' % rule['normalized_cidr']
              ```

              ## References

              - ovn-sb(5), Logical_Flow TABLE, match column: masked values <https://www.ovn.org/support/dist-docs/ovn-sb.5.html>
              - netaddr tutorial: IP addresses and networks, `.cidr` <https://netaddr.readthedocs.io/en/latest/tutorial_01.html>
              - Python `ipaddress`: `ip_network(strict=False)` <https://docs.python.org/3/library/ipaddress.html#ipaddress.ip_network>
              - Neutron bug 1869129: unnormalised remote_ip_prefix not applied by OVN <https://bugs.launchpad.net/neutron/+bug/1869129>
              """)
          .build();

  /** With {@code ==} or {@code !=}, what makes a template read as an OVN match. */
  private static final Pattern MATCH_FIELD = Pattern.compile("ip[46]|&&|\\|\\|");

  public AddressComparedAsString() {
    super(META);
    on(Ast.Compare.class, this::visitCompare);
    on(Ast.Call.class, this::visitCall);
    on(Ast.BinOp.class, this::visitFormat);
    on(Ast.JoinedStr.class, this::visitFormat);
  }

  private void visitCompare(Ast.Compare c, RuleContext ctx) {
    if (c.ops().size() != 1) {
      return;
    }
    SemanticModel model = ctx.semantic();
    Expr left = c.left();
    Expr right = c.comparators().get(0);
    switch (c.ops().get(0)) {
      case In, NotIn -> {
        Expr address = addressPart(left, model);
        if (address != null && model.isString(right)) {
          ctx.report(
              this,
              c,
              String.format(
                  "`%s` is an IP address tested as a substring of a string; split the string"
                      + " into entries and compare parsed addresses.",
                  ctx.text(address)));
        } else if (isOvnCode(ctx)
            && model.isAddressEntry(right)
            && model.constantValue(left).isEmpty()) {
          // One "MAC IP..." entry of a port's addresses: whatever is looked for, a substring.
          ctx.report(
              this,
              c,
              String.format(
                  "`%s` is tested as a substring of `%s`, one \"MAC IP...\" entry of a port's"
                      + " addresses: split the entry and compare parsed addresses.",
                  ctx.text(left), ctx.text(right)));
        }
      }
      case Eq, NotEq -> {
        IpValue a = ip(left, model);
        IpValue b = ip(right, model);
        if (a == null || b == null) {
          return;
        }
        if (a.text() != b.text()) {
          ctx.report(
              this,
              c,
              String.format(
                  "`%s` compares the text of an address with a parsed address object: they are"
                      + " never equal; compare two parsed values.",
                  ctx.text(c)));
        } else if (a.text() && isAddressAndPrefix(a, b)) {
          ctx.report(
              this,
              c,
              String.format(
                  "`%s` compares an IP address with a prefix as strings: they are never equal;"
                      + " test `netaddr.IPAddress(ip) in netaddr.IPNetwork(prefix)`.",
                  ctx.text(c)));
        }
      }
      default -> {}
    }
  }

  private void visitCall(Ast.Call call, RuleContext ctx) {
    if (!(call.func() instanceof Ast.Attribute a)
        || !(a.attr().equals("startswith") || a.attr().equals("endswith"))
        || call.args().size() != 1) {
      return;
    }
    SemanticModel model = ctx.semantic();
    Expr address =
        ip(a.value(), model) != null
            ? a.value()
            : ip(call.args().get(0), model) != null ? call.args().get(0) : null;
    if (address != null) {
      ctx.report(
          this,
          call,
          String.format(
              "`%s` is an IP address or prefix compared by its text with `%s()`; other spellings"
                  + " of the same address differ, use `netaddr`/`ipaddress` (`ip in network`).",
              ctx.text(address), a.attr()));
    }
  }

  /** {@code ' && ip4.src == %s' % rule['remote_ip_prefix']}. */
  private void visitFormat(Expr e, RuleContext ctx) {
    String template = template(e);
    if (template == null
        || !(template.contains("==") || template.contains("!="))
        || !MATCH_FIELD.matcher(template).find()) {
      return;
    }
    SemanticModel model = ctx.semantic();
    for (Expr part : formattedParts(e)) {
      Optional<IpValue> v = model.ipValue(part);
      if (v.isPresent() && v.get().form() == IpValue.Form.PREFIX && !v.get().normalised()) {
        ctx.report(
            this,
            part,
            String.format(
                "`%s` is a prefix that may have host bits set, put into an OVN match; OVN rejects"
                    + " such a match, so use its `.cidr` or the rule's `normalized_cidr`.",
                ctx.text(part)));
      }
    }
  }

  /** Logical_Switch_Port rows, whose address entries are strings, are read in OVN code only. */
  private static boolean isOvnCode(RuleContext ctx) {
    return OvnCode.contains(ctx.path());
  }

  /** The literal text of a {@code %} template or of an f-string, or null. */
  private static String template(Expr e) {
    return switch (e) {
      case Ast.BinOp b
          when b.op() == Ast.Operator.Mod
              && b.left() instanceof Ast.Constant c
              && c.value() instanceof String s ->
          s;
      case Ast.JoinedStr j -> {
        StringBuilder sb = new StringBuilder();
        for (Expr v : j.values()) {
          if (v instanceof Ast.Constant c && c.value() instanceof String s) {
            sb.append(s);
          } else {
            sb.append("{}");
          }
        }
        yield sb.toString();
      }
      default -> null;
    };
  }

  /** The values a {@code %} or an f-string formats. */
  private static List<Expr> formattedParts(Expr e) {
    List<Expr> parts = new ArrayList<>();
    if (e instanceof Ast.BinOp b) {
      if (b.right() instanceof Ast.Tuple t) {
        parts.addAll(t.elts());
      } else {
        parts.add(b.right());
      }
    } else if (e instanceof Ast.JoinedStr j) {
      for (Expr v : j.values()) {
        if (v instanceof Ast.FormattedValue f) {
          parts.add(f.value());
        }
      }
    }
    return parts;
  }

  /**
   * The address a value is, or the address a string formatted from it holds ({@code '%s:' % ip}),
   * or null.
   */
  private static Expr addressPart(Expr e, SemanticModel model) {
    IpValue v = ip(e, model);
    if (v != null) {
      return v.text() ? e : null;
    }
    if (template(e) != null) {
      for (Expr part : formattedParts(e)) {
        if (ip(part, model) != null) {
          return part;
        }
      }
    }
    return null;
  }

  /** The IP address or prefix a value holds (MAC addresses are not IP values), or null. */
  private static IpValue ip(Expr e, SemanticModel model) {
    return model.ipValue(e).filter(IpValue::isIp).orElse(null);
  }

  private static boolean isAddressAndPrefix(IpValue a, IpValue b) {
    return (a.form() == IpValue.Form.ADDRESS && b.form() == IpValue.Form.PREFIX)
        || (a.form() == IpValue.Form.PREFIX && b.form() == IpValue.Form.ADDRESS);
  }
}
