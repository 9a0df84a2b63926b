package com.googlesource.gerrit.plugins.securityreview.rules.changes;

import com.googlesource.gerrit.plugins.securityreview.engine.ChangeContext;
import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.DiffRule;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.NormalForm;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.rules.changes.Scopes.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OVN704: {@code check_error=True} turned off, or a {@code timeout=} dropped, on a call that had it
 * in the same scope of the base version.
 */
public final class SafetyKeywordDropped extends DiffRule {
  static final RuleMeta META =
      RuleMeta.builder("OVN704")
          .name("check-error-or-timeout-dropped")
          .title("`check_error=True` or `timeout=` dropped from a call that had it")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.MEDIUM)
          .family(Family.CHANGES)
          .why(
              "Without `check_error=True` a failed OVSDB transaction is only logged and the caller"
                  + " goes on as if the NB/SB rows were written; without a timeout a call to an"
                  + " unresponsive server or database can block the worker for good.")
          .fix(
              "Keep the keyword, or explain in the change why the call may now fail silently or"
                  + " wait forever.")
          .doc(
              """
              ## What it does

              Compares the calls of each scope (function or method by qualified name, or module
              level; a decorator belongs to what it decorates) with those of the same scope in the
              base version, grouped by callee (the normalised called expression, such as
              `self._nb_idl.transaction`). Where the base called a callee with `check_error=` set
              to anything but `False`, it reports the new calls of that callee that pass
              `check_error=False` (also a name bound only to `False`) or no `check_error`
              (ovsdbapp's default is `False`), provided the scope now has fewer checked calls than
              before. The same holds for `timeout=` (`timeout=None` counts as no timeout). Calls are
              compared by their normalised form, so reformatted and moved calls, `check_error=True`
              kept, and a timeout whose value changed stay silent; so does a checked call that moved
              to another function, added files, and test code.

              ## Why it matters

              `check_error=True` makes an ovsdbapp transaction raise when OVSDB rejects or aborts
              it; the OVN driver relies on that to fail the API call, roll back the revision number,
              or retry. Turning it off makes an ACL, port group or logical switch port that was not
              written look written: a port may end up without its security group ACLs until the next
              maintenance run. A timeout removed from a call to OVSDB, the metadata proxy or an
              external service lets one stuck peer hold a worker forever. Both are one-word edits
              easy to wave through in review.

              ## Example

              ```python
              # Base version:
              #     def delete_acls(self, pg_name, acls):
              #         with self._nb_idl.transaction(check_error=True) as txn:
              #             for acl in acls:
              #                 txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))
              # New version:
              def delete_acls(self, pg_name, acls):
                  with self._nb_idl.transaction() as txn:
                      for acl in acls:
                          txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))
              ```

              ## Use instead

              ```python
              def delete_acls(self, pg_name, acls):
                  with self._nb_idl.transaction(check_error=True) as txn:
                      for acl in acls:
                          txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))
              ```

              ## References

              - ovsdbapp API, transaction(check_error=False, log_errors=True) <https://opendev.org/openstack/ovsdbapp/src/branch/master/ovsdbapp/api.py>
              - CWE-754: Improper Check for Unusual or Exceptional Conditions <https://cwe.mitre.org/data/definitions/754.html>
              - CWE-400: Uncontrolled Resource Consumption <https://cwe.mitre.org/data/definitions/400.html>
              """)
          .build();

  /** The keywords this rule follows. */
  private enum Kind {
    CHECK_ERROR("check_error", "`check_error=True`"),
    TIMEOUT("timeout", "a `timeout=`");

    final String keyword;
    final String shown;

    Kind(String keyword, String shown) {
      this.keyword = keyword;
      this.shown = shown;
    }

    /** Whether a call of a version passes the keyword with a safe value. */
    boolean safe(Call call, SemanticModel version) {
      Expr v = RuleContext.keyword(call, keyword);
      if (v == null) {
        return false;
      }
      return switch (this) {
        case CHECK_ERROR -> !version.isFalse(v);
        case TIMEOUT -> !version.isNone(v);
      };
    }
  }

  public SafetyKeywordDropped() {
    super(META);
  }

  @Override
  public void compare(ChangeContext ctx) {
    if (ctx.added()) {
      return;
    }
    Map<String, List<Call>> before = calls(ctx.base());
    Map<String, List<Call>> now = calls(ctx.current());
    SemanticModel baseModel = ctx.base().semantic();
    SemanticModel model = ctx.current().semantic();
    for (Map.Entry<String, List<Call>> e : now.entrySet()) {
      List<Call> old = before.get(e.getKey());
      if (old == null) {
        continue;
      }
      List<Call> reported = new ArrayList<>();
      for (Kind kind : Kind.values()) {
        long safeBefore = old.stream().filter(c -> kind.safe(c, baseModel)).count();
        long safeNow = e.getValue().stream().filter(c -> kind.safe(c, model)).count();
        if (safeBefore == 0 || safeNow >= safeBefore) {
          continue;
        }
        Map<String, Integer> left = new HashMap<>();
        old.forEach(c -> left.merge(NormalForm.of(c), 1, Integer::sum));
        for (Call call : e.getValue()) {
          if (kind.safe(call, model)
              || left.merge(NormalForm.of(call), -1, Integer::sum) >= 0
              || reported.stream().anyMatch(r -> r == call)) {
            continue;
          }
          reported.add(call);
          String scope = e.getKey().substring(0, e.getKey().indexOf('\n'));
          ctx.report(
              this,
              call,
              "This call of `"
                  + shorten(ctx.current().text(call.func()))
                  + "` no longer passes "
                  + kind.shown
                  + ", which "
                  + (scope.isEmpty() ? "the module-level code" : "`" + scope + "`")
                  + " passed to it in the base version.");
        }
      }
    }
  }

  /** The calls of a file by "scope\ncallee", in source order. */
  private static Map<String, List<Call>> calls(RuleContext version) {
    Map<String, List<Call>> calls = new LinkedHashMap<>();
    for (Site site : Scopes.of(version).sites()) {
      if (site.node() instanceof Call call) {
        String key = site.scope() + "\n" + NormalForm.of(call.func());
        calls.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
      }
    }
    return calls;
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
