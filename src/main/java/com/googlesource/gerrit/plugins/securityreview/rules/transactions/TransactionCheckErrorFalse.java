package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Fix;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Keyword;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.List;

/**
 * OVN301: an ovsdbapp transaction that does not raise on errors: {@code check_error=False}, or no
 * {@code check_error} at all on the OVN NB/SB API, where ovsdbapp's default is off.
 */
public final class TransactionCheckErrorFalse extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN301")
          .name("transaction-check-error-false")
          .title("OVSDB transaction that does not raise on errors (`check_error` off)")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.TRANSACTIONS)
          .why(
              "A failed or aborted OVSDB transaction is then only logged: the caller carries on as"
                  + " if the NB/SB rows were written, and Neutron's DB and OVN drift apart"
                  + " silently.")
          .fix("Pass `check_error=True` and handle the exception where a failure is acceptable.")
          .doc(
              """
              ## What it does

              Flags `<api>.transaction(...)` and `<api>.create_transaction(...)` on an OVSDB API
              object that passes `check_error=False`, by keyword or as the first positional
              argument. The API object is known by where it comes from, under whatever name it is
              kept: ovsdbapp's and Neutron's API classes (`impl_idl_ovn.OvsdbNbOvnIdl(conn)`,
              `get_ovn_idls(...)`, `MetadataAgentOvnSbIdl(...).start()`, `ovs_lib.BaseOVS().ovsdb`),
              also through `self.x` set in `__init__`, helpers and properties that return one,
              annotations and docstrings; only when nothing says where it comes from does its name
              count (`_nb_idl`, `nb_ovn`, `sb_api`, `ovs_idl`, `ovsdb`, ...). On the OVN Northbound
              and Southbound APIs it also flags a `transaction()` that passes no `check_error` at
              all, since ovsdbapp's default is `False`; on the local Open vSwitch database, where
              agents rely on the default throughout, only an explicit `False` is flagged. A `check_error` given by a variable or through
              `**kwargs`, SQLAlchemy and other non-OVSDB transactions, and test code stay silent.
              The offered fix turns an explicit `False` into `True`, or adds `check_error=True`: a
              behaviour change by design, since errors then raise.

              ## Why it matters

              ovsdbapp's `transaction(check_error=False, log_errors=True)` logs a failed commit and
              returns normally. Neutron's OVN driver passes `check_error=True` to nearly every NB/SB
              transaction because the caller must know when the logical switch, port or ACL it just
              wrote is not there: otherwise the revision number is bumped, the API reports success,
              and the port has no connectivity or, worse, no security group ACLs until the
              maintenance task notices. An unchecked transaction stands out and deserves a
              justification.

              ## Example

              ```python
              with self._nb_idl.transaction(check_error=False) as txn:
                  txn.add(self._nb_idl.pg_acl_add(pg_name, **acl))
              ```

              ## Use instead

              ```python
              with self._nb_idl.transaction(check_error=True) as txn:
                  txn.add(self._nb_idl.pg_acl_add(pg_name, **acl))
              ```

              ## References

              - ovsdbapp API (`transaction`) <https://opendev.org/openstack/ovsdbapp/src/branch/master/ovsdbapp/api.py>
              - CWE-252: Unchecked Return Value <https://cwe.mitre.org/data/definitions/252.html>
              """)
          .build();

  public TransactionCheckErrorFalse() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (!(call.func() instanceof Attribute a)
        || !(a.attr().equals("transaction") || a.attr().equals("create_transaction"))
        || RuleContext.hasUnpacking(call)) {
      return;
    }
    SemanticModel model = ctx.semantic();
    if (model.kindOf(a.value()) != ValueKind.OVSDB_API) {
      return;
    }
    String shown = ctx.text(a.value());
    Expr checkError = RuleContext.argument(call, 0, "check_error");
    if (checkError instanceof Ast.Constant && model.isFalse(checkError)) {
      Fix fix =
          new Fix(
              "Pass check_error=True (errors will raise)",
              List.of(ctx.replace(checkError, "True")));
      ctx.report(
          this,
          call,
          "`" + shown + "." + a.attr() + "()` is opened with `check_error=False`.",
          fix);
    } else if (checkError == null
        && a.attr().equals("transaction")
        && model.isOvnDatabase(a.value())) {
      // The agents' local Open vSwitch transactions rely on the default throughout: only the
      // OVN databases, where Neutron checks nearly every transaction, get this finding.
      ctx.report(
          this,
          call,
          "`"
              + shown
              + ".transaction()` passes no `check_error`, and ovsdbapp's default is"
              + " `False`.",
          missingFix(call, ctx));
    }
  }

  /** Appends {@code check_error=True} to the call's arguments (only keywords can be there). */
  private static Fix missingFix(Call call, RuleContext ctx) {
    List<Keyword> kws = call.keywords();
    Fix.Edit edit;
    if (kws.isEmpty()) {
      edit = ctx.replace(call, ctx.text(call.func()) + "(check_error=True)");
    } else {
      Keyword last = kws.get(kws.size() - 1);
      edit = ctx.replace(last, ctx.text(last) + ", check_error=True");
    }
    return new Fix("Pass check_error=True (errors will raise)", List.of(edit));
  }
}
