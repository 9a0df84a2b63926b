package com.googlesource.gerrit.plugins.securityreview.rules.config;

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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Scope;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OVN406: the default drop port group, which every tenant's ports share, collected into one list
 * with port groups looked up for one resource, so that per-resource settings land on it too.
 */
public final class SharedPortGroupWithTenantGroups extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN406")
          .name("shared-port-group-with-tenant-groups")
          .title("Shared drop port group handled together with one resource's port groups")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.SECURITY_CONFIGURATION)
          .why(
              "`neutron_pg_drop` holds every port of every project: a setting meant for one"
                  + " security group or log object (ACL logging, a log name, a meter) put on its"
                  + " ACLs applies to all tenants, and their drops are logged under another"
                  + " project's resource.")
          .fix(
              "Keep the shared group out of per-resource handling: give the resource its own rows"
                  + " (drop ACLs on its own port group, say) and touch `neutron_pg_drop` only for"
                  + " settings that are global by design.")
          .doc(
              """
              ## What it does

              Looks at the lists a function builds (`pgs.append(...)`, `.extend`, `.insert`, `+=`
              and the list display a name is first bound to). It flags the function when one list
              gets both the default drop port group, looked up by its name
              (`ovn_const.OVN_DROP_PORT_GROUP_NAME` or a string holding `neutron_pg_drop`), and a
              port group looked up by a name computed from a resource
              (`utils.ovn_port_group_name(sg_id)`). Lookups count on an OVSDB API the model knows:
              `api.lookup('Port_Group', name)`, `api.pg_get(name)` and
              `idlutils.row_by_value(idl, 'Port_Group', 'name', name)`, directly in what is
              added or through the local name the row is kept in.

              Silent: lists of the drop group alone (a global setting), lists of per-resource
              groups alone, a drop group removed from a list (`pgs.remove(...)`), and test code.
              The rule sees one function at a time: a list filled in two helpers is not followed.

              ## Why it matters

              Neutron's OVN driver puts every port with port security in `neutron_pg_drop`, whose
              ACLs drop what no security group allows. The network logging driver once added that
              group to the port groups of a log object that named one security group, and set
              `log`, the log's `name` and its `meter` on all their ACLs: the drops of every
              project's ports were then logged, under the name of one tenant's log resource
              (Launchpad bug 2110087). Anything collected with a tenant's port groups is treated
              as the tenant's; the shared row must not be.

              ## Example

              ```python
              def _port_groups_of(self, log_obj):
                  pgs = []
                  if log_obj.event in (DROP, ALL):
                      drop = self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)
                      pgs.append(drop)
                  if log_obj.resource_id:
                      pgs.append(self.nb.lookup(
                          'Port_Group', utils.ovn_port_group_name(log_obj.resource_id)))
                  return pgs
              ```

              ## Use instead

              ```python
              def _port_groups_of(self, log_obj):
                  if not log_obj.resource_id:
                      # A log of the whole cloud: the shared group is in scope by design.
                      return [self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)]
                  return [self.nb.lookup(
                      'Port_Group', utils.ovn_port_group_name(log_obj.resource_id))]
              ```

              and log the security group's drops with drop ACLs of its own port group.

              ## References

              - Launchpad bug 2110087, network log drop events attributed across projects <https://bugs.launchpad.net/neutron/+bug/2110087>
              - Neutron OVN security group logging <https://docs.openstack.org/neutron/latest/admin/config-logging.html>
              - CWE-668: Exposure of Resource to Wrong Sphere <https://cwe.mitre.org/data/definitions/668.html>
              """)
          .build();

  /** What one port group lookup selects. */
  private enum Selected {
    SHARED_DROP_GROUP,
    RESOURCE_GROUP
  }

  /** What is added to one list of one scope: the first addition of each kind of group. */
  private static final class Additions {
    final Map<Selected, Ast.Located> first = new LinkedHashMap<>();
  }

  /** The lists of the file by scope and name, in the order the walk met them. */
  private static final class FileLists {
    final Map<Scope, Map<String, Additions>> byScope = new IdentityHashMap<>();
    final List<Additions> all = new ArrayList<>();

    Additions of(Scope scope, String name) {
      return byScope
          .computeIfAbsent(scope, s -> new LinkedHashMap<>())
          .computeIfAbsent(
              name,
              n -> {
                Additions a = new Additions();
                all.add(a);
                return a;
              });
    }
  }

  public SharedPortGroupWithTenantGroups() {
    super(META);
    on(Call.class, this::visitCall);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.AugAssign.class, this::visitAugAssign);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (call.func() instanceof Attribute a
        && a.value() instanceof Ast.Name list
        && (a.attr().equals("append") || a.attr().equals("extend") || a.attr().equals("insert"))
        && !call.args().isEmpty()) {
      Expr added = call.args().get(call.args().size() - 1);
      record(list, added, ctx);
    }
  }

  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    if (assign.value() instanceof Ast.List display) {
      for (Expr target : assign.targets()) {
        if (target instanceof Ast.Name list) {
          for (Expr e : display.elts()) {
            record(list, e, ctx);
          }
        }
      }
    }
  }

  private void visitAugAssign(Ast.AugAssign assign, RuleContext ctx) {
    if (assign.op() == Ast.Operator.Add && assign.target() instanceof Ast.Name list) {
      record(list, assign.value(), ctx);
    }
  }

  private void record(Ast.Name list, Expr added, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Scope scope = model.scopeOf(list);
    if (!(scope.node() instanceof Ast.FunctionLike)) {
      return;
    }
    for (Selected s : selectedBy(model, added)) {
      ctx.state(this, FileLists::new).of(scope, list.id()).first.putIfAbsent(s, added);
    }
  }

  @Override
  public void endFile(RuleContext ctx) {
    for (Additions a : ctx.state(this, FileLists::new).all) {
      Ast.Located shared = a.first.get(Selected.SHARED_DROP_GROUP);
      Ast.Located resource = a.first.get(Selected.RESOURCE_GROUP);
      if (shared != null && resource != null) {
        ctx.report(
            this,
            shared,
            "The shared drop port group is collected in one list with a port group looked up"
                + " for one resource (line "
                + resource.loc().line()
                + "): what is then set per resource also lands on every tenant's ports.");
      }
    }
  }

  /** The port group lookups an added expression holds, directly or through local names. */
  private static List<Selected> selectedBy(SemanticModel model, Expr added) {
    List<Selected> found = new ArrayList<>();
    ArrayDeque<Ast.Node> stack = new ArrayDeque<>();
    stack.push(added);
    int steps = 0;
    while (!stack.isEmpty() && steps++ < 1_000) {
      Ast.Node n = stack.pop();
      Ast.Node looked = n;
      if (n instanceof Ast.Name name) {
        looked = model.reachingValue(name);
      }
      Selected s = looked instanceof Call c ? portGroupLookup(model, c) : null;
      if (s != null && !found.contains(s)) {
        found.add(s);
      }
      if (!(n instanceof Ast.Name) && !NodeVisitor.opensScope(n)) {
        NodeVisitor.forEachChild(n, stack::push);
      }
    }
    return found;
  }

  /** What a call selects when it looks a port group up by name; null for other calls. */
  private static Selected portGroupLookup(SemanticModel model, Call c) {
    Expr name = null;
    if (c.func() instanceof Attribute a && model.kindOf(a.value()) == ValueKind.OVSDB_API) {
      if (a.attr().equals("lookup") && c.args().size() >= 2 && isPortGroupTable(model, c, 0)) {
        name = c.args().get(1);
      } else if (a.attr().equals("pg_get") && !c.args().isEmpty()) {
        name = c.args().get(0);
      }
    } else if (isRowByValue(model, c)
        && c.args().size() >= 4
        && isPortGroupTable(model, c, 1)
        && model.constantString(c.args().get(2)).filter("name"::equals).isPresent()) {
      name = c.args().get(3);
    }
    if (name == null) {
      return null;
    }
    if (model.isDropPortGroupName(name)) {
      return Selected.SHARED_DROP_GROUP;
    }
    return model.constantValue(name).isPresent() ? null : Selected.RESOURCE_GROUP;
  }

  private static boolean isPortGroupTable(SemanticModel model, Call c, int index) {
    return model.constantString(c.args().get(index)).filter("Port_Group"::equals).isPresent();
  }

  private static boolean isRowByValue(SemanticModel model, Call c) {
    String q = model.callName(c);
    return q != null && (q.equals("idlutils.row_by_value") || q.endsWith(".idlutils.row_by_value"));
  }
}
