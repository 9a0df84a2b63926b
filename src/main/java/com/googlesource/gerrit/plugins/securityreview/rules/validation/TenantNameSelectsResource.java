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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.TenantSource;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OVN106: a name or description a tenant sets used as the key that selects another resource, on a
 * path that never ties the selection to a project.
 */
public final class TenantNameSelectsResource extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN106")
          .name("tenant-name-selects-resource")
          .title("Tenant-set name or description used to select a resource, with no owner check")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.LOW)
          .family(Family.INPUT_VALIDATION)
          .why(
              "Names and descriptions are free text that any project can set to anything, another"
                  + " project's names included: a lookup keyed on one picks whichever resource"
                  + " carries it, not the one the caller owns.")
          .fix(
              "Select by the resource's id (or the id Neutron keeps in the OVN row's"
                  + " `external_ids`), or filter by the caller's project as well.")
          .doc(
              """
              ## What it does

              Flags a free-form field (`name`, `description`, `dns_name`, `device_id`, ...) read
              from a value the semantic model knows to be a tenant's resource (a `port`, `network`,
              `router`, ... an ML2 driver or API handler is given, `context.current`) when it is
              the key of a selection:

              - the name of an OVSDB lookup on an API the model knows: `api.lookup(table, value)`,
                a `*_get(value)` command, a condition of `db_find`/`db_find_rows`;
              - a `name` or `description` entry of a `filters={...}` argument, or a `name=` or
                `description=` keyword of a `get_*` call (Neutron's plugin and object getters);
              - one side of `==` or of `startswith` whose other side reads a `name` or
                `description`, in the condition of a comprehension or of an `if` in a loop
                (picking rows by their name).

              Silent when the function also reads a `project_id` or `tenant_id` (the selection is
              tied to an owner on that path), when the value was checked against an allow-list
              or went through a validator first, and in test code. Names Neutron itself sets
              (`neutron-<uuid>`, `pg_<uuid>`) are not tenant input and do not count, nor do a
              `name` read from any dict or object the model knows nothing about, or values read
              from an OVN row's `external_ids` or `options`: Neutron wrote those, and the same key
              (`neutron:router_name`) holds a tenant's label on one table and a Neutron name on
              another. Whether a
              name is unique within a project is not known to the rule, hence the low confidence.

              ## Why it matters

              Neutron identifies resources by UUID; names and descriptions are labels the API
              accepts from any project with no uniqueness across projects. Code that finds a load
              balancer, router, port group or port by the label a tenant gave it (a name prefix, a
              name equality, a `filters={'name': ...}` query run with an admin context) acts on
              whatever resource carries that label: a tenant that names its own resource like
              another project's can have the action applied to it, or steer it to the victim's.

              ## Example

              ```python
              def attach_to_router(self, context, port):
                  routers = self._l3.get_routers(
                      context.elevated(), filters={'name': [port['description']]})
                  self._l3.add_router_interface(context, routers[0]['id'], {'port_id': port['id']})
              ```

              ## Use instead

              ```python
              def attach_to_router(self, context, port, router_id):
                  router = self._l3.get_router(context, router_id)  # policy checks the owner
                  self._l3.add_router_interface(context, router['id'], {'port_id': port['id']})
              ```

              ## References

              - Neutron API: names and descriptions are free text <https://docs.openstack.org/api-ref/network/v2/>
              - CWE-639: Authorization Bypass Through User-Controlled Key <https://cwe.mitre.org/data/definitions/639.html>
              """)
          .build();

  /** Keys and attributes that are a resource's label, not its identity. */
  private static final Set<String> LABEL_FIELDS = Set.of("name", "description");

  /** Fields that tie a selection to a project. */
  private static final Set<String> OWNER_FIELDS = Set.of("project_id", "tenant_id");

  public TenantNameSelectsResource() {
    super(META);
    on(Call.class, this::visitCall);
    on(Ast.Compare.class, this::visitCompare);
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    for (Expr key : selectionKeys(model, call)) {
      check(key, "selects", ctx);
    }
    if (call.func() instanceof Attribute a
        && a.attr().equals("startswith")
        && call.args().size() == 1
        && isLabelRead(model, a.value())
        && isRowFilter(call, ctx)) {
      check(call.args().get(0), "picks rows by their name prefix with", ctx);
    }
  }

  private void visitCompare(Ast.Compare compare, RuleContext ctx) {
    if (compare.ops().size() != 1
        || compare.ops().get(0) != Ast.CmpOp.Eq
        || !isRowFilter(compare, ctx)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    Expr right = compare.comparators().get(0);
    if (isLabelRead(model, compare.left())) {
      check(right, "picks rows by their name with", ctx);
    } else if (isLabelRead(model, right)) {
      check(compare.left(), "picks rows by their name with", ctx);
    }
  }

  private void check(Expr key, String how, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Optional<TenantSource> tenant = model.tenantSource(key);
    if (tenant.isEmpty()
        || !tenant.get().freeForm()
        || !isReadFromTenantResource(model, tenant.get().source())
        || ownerCheckedInFunction(key, ctx)) {
      return;
    }
    ctx.report(
        this,
        key,
        "`"
            + ctx.text(key)
            + "` is "
            + tenant.get().reason()
            + ", and this code "
            + how
            + " it, with no project check in the function.");
  }

  /**
   * Whether a tenant source is a field read from a value the model itself knows to be a tenant's
   * resource ({@code port['name']} of a port a driver was given), not a name read from any dict or
   * object: a {@code name} key alone says nothing about who set it. Values read from an OVN row's
   * {@code external_ids} or {@code options} do not count either: Neutron wrote them, and the same
   * key holds a tenant's label on one table and a Neutron name on another.
   */
  private static boolean isReadFromTenantResource(SemanticModel model, Expr source) {
    Expr container =
        switch (source) {
          case Ast.Subscript s -> s.value();
          case Call c when c.func() instanceof Attribute a -> a.value();
          default -> null;
        };
    if (container == null
        || (container instanceof Attribute a
            && (a.attr().equals("external_ids") || a.attr().equals("options")))) {
      return false;
    }
    return model.tenantSource(container).isPresent();
  }

  /** The values a call selects by: OVSDB lookup names, name filters, name keywords of getters. */
  private static List<Expr> selectionKeys(SemanticModel model, Call call) {
    if (!(call.func() instanceof Attribute a)) {
      return List.of();
    }
    List<Expr> ovsdb = ovsdbLookupKeys(a.attr(), call);
    List<Expr> other = nameFilterKeys(model, a.attr(), call);
    if (ovsdb.isEmpty() && other.isEmpty()) {
      return ovsdb; // selects by nothing this rule knows, whatever the receiver is
    }
    return model.kindOf(a.value()) == ValueKind.OVSDB_API ? ovsdb : other;
  }

  /** What the call would select by if it were a method of an ovsdbapp API. */
  private static List<Expr> ovsdbLookupKeys(String method, Call call) {
    List<Expr> keys = new ArrayList<>();
    if (method.equals("lookup") && call.args().size() >= 2) {
      keys.add(call.args().get(1));
    } else if (method.endsWith("_get") && !call.args().isEmpty()) {
      keys.add(call.args().get(0));
    } else if (method.equals("db_find") || method.equals("db_find_rows")) {
      for (int i = 1; i < call.args().size(); i++) {
        if (call.args().get(i) instanceof Ast.Tuple t && t.elts().size() == 3) {
          keys.add(t.elts().get(2));
        }
      }
    }
    return keys;
  }

  /** The name filters and name keywords of getters the call is given, for any other receiver. */
  private static List<Expr> nameFilterKeys(SemanticModel model, String method, Call call) {
    List<Expr> keys = new ArrayList<>();
    if (RuleContext.keyword(call, "filters") instanceof Ast.Dict filters) {
      for (int i = 0; i < filters.keys().size(); i++) {
        Expr k = filters.keys().get(i);
        if (k != null && model.constantString(k).map(LABEL_FIELDS::contains).orElse(false)) {
          Expr v = filters.values().get(i);
          List<Expr> elts = v instanceof Ast.List l ? l.elts() : List.of(v);
          keys.addAll(elts);
        }
      }
    }
    if (method.startsWith("get_")) {
      for (Ast.Keyword k : call.keywords()) {
        if (k.arg() != null && LABEL_FIELDS.contains(k.arg())) {
          keys.add(k.value());
        }
      }
    }
    return keys;
  }

  /** {@code x.name}, {@code x['name']}, {@code x.get('name')} (and the same for description). */
  private static boolean isLabelRead(SemanticModel model, Expr e) {
    return switch (e) {
      case Attribute a -> LABEL_FIELDS.contains(a.attr());
      case Ast.Subscript s ->
          model.constantString(s.slice()).map(LABEL_FIELDS::contains).orElse(false);
      case Call c ->
          c.func() instanceof Attribute a
              && a.attr().equals("get")
              && !c.args().isEmpty()
              && model.constantString(c.args().get(0)).map(LABEL_FIELDS::contains).orElse(false);
      default -> false;
    };
  }

  /**
   * Whether the node being visited filters rows: it is in the condition of a comprehension, or in
   * the test of an {@code if} inside a loop body of the same function.
   */
  private static boolean isRowFilter(Ast.Node visited, RuleContext ctx) {
    boolean inIfTest = false;
    Ast.Node child = visited;
    for (Ast.Node n : ctx.ancestors()) {
      if (n instanceof Ast.Comprehension comp && child != null && comp.ifs().contains(child)) {
        return true;
      }
      if (n instanceof Ast.If i && i.test() == child) {
        inIfTest = true;
      }
      if (inIfTest && (n instanceof Ast.For || n instanceof Ast.While)) {
        return true;
      }
      if (NodeVisitor.opensScope(n)) {
        return false;
      }
      child = n;
    }
    return false;
  }

  /** Whether the function holding a node reads a project or tenant id anywhere. */
  private static boolean ownerCheckedInFunction(Expr at, RuleContext ctx) {
    Ast.FunctionLike fn = ctx.semantic().enclosingFunction(at);
    if (fn == null) {
      return false;
    }
    ArrayDeque<Ast.Node> stack = new ArrayDeque<>(fn.body());
    while (!stack.isEmpty()) {
      Ast.Node n = stack.pop();
      boolean owner =
          switch (n) {
            case Attribute a -> OWNER_FIELDS.contains(a.attr());
            case Ast.Constant c -> c.value() instanceof String s && OWNER_FIELDS.contains(s);
            case Ast.Keyword k -> k.arg() != null && OWNER_FIELDS.contains(k.arg());
            default -> false;
          };
      if (owner) {
        return true;
      }
      NodeVisitor.forEachChild(n, stack::push);
    }
    return false;
  }
}
