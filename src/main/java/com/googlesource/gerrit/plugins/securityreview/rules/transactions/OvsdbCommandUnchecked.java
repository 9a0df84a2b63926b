package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;

/** OVN303: an ovsdbapp write command executed on its own without {@code check_error=True}. */
public final class OvsdbCommandUnchecked extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN303")
          .name("ovsdb-command-unchecked")
          .title("OVSDB write command executed without `check_error=True`")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.TRANSACTIONS)
          .why(
              "ovsdbapp's `Command.execute()` defaults to `check_error=False`, so a failed write is"
                  + " only logged and the code goes on as if the row were added, changed or"
                  + " removed.")
          .fix("Call `.execute(check_error=True)`, or add the command to a checked transaction.")
          .doc(
              """
              ## What it does

              Flags `<api>.<command>(...).execute()` on an OVSDB API object when the command writes
              (its name has a write verb: `lsp_add`, `ls_del`, `db_set`, `db_clear`, `db_destroy`,
              `pg_add_ports`, `ha_chassis_group_add_chassis`, `delete_lswitch_port`, ...) and
              `execute` gets no `check_error=True`. The API object is known by where it comes
              from, under whatever name it is kept: ovsdbapp's and Neutron's API classes and
              factories (`impl_idl_ovn.OvsdbNbOvnIdl(conn)`, `get_ovn_idls(...)`,
              `MetadataAgentOvsIdl().start()`, `ovs_lib.BaseOVS().ovsdb`), also through `self.x`
              set in `__init__`, helpers and properties that return one, annotations and
              docstrings; only when nothing says where it comes from does its name count
              (`_nb_idl`, `nb_ovn`, `sb_api`, `ovs_idl`, `ovsdb`, ...). Reads (`lsp_get`, `db_get`,
              `db_list_rows`, `db_find_rows`, `lookup`, `br_exists`, ...) and commands whose name
              tells nothing stay silent, as do commands added to a transaction (`txn.add(cmd)`),
              commands executed inside a `with <api>.transaction(...)` block (ovsdbapp reuses that
              transaction, whose own `check_error` then applies), a `check_error` given by a
              variable or through `**kwargs`, and test code. Any command, a read included, is
              flagged, also inside a transaction block, when `execute()` gets a keyword it does
              not take (`check_errors=True`, a
              misspelling Neutron once had on its switch and router port lookups): ovsdbapp's
              `execute(check_error=False, log_errors=True, **kwargs)` swallows it, and the
              command runs unchecked although its author asked for the opposite. No automatic fix: once the command
              raises, the caller must decide how to handle the error.

              ## Why it matters

              ovsdbapp runs `cmd.execute()` in a transaction of its own, with `check_error=False`
              unless told otherwise. A write that fails (row not found, constraint violation, a
              timed-out or aborted commit) is logged and returns `None`: the caller cannot tell, so
              a port is reported bound, a chassis registered or a bridge removed when it is not.
              Neutron's OVN code passes `check_error=True` to its write commands; one without it is
              a silent failure waiting to happen.

              ## Example

              ```python
              self._nb_idl.lsp_set_addresses(port_id, addresses=addresses).execute()
              ```

              ## Use instead

              ```python
              self._nb_idl.lsp_set_addresses(
                  port_id, addresses=addresses).execute(check_error=True)
              ```

              ## References

              - ovsdbapp Command.execute <https://opendev.org/openstack/ovsdbapp/src/branch/master/ovsdbapp/backend/ovs_idl/command.py>
              - CWE-252: Unchecked Return Value <https://cwe.mitre.org/data/definitions/252.html>
              """)
          .build();

  public OvsdbCommandUnchecked() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    if (!(call.func() instanceof Attribute exec)
        || !exec.attr().equals("execute")
        || !(exec.value() instanceof Call command)
        || !(command.func() instanceof Attribute cmd)
        || RuleContext.hasUnpacking(call)
        || ctx.semantic().kindOf(command) != ValueKind.OVSDB_COMMAND) {
      return;
    }
    String shown = "`" + ctx.text(cmd.value()) + "." + cmd.attr() + "()`";
    Ast.Keyword unknown = Ovsdb.unknownExecuteKeyword(call);
    if (unknown != null) {
      // Whatever the command does and wherever it runs: the keyword is a mistake.
      ctx.report(
          this,
          unknown,
          "`"
              + unknown.arg()
              + "` is not a keyword of `execute()`: ovsdbapp takes it in `**kwargs` and ignores"
              + " it, so "
              + shown
              + " is executed without checking errors.");
      return;
    }
    if (Ovsdb.verb(cmd.attr()) != Ovsdb.Verb.WRITE || Ovsdb.inTransactionBlock(call, ctx)) {
      return;
    }
    Expr checkError = RuleContext.keyword(call, "check_error");
    boolean explicitFalse =
        checkError instanceof Ast.Constant && ctx.semantic().isFalse(checkError);
    if (checkError != null && !explicitFalse) {
      return;
    }
    String how = checkError == null ? "without `check_error`" : "with `check_error=False`";
    ctx.report(this, call, "The write command " + shown + " is executed " + how + ".");
  }
}
