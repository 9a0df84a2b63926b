package com.googlesource.gerrit.plugins.securityreview.rules.exceptions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Stmt;
import java.util.List;

/** OVN604: {@code return}, {@code break} or {@code continue} in a {@code finally} block. */
public final class ReturnInFinally extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN604")
          .name("return-in-finally")
          .title("`return`, `break` or `continue` in `finally` discards the exception in flight")
          .severity(Severity.MEDIUM)
          .confidence(Confidence.HIGH)
          .family(Family.EXCEPTION_HANDLING)
          .ruff("B012")
          .why(
              "When the `try` block raised, the jump out of `finally` silently cancels the"
                  + " exception (and when it returned, replaces its return value).")
          .fix(
              "Move the `return` / `break` / `continue` after the `try` statement, or catch the"
                  + " exceptions you mean to ignore explicitly.")
          .doc(
              """
              ## What it does

              Flags `return`, `break` and `continue` statements that leave a `finally:` block:
              directly in it or in an `if`, `with` or `try` nested in it. It stays silent on a
              `return` in a function or class defined inside the `finally`, and on a `break` /
              `continue` that belongs to a loop inside the `finally`. Test code is checked too:
              there the jump hides failing assertions.

              ## Why it matters

              Python runs `finally` while an exception is propagating; a jump out of it drops that
              exception without a trace (Python 3.14 warns about it, PEP 765). A failed OVSDB
              transaction or a lost connection then looks like success to the caller, and a `return`
              in `finally` also overrides the value the `try` block returned.

              ## Example

              ```python
              def _sync_port_group(self, pg_name):
                  try:
                      self._nb_idl.pg_add(pg_name, may_exist=True).execute(check_error=True)
                  finally:
                      self._pending.discard(pg_name)
                      return pg_name
              ```

              ## Use instead

              ```python
              def _sync_port_group(self, pg_name):
                  try:
                      self._nb_idl.pg_add(pg_name, may_exist=True).execute(check_error=True)
                  finally:
                      self._pending.discard(pg_name)
                  return pg_name
              ```

              ## References

              - Ruff B012 jump-statement-in-finally <https://docs.astral.sh/ruff/rules/jump-statement-in-finally/>
              - PEP 765: Disallow return/break/continue that exit a finally block <https://peps.python.org/pep-0765/>
              - CWE-584: Return Inside Finally Block <https://cwe.mitre.org/data/definitions/584.html>
              """)
          .build();

  @Override
  public boolean checksTestCode() {
    return true;
  }

  public ReturnInFinally() {
    super(META);
    on(Ast.Return.class, this::visit);
    on(Ast.Break.class, this::visit);
    on(Ast.Continue.class, this::visit);
  }

  private void visit(Stmt node, RuleContext ctx) {
    boolean isReturn = node instanceof Ast.Return;
    Node child = node;
    for (Node n : ctx.ancestors()) {
      Verdict v = step(n, child, isReturn);
      if (v == Verdict.FLAG) {
        report(node, ctx);
      }
      if (v != Verdict.UP) {
        return;
      }
      child = n;
    }
  }

  private enum Verdict {
    /** Look at the next enclosing node. */
    UP,
    /** The jump stays inside a function, class or loop nested in any finally. */
    SAFE,
    /** The jump leaves a finally block. */
    FLAG
  }

  /** What an enclosing node {@code n} means for a jump reached through its child {@code child}. */
  private static Verdict step(Node n, Node child, boolean isReturn) {
    return switch (n) {
      case Ast.FunctionLike f -> Verdict.SAFE;
      case Ast.ClassDef c -> Verdict.SAFE;
      case Ast.Lambda l -> Verdict.SAFE;
      case Ast.ForLike f -> !isReturn && contains(f.body(), child) ? Verdict.SAFE : Verdict.UP;
      case Ast.While w -> !isReturn && contains(w.body(), child) ? Verdict.SAFE : Verdict.UP;
      case Ast.Try t -> contains(t.finalbody(), child) ? Verdict.FLAG : Verdict.UP;
      case Ast.TryStar t -> contains(t.finalbody(), child) ? Verdict.FLAG : Verdict.UP;
      default -> Verdict.UP;
    };
  }

  private void report(Stmt node, RuleContext ctx) {
    String what =
        switch (node) {
          case Ast.Return r -> "`return`";
          case Ast.Break b -> "`break`";
          default -> "`continue`";
        };
    ctx.report(
        this,
        node,
        "This " + what + " leaves a `finally` block and discards any exception raised in `try`.");
  }

  /** By identity: records compare by value. */
  private static boolean contains(List<Stmt> body, Node child) {
    for (Stmt s : body) {
      if (s == child) {
        return true;
      }
    }
    return false;
  }
}
