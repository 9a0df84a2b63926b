package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangeContext;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Engine;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OVN702: a security API extension (security groups, port security, allowed address pairs, address
 * groups) added to the OVN driver's supported-extension list while no ACL module changes.
 */
public final class SecurityExtensionWithoutAcl extends DiffRule {
  private static final Pattern LIST_NAME =
      Pattern.compile(".*SUPPORTED.*EXTENSION.*", Pattern.CASE_INSENSITIVE);

  /** The security concepts, with '-', '_' and case taken out of the names compared. */
  private static final List<String> CONCEPTS =
      List.of("securitygroup", "portsecurity", "allowedaddresspair", "addressgroup");

  /**
   * Extensions about security groups that only change the API or the DB (RBAC sharing, filters,
   * default rules and defaults, which rules belong to the default group): the ACLs built from the
   * groups do not change.
   */
  private static final List<String> API_ONLY =
      List.of("rbac", "shared", "filter", "default", "belongs");

  static final RuleMeta META =
      RuleMeta.builder("OVN702")
          .name("security-extension-without-acl")
          .title("Security API extension declared supported by OVN with no change to ACL code")
          .severity(Severity.HIGH)
          .confidence(Confidence.LOW)
          .family(Family.CHANGES)
          .why(
              "Declaring the extension supported lets users create the resources or attributes it"
                  + " defines; if the driver does not turn them into OVN ACLs, port groups or port"
                  + " security, the API accepts a security policy that is never enforced.")
          .fix(
              "Change the ACL code in the same change, or point to where the extension is"
                  + " enforced.")
          .doc(
              """
              ## What it does

              Looks at the module-level lists and tuples whose name matches `*SUPPORTED*EXTENSION*`
              (any case), such as the OVN driver's `ML2_SUPPORTED_API_EXTENSIONS`, and reports each
              element the change adds that names a security extension: the `ALIAS` of an imported
              API definition module about security groups, port security, allowed address pairs or
              address groups (`port_security.ALIAS`, `allowedaddresspairs.ALIAS`,
              `stateful_security_group.ALIAS`, ...), or a string such as `'port-security'` (also
              through a name bound to it).
              Extensions about security groups that only change the API or the database (RBAC,
              sharing, filtering, default rules and defaults, `belongs_to_default_sg`) do not count,
              nor does an extension already in one of the file's lists in the base version (moved,
              reordered, a string turned into its alias). It stays silent when the change also
              touches an ACL module, a non-test `.py` file whose name contains `acl`
              (`neutron/common/ovn/acl.py`), and on files the change adds.

              ## Why it matters

              The supported-extension list is what the OVN mechanism driver advertises to the
              Neutron API. Adding, say, `stateful-security-group` lets tenants create stateless
              security groups; adding `port-security` lets them turn port security off per port. If
              the driver does not build the matching ACLs (`allow-stateless` instead of
              `allow-related`, port group membership, the addresses a port may use), the API reports
              a security policy that OVN never applies, and traffic the user believes filtered flows
              freely.

              ## Example

              ```python
              # changed paths: neutron/common/ovn/extensions.py only
              # Base version:
              #     ML2_SUPPORTED_API_EXTENSIONS = [
              #         address_scope.ALIAS,
              #         agent_def.ALIAS,
              #     ]
              # New version:
              from neutron_lib.api.definitions import stateful_security_group

              ML2_SUPPORTED_API_EXTENSIONS = [
                  address_scope.ALIAS,
                  agent_def.ALIAS,
                  stateful_security_group.ALIAS,
              ]
              ```

              ## Use instead

              ```python
              # changed paths: neutron/common/ovn/extensions.py and neutron/common/ovn/acl.py,
              # which now builds "allow-stateless" ACLs for stateless security groups.
              ML2_SUPPORTED_API_EXTENSIONS = [
                  address_scope.ALIAS,
                  agent_def.ALIAS,
                  stateful_security_group.ALIAS,
              ]
              ```

              ## References

              - Neutron ML2/OVN features <https://docs.openstack.org/neutron/latest/admin/ovn/features.html>
              - Neutron ML2/OVN gaps from ML2/OVS <https://docs.openstack.org/neutron/latest/ovn/gaps.html>
              - CWE-693: Protection Mechanism Failure <https://cwe.mitre.org/data/definitions/693.html>
              """)
          .build();

  public SecurityExtensionWithoutAcl() {
    super(META);
  }

  @Override
  public void compare(ChangeContext ctx) {
    if (ctx.added()) {
      // A new file (often one moved in from another repository) adds every element at once.
      return;
    }
    for (String path : ctx.changedPaths()) {
      if (isAclModule(path)) {
        return;
      }
    }
    Set<String> before = new HashSet<>();
    for (Expr e : elements(ctx.base().module())) {
      String id = securityExtension(e, ctx.base());
      if (id != null) {
        before.add(id);
      }
    }
    Set<String> reported = new HashSet<>();
    for (Expr e : elements(ctx.current().module())) {
      String id = securityExtension(e, ctx.current());
      if (id != null && !before.contains(id) && reported.add(id)) {
        ctx.report(
            this,
            e,
            "The change declares the security extension `"
                + ctx.current().text(e)
                + "` supported, but changes no ACL module.");
      }
    }
  }

  static boolean isAclModule(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.endsWith(".py")
        && file.toLowerCase(Locale.ROOT).contains("acl")
        && !Engine.isTestPath(path);
  }

  /** The elements of the module-level supported-extension lists. */
  private static List<Expr> elements(Ast.Module module) {
    List<Expr> out = new ArrayList<>();
    for (Ast.Stmt s : module.body()) {
      switch (s) {
        case Ast.Assign a when a.targets().stream().anyMatch(SecurityExtensionWithoutAcl::named) ->
            collect(a.value(), out);
        case Ast.AnnAssign a when named(a.target()) && a.value() != null -> collect(a.value(), out);
        case Ast.AugAssign a when named(a.target()) -> collect(a.value(), out);
        default -> {}
      }
    }
    return out;
  }

  private static boolean named(Expr target) {
    return target instanceof Ast.Name n && LIST_NAME.matcher(n.id()).matches();
  }

  /** The elements of list, tuple and set displays, through {@code +} and {@code |}. */
  private static void collect(Expr value, List<Expr> out) {
    switch (value) {
      case Ast.List l -> l.elts().forEach(e -> element(e, out));
      case Ast.Tuple t -> t.elts().forEach(e -> element(e, out));
      case Ast.Set s -> s.elts().forEach(e -> element(e, out));
      case Ast.BinOp b -> {
        collect(b.left(), out);
        collect(b.right(), out);
      }
      case null, default -> {}
    }
  }

  private static void element(Expr e, List<Expr> out) {
    if (e instanceof Ast.Starred s) {
      collect(s.value(), out);
    } else {
      out.add(e);
    }
  }

  /**
   * Which security extension a list element names, or null: the alias string ({@code
   * 'port-security'}) or the last part of the module whose alias it is ({@code port_security} in
   * {@code neutron_lib.api.definitions.port_security.ALIAS}), with '-', '_' and case taken out, so
   * that a string turned into the module's alias stays the same extension.
   */
  private static String securityExtension(Expr e, RuleContext ctx) {
    // A string (or a name bound to one), else a module's ALIAS by the module's last name.
    String name = ctx.semantic().constantString(e).orElse(null);
    if (name == null
        && e instanceof Ast.Attribute a
        && a.attr().toUpperCase(Locale.ROOT).contains("ALIAS")) {
      String module = ctx.qualifiedName(a.value());
      name = module == null ? null : module.substring(module.lastIndexOf('.') + 1);
    }
    if (name == null) {
      return null;
    }
    String flat = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (API_ONLY.stream().anyMatch(flat::contains)) {
      return null;
    }
    for (String concept : CONCEPTS) {
      if (flat.contains(concept)) {
        return flat;
      }
    }
    return null;
  }
}
