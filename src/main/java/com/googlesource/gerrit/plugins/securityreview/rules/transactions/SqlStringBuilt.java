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
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origin;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.OriginPolicy;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.Origins;
import com.googlesource.gerrit.plugins.securityreview.python.semantic.ValueKind;
import java.util.Locale;
import java.util.Set;

/** OVN304: raw SQL text built by formatting or concatenation from non-literal values. */
public final class SqlStringBuilt extends Rule {
  static final RuleMeta META =
      RuleMeta.builder("OVN304")
          .name("sql-string-built")
          .title("Raw SQL built from strings (possible SQL injection)")
          .severity(Severity.HIGH)
          .confidence(Confidence.MEDIUM)
          .family(Family.TRANSACTIONS)
          .bandit("B608")
          .ruff("S608")
          .why(
              "A value formatted into SQL text is parsed as SQL: a quote in a name or description"
                  + " changes the statement, and the database does the rest.")
          .fix(
              "Use bound parameters (`sa.text('... WHERE id = :id')` with a params dict) or the"
                  + " SQLAlchemy expression API.")
          .doc(
              """
              ## What it does

              Flags raw SQL handed to `sqlalchemy.text(...)` (through any import alias, such as
              `sa.text`) or to `.execute(...)` / `.executemany(...)` / `.exec_driver_sql(...)` of a
              session, connection, engine, bind or cursor (`context.session.execute`,
              `op.get_bind().execute`, `alembic.op.execute`) when the SQL is built with `%`,
              `str.format`, an f-string, `+` or a join from a value that is not constant: a
              parameter, a call's result (rows read back from the database included), another
              object's attribute. A SQL string assigned to a local variable earlier in the same
              function is followed, and so is SQL built by a function of the same file and run by
              its caller (`conn.execute(self._select(name))`), with the helper's parameters judged
              by the caller's arguments.

              Silent: plain literals, bound parameters, SQLAlchemy expression objects
              (`table.update().values(...)`), and text that only constants reach: literals and
              UPPER_CASE constants, a loop variable over a constant list or dict (`for table in
              TABLES`, `for table, columns in COLUMNS.items()`), a list filled with literals and
              joined (`' AND '.join(conditions)` of `'name > ?'` parts), numbers (`%d`,
              `int(...)`, `len(...)`), placeholder lists such as `', '.join(['%s'] * n)`,
              `__tablename__`, an attribute of `self` whose every assigned value is constant (one
              the class never assigns is a class-level setting that subclasses give), the
              database connection's own settings (`op.get_bind().engine.url.database`: the
              deployment's connection URL), and a same-file helper returning constants. Also
              silent: SQL that arrives as a parameter (it is checked where it is built), `+`
              between two variables before any literal (a prefix built elsewhere), and test
              code. A template string (`t"..."`, Python 3.14) is not SQL text built by formatting:
              the driver or query builder that takes it sees each interpolated value apart and can
              bind it, so it stays silent.

              ## Why it matters

              Neutron talks to its database through SQLAlchemy models and expression objects, which
              bind every value as a parameter. Raw SQL text appears in migrations and upgrade
              checks; building it from a variable turns any tenant-controlled string that reaches it
              (a name, a description, a tag) into SQL, and even an operator-supplied value breaks
              the statement on a quote. Bandit's B608 and Ruff's S608 flag the same pattern.

              ## Example

              ```python
              def ports_of(session, network_id):
                  return session.execute(sa.text(
                      "SELECT id FROM ports WHERE network_id = '%s'" % network_id))
              ```

              ## Use instead

              ```python
              def ports_of(session, network_id):
                  return session.execute(
                      sa.text("SELECT id FROM ports WHERE network_id = :net"),
                      {"net": network_id})
              ```

              ## References

              - Bandit B608: hardcoded_sql_expressions <https://bandit.readthedocs.io/en/latest/plugins/b608_hardcoded_sql_expressions.html>
              - SQLAlchemy: using textual SQL with bound parameters <https://docs.sqlalchemy.org/en/20/core/sqlelement.html#sqlalchemy.sql.expression.text>
              - CWE-89: SQL Injection <https://cwe.mitre.org/data/definitions/89.html>
              """)
          .build();

  /** What {@code text} is called through when it builds a textual SQL clause. */
  private static final Set<String> TEXT_FUNCTIONS =
      Set.of(
          "sqlalchemy.text",
          "sqlalchemy.sql.text",
          "sqlalchemy.sql.expression.text",
          "sqlalchemy.sql.expression.TextClause",
          "sqlalchemy.sql.elements.TextClause");

  /** Methods that run raw SQL text. */
  private static final Set<String> EXECUTE_METHODS =
      Set.of("execute", "executemany", "exec_driver_sql");

  /** Names of the objects that run SQL: sessions, connections, engines, cursors. */
  private static final Set<String> SQL_RUNNERS =
      Set.of(
          "session",
          "db_session",
          "sess",
          "connection",
          "conn",
          "engine",
          "cursor",
          "cur",
          "bind",
          "connectable",
          // Calls that return one: op.get_bind(), engine.connect(), conn.cursor().
          "get_bind",
          "connect",
          "raw_connection",
          "begin");

  public SqlStringBuilt() {
    super(META);
    on(Call.class, this::visitCall);
  }

  private void visitCall(Call call, RuleContext ctx) {
    String sink;
    Expr sql;
    String callee = ctx.callName(call);
    if (callee != null && TEXT_FUNCTIONS.contains(callee)) {
      sink = ctx.text(call.func()) + "()";
      sql = RuleContext.argument(call, 0, "text");
    } else if (call.func() instanceof Attribute a
        && EXECUTE_METHODS.contains(a.attr())
        && isSqlRunner(a.value(), ctx)) {
      sink = ctx.text(a.value()) + "." + a.attr() + "()";
      sql = RuleContext.argument(call, 0, "statement");
    } else {
      return;
    }
    if (sql == null) {
      return;
    }
    Origin origin = Origins.of(ctx.semantic(), sql, OriginPolicy.SQL);
    if (origin.isBuilt()) {
      ctx.report(
          this,
          call,
          "The SQL passed to `"
              + sink
              + "` is built "
              + origin.how()
              + " from `"
              + ctx.text(origin.value())
              + "`.");
    }
  }

  /** {@code alembic.op}, or a receiver named as a session, connection, engine or cursor. */
  private static boolean isSqlRunner(Expr receiver, RuleContext ctx) {
    if ("alembic.op".equals(ctx.qualifiedName(receiver))
        || ctx.semantic().kindOf(receiver) == ValueKind.SQL_CONNECTION) {
      return true;
    }
    String name =
        switch (receiver instanceof Call c ? c.func() : receiver) {
          case Ast.Name n -> n.id();
          case Attribute a -> a.attr();
          default -> null;
        };
    return name != null && SQL_RUNNERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
