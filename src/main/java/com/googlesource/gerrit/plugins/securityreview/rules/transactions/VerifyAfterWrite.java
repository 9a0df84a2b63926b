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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Binding;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** OVN305: an OVSDB row's {@code verify(column)} called after the column was already written. */
public final class VerifyAfterWrite extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN305")
          .name("ovsdb-verify-after-write")
          .title("OVSDB `row.verify(column)` called after the write it should guard")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.TRANSACTIONS)
          .why(
              "`verify()` makes the commit fail if another client changed the column since it was"
                  + " read; called after the read-modify-write it guards, the value the write was"
                  + " computed from is not what is checked, and a concurrent change can be lost.")
          .fix(
              "Call `row.verify(column)` before reading the column to compute the new value, or use"
                  + " the mutate operations (`setkey`, `addvalue`, `delvalue`), which need no"
                  + " `verify()`.")
          .doc(
              """
              ## What it does

              Flags `row.verify('column')` when, earlier in the same function, the same row
              (the same local binding or the same `self.x` attribute) had that column written:
              assigned (`row.column = value`, `row.column += value`, `setattr(row, 'column', v)`)
              or mutated (`row.setkey('column', ...)`, `row.addvalue(...)`, `row.delvalue(...)`).
              Only a literal column name counts, and only a write the function itself shows before
              the call; a `verify()` of the same column before the write keeps the later one
              silent, since the write is already guarded. Test code stays silent.

              ## Why it matters

              OVSDB has no locks: the Python IDL offers optimistic concurrency instead. A command
              that reads a column, computes a new value from it and writes it back must call
              `row.verify(column)` first, so that the transaction aborts with `TRY_AGAIN` (and
              ovsdbapp retries it) if another client changed the column meanwhile. Neutron's
              revision-number check is the model: it reads the row's `external_ids`, compares the
              revision, verifies the column and only then writes. A `verify()` placed after the
              write still sends a wait operation, but the decision the write was based on already
              happened: ACLs, addresses or revision numbers written from a stale read overwrite a
              concurrent update and the databases drift apart.

              ## Example

              ```python
              def run_idl(self, txn):
                  switch = self.api.lookup('Logical_Switch', self.name)
                  ports = list(switch.ports) + [self.port]
                  switch.ports = ports
                  switch.verify('ports')
              ```

              ## Use instead

              ```python
              def run_idl(self, txn):
                  switch = self.api.lookup('Logical_Switch', self.name)
                  switch.verify('ports')
                  switch.ports = list(switch.ports) + [self.port]
              ```

              or, with no read at all, `switch.addvalue('ports', self.port)`.

              ## References

              - Open vSwitch Python IDL, `Row.verify` <https://github.com/openvswitch/ovs/blob/main/python/ovs/db/idl.py>
              - RFC 7047 (OVSDB), the `wait` operation <https://www.rfc-editor.org/rfc/rfc7047#section-5.2.6>
              - CWE-367: Time-of-check Time-of-use Race Condition <https://cwe.mitre.org/data/definitions/367.html>
              """)
          .build();

  /** The Python IDL's row methods that change one column in place. */
  private static final Set<String> MUTATIONS = Set.of("setkey", "addvalue", "delvalue");

  /** A column written on a row: the row expression and where. */
  private record Write(Expr row, String column, Ast.FunctionLike function, Ast.Located at) {}

  /** What the walk has seen in the file so far, in source order. */
  private static final class Seen {
    final List<Write> writes = new ArrayList<>();
    final List<Write> verifies = new ArrayList<>();
  }

  public VerifyAfterWrite() {
    super(META);
    on(Ast.Assign.class, this::visitAssign);
    on(Ast.AugAssign.class, this::visitAugAssign);
    on(Call.class, this::visitCall);
  }

  private void visitAssign(Ast.Assign assign, RuleContext ctx) {
    for (Expr target : assign.targets()) {
      if (target instanceof Attribute a) {
        recordWrite(a.value(), a.attr(), assign, ctx);
      }
    }
  }

  private void visitAugAssign(Ast.AugAssign assign, RuleContext ctx) {
    if (assign.target() instanceof Attribute a) {
      recordWrite(a.value(), a.attr(), assign, ctx);
    }
  }

  private void visitCall(Call call, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    if ("setattr".equals(model.callName(call)) && call.args().size() == 3) {
      model
          .constantString(call.args().get(1))
          .ifPresent(column -> recordWrite(call.args().get(0), column, call, ctx));
      return;
    }
    if (!(call.func() instanceof Attribute method) || call.args().isEmpty()) {
      return;
    }
    String column = model.constantString(call.args().get(0)).orElse(null);
    if (column == null) {
      return;
    }
    if (MUTATIONS.contains(method.attr())) {
      recordWrite(method.value(), column, call, ctx);
    } else if (method.attr().equals("verify") && call.args().size() == 1) {
      checkVerify(call, method.value(), column, ctx);
    }
  }

  private void recordWrite(Expr row, String column, Ast.Located at, RuleContext ctx) {
    Ast.FunctionLike fn = ctx.semantic().enclosingFunction(at);
    if (fn != null && isRowExpression(row)) {
      ctx.state(this, Seen::new).writes.add(new Write(row, column, fn, at));
    }
  }

  private void checkVerify(Call call, Expr row, String column, RuleContext ctx) {
    SemanticModel model = ctx.semantic();
    Ast.FunctionLike fn = model.enclosingFunction(call);
    if (fn == null || !isRowExpression(row)) {
      return;
    }
    Seen seen = ctx.state(this, Seen::new);
    Write verify = new Write(row, column, fn, call);
    Write firstWrite = firstMatching(seen.writes, verify, model);
    Write earlierVerify = firstMatching(seen.verifies, verify, model);
    seen.verifies.add(verify);
    if (firstWrite == null
        || (earlierVerify != null && before(earlierVerify.at(), firstWrite.at()))) {
      return;
    }
    ctx.report(
        this,
        call,
        "`"
            + ctx.text(call)
            + "` comes after `"
            + ctx.text(row)
            + "."
            + column
            + "` was written on line "
            + firstWrite.at().loc().line()
            + ".");
  }

  /** The first recorded operation on the same column of the same row in the same function. */
  private static Write firstMatching(List<Write> recorded, Write probe, SemanticModel model) {
    for (Write w : recorded) {
      if (w.function() == probe.function()
          && w.column().equals(probe.column())
          && sameRow(w.row(), probe.row(), model)) {
        return w;
      }
    }
    return null;
  }

  /**
   * Whether two expressions are the same row: the same dotted text and, for a local name, the same
   * binding reaching both (a rebinding in between makes it another row).
   */
  private static boolean sameRow(Expr a, Expr b, SemanticModel model) {
    String da = SemanticModel.dotted(a);
    if (da == null || !da.equals(SemanticModel.dotted(b))) {
      return false;
    }
    Ast.Name ha = head(a);
    Ast.Name hb = head(b);
    Binding ba = ha == null ? null : model.reachingBinding(ha);
    Binding bb = hb == null ? null : model.reachingBinding(hb);
    return Objects.equals(ba, bb);
  }

  /** The name an attribute chain starts from. */
  private static Ast.Name head(Expr e) {
    Expr x = e;
    while (x instanceof Attribute a) {
      x = a.value();
    }
    return x instanceof Ast.Name n ? n : null;
  }

  /** A name or an attribute chain on one: what a row can be held in. */
  private static boolean isRowExpression(Expr e) {
    return SemanticModel.dotted(e) != null;
  }

  private static boolean before(Ast.Located a, Ast.Located b) {
    Ast.Loc x = a.loc();
    Ast.Loc y = b.loc();
    return x.line() < y.line() || (x.line() == y.line() && x.col() < y.col());
  }
}
