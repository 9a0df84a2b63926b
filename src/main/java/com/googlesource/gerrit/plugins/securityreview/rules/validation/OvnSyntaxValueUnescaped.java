package com.googlesource.gerrit.plugins.securityreview.rules.validation;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * OVN103: a tenant-controlled string written, unescaped, into an OVN column or option that OVN
 * parses with a syntax of its own: a Logical_Switch_Port's {@code addresses} and {@code
 * port_security}, a Load_Balancer's {@code vips}, DHCP_Options values, the port options OVN reads
 * as lists.
 *
 * <p>Which values are tenant-controlled, escaped or validated is the semantic model's ({@link
 * Origins} with {@link OriginPolicy#OVN_MATCH}, the same notion as for matches: API-validated
 * addresses are not tenant strings); the rule holds the columns and keys OVN parses.
 */
public final class OvnSyntaxValueUnescaped extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN103")
          .name("ovn-syntax-value-unescaped")
          .title("Tenant string written unescaped into an OVN column with its own syntax")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.INPUT_VALIDATION)
          .why(
              "OVN parses that value itself (space- and comma-separated lists, quoted strings,"
                  + " braces): a tenant who puts a delimiter or a quote into the string adds"
                  + " addresses, backends or DHCP options, or makes OVN reject the row.")
          .fix(
              "Write only API-validated values there (UUIDs, `netaddr`-parsed addresses), or"
                  + " validate the string against a strict pattern; for OVN string values, quote"
                  + " *and* escape it (`json.dumps`-style), not just wrap it in quotes.")
          .doc(
              """
              ## What it does

              Flags a value built from a tenant-controlled free-form string (a name, a
              description, a binding profile value, an extra DHCP option's `opt_value`, a value
              read back from an OVN row's `external_ids`) that is written where OVN parses the
              string with a syntax of its own:

              - the `addresses`, `port_security`, `vips` and `options` columns, given as a
                keyword argument, a dict key, or a `(column, value)` pair of `db_set`/`db_add`
                (for `options` and `vips` dicts, each key and value);
              - a DHCP option OVN reads as a string or a list (`domain_name`, `bootfile_name`,
                `dns_server`, `classless_static_route`, ...) and the port options OVN reads as
                lists (`requested-chassis`, `virtual-parents`, `virtual-ip`), set with
                `options[key] = value` or in a dict display;
              - in OVN code, an extra DHCP option's value (`opt_value`) stored into any map
                (`opts[name] = value`, a dict display): the OVN driver writes those maps into
                DHCP_Options, whatever the key is called on the way. Rewriting the option's own
                `opt_value` in place is not flagged; the store that follows is.

              Where a value comes from is the semantic model's, as for OVN102: it is followed
              through assignments, helpers of the same file and string methods; UUIDs, integers,
              constants, addresses the API validated (`fixed_ips[*]['ip_address']`,
              `mac_address`, `cidr`), `netaddr`/`ipaddress` values and the results of
              `validate_*`, `*escape*` and `*quote*` helpers are not tenant strings. Wrapping a
              value in quotes (`'"%s"' % value`) is not escaping it and is still flagged. Matches
              are OVN102's. Only OVN code is checked (files whose path contains `ovn`: elsewhere
              a `domain_name` key or an `addresses=` argument means something else), only code
              inside functions, and not test code.

              A template string (`t"..."`, Python 3.14) is not a value built by formatting: it makes
              a `string.templatelib.Template`, whose interpolated values stay apart from its text,
              so it stays silent. Code that turns a Template into text itself (a helper joining its
              `strings` and `values` unescaped) is beyond what one file shows.

              ## Why it matters

              These columns are not opaque strings to OVN. An `addresses` or `port_security`
              entry is `MAC IP...` separated by spaces; a `vips` key and its backends are
              `IP:port` lists separated by commas; `requested-chassis` and `virtual-parents`
              are comma-separated lists; a DHCP option value is a token, a quoted string or a
              `{...}` list that ovn-northd copies into the `put_dhcp_opts()` action of a logical
              flow. A tenant string with a space, a comma, a quote or a brace in it adds list
              entries (another allowed address, another backend, another DHCP option) or makes
              ovn-northd reject the row, so that the port silently loses its flows. Neutron fixed
              string DHCP options that were not quoted at all (bug 1946764); a quote inside the
              value still ends the string early.

              ## Example

              ```python
              def _dhcp_options(self, port, subnet):
                  name = port['dns_name']
                  return {'cidr': subnet['cidr'],
                          'options': {'hostname': '"%s"' % name}}
              ```

              ## Use instead

              ```python
              def _dhcp_options(self, port, subnet):
                  name = validate_dns_name(port['dns_name'])
                  return {'cidr': subnet['cidr'],
                          'options': {'hostname': '"%s"' % name}}
              ```

              ## References

              - ovn-nb(5), Logical_Switch_Port `addresses` and `port_security`, Load_Balancer `vips`, DHCP_Options `options` <https://www.ovn.org/support/dist-docs/ovn-nb.5.html>
              - ovn-sb(5), Logical_Flow actions and string quoting <https://www.ovn.org/support/dist-docs/ovn-sb.5.html>
              - Neutron bug 1946764: string DHCP options must be quoted <https://bugs.launchpad.net/neutron/+bug/1946764>
              - CWE-74: Improper Neutralization of Special Elements in Output Used by a Downstream Component <https://cwe.mitre.org/data/definitions/74.html>
              """)
          .build();

  /** Columns whose values OVN parses: lists of addresses, VIPs and backends, option values. */
  private static final Set<String> COLUMNS =
      Set.of("addresses", "port_security", "vips", "options");

  /** Columns that hold a map: each key and value is parsed. */
  private static final Set<String> MAP_COLUMNS = Set.of("vips", "options");

  /**
   * DHCP option names OVN reads as a quoted string or a {@code {...}} list, and port option keys it
   * reads as comma-separated lists.
   */
  private static final Set<String> PARSED_OPTION_KEYS =
      Set.of(
          "domain_name",
          "bootfile_name",
          "bootfile_name_alt",
          "path_prefix",
          "tftp_server",
          "wpad",
          "hostname",
          "domain_search_list",
          "dns_server",
          "ntp_server",
          "classless_static_route",
          "ms_classless_static_route",
          "requested-chassis",
          "virtual-parents",
          "virtual-ip");

  /** Neutron's names for the port option keys ({@code neutron.common.ovn.constants}). */
  private static final Set<String> PARSED_OPTION_CONSTANTS =
      Set.of(
          "LSP_OPTIONS_REQUESTED_CHASSIS_KEY",
          "LSP_OPTIONS_VIRTUAL_PARENTS_KEY",
          "LSP_OPTIONS_VIRTUAL_IP_KEY");

  /** The field of an extra DHCP option ({@code extra_dhcp_opts}) that holds its value. */
  private static final String EXTRA_DHCP_VALUE_FIELD = "opt_value";

  /** Calls whose {@code (column, value)} arguments set columns of a row. */
  private static final Set<String> COLUMN_SETTERS = Set.of("db_set", "db_add");

  public OvnSyntaxValueUnescaped() {
    super(META);
    // These columns and option keys are OVN's only in OVN code: elsewhere a domain_name key or an
    // addresses= argument means something else, and other drivers (dnsmasq) write extra DHCP
    // options in their own syntax.
    checksOnlyPaths(OvnCode::contains);
    on(Ast.Call.class, this::visitCall);
    on(Ast.Dict.class, this::visitDict);
    on(Ast.Assign.class, this::visitAssign);
  }

  /** Values already reported (a dict reached both as a keyword and as a display). */
  private Set<Expr> reported(RuleContext ctx) {
    return ctx.state(this, () -> Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean inFunction(Ast.Node node, RuleContext ctx) {
    return ctx.semantic().enclosingFunction(node) != null;
  }

  private void visitCall(Ast.Call call, RuleContext ctx) {
    if (!inFunction(call, ctx)) {
      return;
    }
    for (Ast.Keyword k : call.keywords()) {
      if (k.arg() != null && COLUMNS.contains(k.arg())) {
        column(k.arg(), k.value(), ctx);
      }
    }
    String name = ctx.semantic().callName(call);
    if (name != null && COLUMN_SETTERS.contains(SemanticModel.lastPart(name))) {
      for (Expr arg : call.args()) {
        if (arg instanceof Ast.Tuple t && t.elts().size() == 2) {
          String col = ctx.semantic().constantString(t.elts().get(0)).orElse(null);
          if (col != null && COLUMNS.contains(col)) {
            column(col, t.elts().get(1), ctx);
          }
        }
      }
    }
  }

  private void visitDict(Ast.Dict dict, RuleContext ctx) {
    if (!inFunction(dict, ctx)) {
      return;
    }
    for (int i = 0; i < dict.keys().size(); i++) {
      Expr key = dict.keys().get(i);
      String col = key == null ? null : ctx.semantic().constantString(key).orElse(null);
      if (col != null && COLUMNS.contains(col)) {
        column(col, dict.values().get(i), ctx);
      } else if (key != null && isParsedOptionKey(key, ctx)) {
        check(optionName(key, ctx), dict.values().get(i), ctx);
      } else {
        checkExtraDhcpValue(dict.values().get(i), ctx);
      }
    }
  }

  /**
   * {@code options['requested-chassis'] = value}; {@code opts[name] = value} of an extra DHCP
   * option's value.
   */
  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    if (!inFunction(assign, ctx)) {
      return;
    }
    for (Expr target : assign.targets()) {
      if (target instanceof Ast.Subscript s && isParsedOptionKey(s.slice(), ctx)) {
        check(optionName(s.slice(), ctx), assign.value(), ctx);
      } else if (target instanceof Ast.Subscript s
          // edo['opt_value'] = '"%s"' % edo['opt_value'] rewrites the option itself; the
          // store that matters is where the value goes next.
          && !isExtraDhcpValue(s, ctx)) {
        checkExtraDhcpValue(assign.value(), ctx);
      }
    }
  }

  /** An extra DHCP option's value stored into a map as it is: OVN parses it as a DHCP value. */
  private void checkExtraDhcpValue(Expr value, RuleContext ctx) {
    Origin o = Origins.of(ctx.semantic(), value, OriginPolicy.OVN_MATCH);
    if (o.kind() != Origin.Kind.TENANT
        || !isExtraDhcpValue(o.tenant().source(), ctx)
        || !reported(ctx).add(value)) {
      return;
    }
    ctx.report(
        this,
        value,
        String.format(
            "An extra DHCP option's value, `%s`, is stored for OVN's DHCP_Options as the tenant"
                + " wrote it: OVN parses it (a token, a quoted string or a `{...}` list), and it"
                + " is neither escaped nor validated.",
            oneLine(ctx.text(o.tenant().source()))));
  }

  /** {@code edo['opt_value']}, {@code edo.get('opt_value')}. */
  private static boolean isExtraDhcpValue(Expr source, RuleContext ctx) {
    Expr key =
        switch (source) {
          case Ast.Subscript s -> s.slice();
          case Ast.Call c when c.func() instanceof Ast.Attribute a && !c.args().isEmpty() ->
              c.args().get(0);
          default -> null;
        };
    return key != null
        && ctx.semantic().constantString(key).filter(EXTRA_DHCP_VALUE_FIELD::equals).isPresent();
  }

  /** A column's value: a map display's keys and values, a list display's elements, or itself. */
  private void column(String col, Expr value, RuleContext ctx) {
    if (MAP_COLUMNS.contains(col) && value instanceof Ast.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) != null) {
          check(col, d.keys().get(i), ctx);
        }
        // Option values under keys OVN parses are checked (and named) by visitDict.
        if (d.keys().get(i) == null || !isParsedOptionKey(d.keys().get(i), ctx)) {
          check(col, d.values().get(i), ctx);
        }
      }
      return;
    }
    if (value instanceof Ast.List l) {
      l.elts().forEach(e -> check(col, e, ctx));
      return;
    }
    check(col, value, ctx);
  }

  private void check(String where, Expr value, RuleContext ctx) {
    if (value instanceof Ast.Dict) {
      return; // a map under a key: its own keys are visited as a display
    }
    Origin o = Origins.of(ctx.semantic(), value, OriginPolicy.OVN_MATCH);
    if (o.kind() != Origin.Kind.TENANT || !reported(ctx).add(value)) {
      return;
    }
    ctx.report(
        this,
        value,
        String.format(
            "`%s` is parsed by OVN, and this value is built from tenant-controlled `%s`, which is"
                + " neither escaped nor validated.",
            where, oneLine(ctx.text(o.tenant().source()))));
  }

  private static boolean isParsedOptionKey(Expr key, RuleContext ctx) {
    return optionName(key, ctx) != null;
  }

  /** The option a key names when OVN parses its value, or null. */
  private static String optionName(Expr key, RuleContext ctx) {
    String literal = ctx.semantic().constantString(key).orElse(null);
    if (literal != null) {
      return PARSED_OPTION_KEYS.contains(literal) ? literal : null;
    }
    String name = SemanticModel.dotted(key);
    return name != null && PARSED_OPTION_CONSTANTS.contains(SemanticModel.lastPart(name))
        ? SemanticModel.lastPart(name)
        : null;
  }

  /** Source text for a message: a read that spans lines, on one. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }
}
