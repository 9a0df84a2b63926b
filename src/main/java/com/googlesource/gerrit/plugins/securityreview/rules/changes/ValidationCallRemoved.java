package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangeContext;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OVN701: a {@code *_precommit} method or a port-binding method that called a {@code validate_*}
 * helper in the base version and no longer calls it.
 */
public final class ValidationCallRemoved extends DiffRule {
  /**
   * The methods where a validation stops a bad request before it reaches OVN: ML2's precommit
   * hooks, which run in the DB transaction and can still reject it, and port binding.
   */
  private static final Pattern GUARDED =
      Pattern.compile("\\w*_precommit|_*bind_port\\w*|\\w*_bind_port|\\w*binding\\w*");

  static final RuleMeta META =
      RuleMeta.builder("OVN701")
          .name("validation-call-removed")
          .title(
              "Precommit or port-binding method no longer calls a `validate_*` helper it called"
                  + " before")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.CHANGES)
          .why(
              "Precommit hooks and port binding are where the driver rejects what OVN cannot"
                  + " enforce safely; without the check a malformed binding profile, VNIC type or"
                  + " address pair is written to the Neutron DB and translated into NB rows.")
          .fix("Keep the call, or say in the commit message where the check moved to.")
          .doc(
              """
              ## What it does

              Compares each `*_precommit` method and each port-binding method (`bind_port`,
              `_bind_port*`, `*_bind_port`, or any name containing `binding`, such as
              `update_port_binding`) with the method of the same qualified name (`Class.method`) in
              the base version of the file. A call whose callee's last dotted part starts with
              `validate` or `_validate` that the base method made and the new one no longer makes
              anywhere in its body, nested functions included, is reported once per callee name at
              the method's `def`. A call that only moved within the method, or to a differently
              qualified callee of the same name (`self._validate_x` to `utils.validate_x`), stays
              silent, and so does a helper renamed: each validation call the base method did not
              make stands for one that is gone. Renamed and new methods, `*_postcommit` and other
              methods, added files and test code are not checked. A check moved into another helper
              the method calls cannot be told from one dropped: the finding asks the author to say
              where it went.

              ## Why it matters

              ML2 runs `create_port_precommit` and `update_port_precommit` inside the database
              transaction: raising there is the last chance to refuse a request, for example a
              binding profile that names another tenant's parent port or a VNIC type that bypasses
              security groups. Once the postcommit runs, the OVN client writes whatever was accepted
              into the Northbound database. Removing such a check in a refactoring is easy to miss
              in review because the diff only shows a deleted line.

              ## Example

              ```python
              # Base version:
              #     def update_port_precommit(self, context):
              #         port = context.current
              #         ovn_utils.validate_and_get_data_from_binding_profile(port)
              #         self._validate_port_extra_dhcp_opts(port)
              #
              # New version: the profile check is gone.
              def update_port_precommit(self, context):
                  port = context.current
                  self._validate_port_extra_dhcp_opts(port)
              ```

              ## Use instead

              ```python
              def update_port_precommit(self, context):
                  port = context.current
                  ovn_utils.validate_and_get_data_from_binding_profile(port)
                  self._validate_port_extra_dhcp_opts(port)
              ```

              ## References

              - Neutron ML2 mechanism driver API <https://opendev.org/openstack/neutron/src/branch/master/neutron/plugins/ml2/driver_api.py>
              - CWE-20: Improper Input Validation <https://cwe.mitre.org/data/definitions/20.html>
              """)
          .build();

  public ValidationCallRemoved() {
    super(META);
  }

  @Override
  public void compare(ChangeContext ctx) {
    if (ctx.added()) {
      return;
    }
    Scopes before = Scopes.of(ctx.base());
    Scopes now = Scopes.of(ctx.current());
    for (Map.Entry<String, Ast.FunctionLike> e : now.functions().entrySet()) {
      Ast.FunctionLike function = e.getValue();
      if (!GUARDED.matcher(function.name()).matches()) {
        continue;
      }
      Ast.FunctionLike old = before.function(e.getKey());
      if (old == null) {
        continue;
      }
      Map<String, String> had = validationCalls(old);
      Map<String, String> has = validationCalls(function);
      List<String> lost = new ArrayList<>(had.keySet());
      lost.removeAll(has.keySet());
      // A helper renamed (or replaced by another) is not a check dropped: each validation call the
      // base did not make stands for one that is gone.
      long gained = has.keySet().stream().filter(k -> !had.containsKey(k)).count();
      for (String callee : lost.subList((int) Math.min(gained, lost.size()), lost.size())) {
        ctx.report(
            this,
            Scopes.nameRange(function, ctx.current().source()),
            "`"
                + e.getKey()
                + "` no longer calls `"
                + had.get(callee)
                + "()`, which the base version of the method called.",
            null);
      }
    }
  }

  /** The validation calls in a function, by the callee's last name, spelled as first called. */
  private static Map<String, String> validationCalls(Node function) {
    Map<String, String> calls = new LinkedHashMap<>();
    for (Node n : Scopes.nodesUnder(function)) {
      if (n instanceof Ast.Call call) {
        String last = SemanticModel.lastName(call.func());
        if (last != null && (last.startsWith("validate") || last.startsWith("_validate"))) {
          String spelled = SemanticModel.dotted(call.func());
          // self._validate_x() and utils.validate_x() are the same check.
          calls.putIfAbsent(
              DottedNames.withoutLeadingUnderscores(last), spelled == null ? last : spelled);
        }
      }
    }
    return calls;
  }
}
