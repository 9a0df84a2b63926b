package com.googlesource.gerrit.plugins.securityreview.rules.transactions;

import com.googlesource.gerrit.plugins.securityreview.engine.Confidence;
import com.googlesource.gerrit.plugins.securityreview.engine.Family;
import com.googlesource.gerrit.plugins.securityreview.engine.Rule;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleContext;
import com.googlesource.gerrit.plugins.securityreview.engine.RuleMeta;
import com.googlesource.gerrit.plugins.securityreview.engine.Severity;
import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Attribute;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.BinOp;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Call;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Constant;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Name;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Operator;
import com.googlesource.gerrit.plugins.securityreview.rules.LocalNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
              `str.format`, an f-string or `+` from a value that is not a literal. A SQL string
              assigned to a local variable earlier in the same function is followed. Silent: plain
              literals, bound parameters, SQLAlchemy expression objects
              (`table.update().values(...)`), formatting from literals, UPPER_CASE constants,
              `__tablename__`, `int(...)`/`len(...)`, placeholder lists such as `', '.join(['%s'] *
              n)`, SQL that arrives as a parameter (it is built elsewhere), `+` between two
              variables (nothing says they are strings), and test code.

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

  /** Calls whose result is a number or a boolean, never SQL. */
  private static final Set<String> NUMERIC_CALLS =
      Set.of("int", "float", "len", "bool", "abs", "round");

  private static final Pattern CONSTANT_NAME = Pattern.compile("_*[A-Z][A-Z0-9_]*");

  public SqlStringBuilt() {
    super(META);
    on(Node.class, this::visit);
  }

  private void visit(Node node, RuleContext ctx) {
    if (!(node instanceof Call call)) {
      return;
    }
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
    String how = new Values(ctx, call).built(sql);
    if (how != null) {
      ctx.report(this, call, "The SQL passed to `" + sink + "` is built " + how + ".");
    }
  }

  private static boolean isSqlRunner(Expr receiver, RuleContext ctx) {
    if ("alembic.op".equals(ctx.qualifiedName(receiver))) {
      return true;
    }
    Expr named = receiver instanceof Call c ? c.func() : receiver;
    String name = Ovsdb.lastName(named);
    return name != null && SQL_RUNNERS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static boolean isStringLiteral(Expr e) {
    return e instanceof Constant c && c.isString();
  }

  /** A string literal formatted with {@code %} or {@code format}. */
  private static boolean isFormatted(Expr e) {
    return (e instanceof BinOp b && b.op() == Operator.Mod && isStringLiteral(b.left()))
        || (e instanceof Call c
            && c.func() instanceof Attribute f
            && f.attr().equals("format")
            && isStringLiteral(f.value()));
  }

  private static void flattenAdd(Expr e, List<Expr> out) {
    if (e instanceof BinOp b && b.op() == Operator.Add) {
      flattenAdd(b.left(), out);
      flattenAdd(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /**
   * Judges the values that go into one call's SQL; local names are followed to the value last
   * assigned to them before the call, a few assignments deep.
   */
  private static final class Values {
    private static final int MAX_DEPTH = 4;
    private final RuleContext ctx;
    private final Call call;

    Values(RuleContext ctx, Call call) {
      this.ctx = ctx;
      this.call = call;
    }

    /**
     * How an expression builds SQL from a non-literal value ("with `%` from `port_id`"), or null
     * when it does not, or when nothing says it is a string being built.
     */
    String built(Expr sql) {
      if (sql instanceof Name n) {
        sql = lastAssignment(n);
      }
      Expr value = null;
      String how = null;
      switch (sql) {
        case BinOp b when b.op() == Operator.Mod && isStringLiteral(b.left()) -> {
          value = nonLiteral(b.right(), 0);
          how = "with `%`";
        }
        case Call c when isFormatted(c) -> {
          value = nonLiteralArgument(c, 0);
          how = "with `str.format`";
        }
        case Ast.JoinedStr j -> {
          value = nonLiteral(j, 0);
          how = "as an f-string";
        }
        case BinOp b when b.op() == Operator.Add -> {
          List<Expr> parts = new ArrayList<>();
          flattenAdd(b, parts);
          // A variable before the first literal is a SQL prefix built elsewhere
          // (base_query + " LIMIT 1"); the values come after a literal.
          boolean afterLiteral = false;
          for (Expr p : parts) {
            if (isStringLiteral(p) || p instanceof Ast.JoinedStr || isFormatted(p)) {
              afterLiteral = true;
            }
            value = afterLiteral ? nonLiteral(p, 0) : null;
            if (value != null) {
              break;
            }
          }
          how = "with `+`";
        }
        case null, default -> {}
      }
      return value == null ? null : how + " from `" + ctx.text(value) + "`";
    }

    private Expr nonLiteralArgument(Call c, int depth) {
      for (Expr a : c.args()) {
        Expr v = nonLiteral(a instanceof Ast.Starred s ? s.value() : a, depth);
        if (v != null) {
          return v;
        }
      }
      for (Ast.Keyword k : c.keywords()) {
        Expr v = nonLiteral(k.value(), depth);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /** The first part of an expression that is not a literal or a constant, or null. */
    private Expr nonLiteral(Expr e, int depth) {
      return switch (e) {
        case null -> null;
        case Constant c -> null;
        case Name n when CONSTANT_NAME.matcher(n.id()).matches() -> null;
        case Name n -> {
          // A local assigned from literals (placeholders = ', '.join(['%s'] * n)) is one too.
          Expr assigned = depth < MAX_DEPTH ? lastAssignment(n) : n;
          yield assigned == n || nonLiteral(assigned, depth + 1) != null ? n : null;
        }
        case Attribute a ->
            CONSTANT_NAME.matcher(a.attr()).matches() || a.attr().equals("__tablename__")
                ? null
                : a;
        case Ast.Tuple t -> firstNonLiteral(t.elts(), depth);
        case Ast.List l -> firstNonLiteral(l.elts(), depth);
        case Ast.Dict d -> firstNonLiteral(d.values(), depth);
        case Ast.UnaryOp u -> nonLiteral(u.operand(), depth);
        case Ast.IfExp i -> {
          Expr v = nonLiteral(i.body(), depth);
          yield v != null ? v : nonLiteral(i.orelse(), depth);
        }
        case BinOp b -> {
          Expr v = nonLiteral(b.left(), depth);
          yield v != null ? v : nonLiteral(b.right(), depth);
        }
        case Ast.JoinedStr j -> {
          for (Expr part : j.values()) {
            if (part instanceof Ast.FormattedValue f) {
              Expr v = nonLiteral(f.value(), depth);
              if (v != null) {
                yield v;
              }
            }
          }
          yield null;
        }
        case Call c when c.func() instanceof Name f && NUMERIC_CALLS.contains(f.id()) -> null;
        case Call c when isFormatted(c) -> nonLiteralArgument(c, depth);
        case Call c when isPlaceholderJoin(c, depth) -> null;
        default -> e;
      };
    }

    private Expr firstNonLiteral(List<Expr> elts, int depth) {
      for (Expr x : elts) {
        Expr v = nonLiteral(x, depth);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /**
     * {@code ', '.join(['%s'] * len(ids))} or {@code ','.join('?' for _ in ids)}: a list of bind
     * placeholders, which carries no value into the SQL.
     */
    private boolean isPlaceholderJoin(Call c, int depth) {
      if (!(c.func() instanceof Attribute f)
          || !f.attr().equals("join")
          || !isStringLiteral(f.value())
          || c.args().size() != 1) {
        return false;
      }
      return switch (c.args().get(0)) {
        case BinOp b when b.op() == Operator.Mult ->
            nonLiteral(b.left(), depth) == null || nonLiteral(b.right(), depth) == null;
        case Ast.GeneratorExp g -> nonLiteral(g.elt(), depth) == null;
        case Ast.ListComp l -> nonLiteral(l.elt(), depth) == null;
        default -> false;
      };
    }

    /**
     * The value last assigned to a local name before the call, in the enclosing function (or the
     * module), or the name itself when it is a parameter or assigned in a way we do not follow. An
     * augmented {@code sql += value} after it counts as concatenation.
     */
    private Expr lastAssignment(Name name) {
      return LocalNames.lastAssignmentBefore(ctx, name, call.loc().line());
    }
  }
}
