package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Facts about what reaches a value and what selects code: constants reaching SQL text, settings
 * handed in from outside, the guards of a branch, call arguments, database connections.
 */
class ReachingFactsTest {
  private SemanticModel model;
  private ParsedModule parsed;

  private void parse(String source) {
    parsed = ParsedModule.of(source);
    model = parsed.model();
  }

  private <T extends Node> List<T> all(Class<T> kind, Predicate<T> p) {
    return parsed.all(kind, p);
  }

  /** The first argument of each call of a method, in source order. */
  private List<Expr> firstArguments(String method) {
    List<Expr> out = new ArrayList<>();
    for (Ast.Call c :
        all(Ast.Call.class, c -> c.func() instanceof Ast.Attribute a && a.attr().equals(method))) {
      out.add(c.args().get(0));
    }
    return out;
  }

  private Ast.Call call(String dotted) {
    List<Ast.Call> calls = all(Ast.Call.class, c -> dotted.equals(SemanticModel.dotted(c.func())));
    assertThat(calls).isNotEmpty();
    return calls.get(calls.size() - 1);
  }

  private Origin sql(Expr e) {
    return Origins.of(model, e, OriginPolicy.SQL);
  }

  @Test
  void sqlPartsThatOnlyConstantsReachAreSafe() {
    parse(
        """
        TABLES = ['a', 'b']
        COLUMNS = {'a': [('x', True)]}
        class Broker:
            kind = 'container'
            def __init__(self, name):
                self.name = name
            def run(self, conn, rows):
                for t in TABLES:
                    conn.execute('ALTER TABLE %s' % t)
                for t, cols in COLUMNS.items():
                    for c, nullable in cols:
                        conn.execute('ALTER TABLE %s MODIFY %s' % (t, c))
                conn.execute('SELECT * FROM %s_stat' % self.kind)
                conn.execute('SELECT * FROM %s_info' % self.given_by_subclass)
                conn.execute("SELECT * FROM t WHERE n = '%s'" % self.name)
                conn.execute("SELECT * FROM t WHERE n = '%s'" % rows[0])
        """);
    List<Expr> sql = firstArguments("execute");
    assertThat(sql(sql.get(0)).isLiteral()).isTrue();
    assertThat(sql(sql.get(1)).isLiteral()).isTrue();
    assertThat(sql(sql.get(2)).isLiteral()).isTrue();
    assertThat(sql(sql.get(3)).isLiteral()).isTrue();
    assertThat(sql(sql.get(4)).isBuilt()).isTrue();
    assertThat(sql(sql.get(5)).isBuilt()).isTrue();
  }

  @Test
  void sqlBuiltInAHelperIsJudgedByTheCallersArguments() {
    parse(
        """
        def _count(table):
            return 'SELECT COUNT(*) FROM %s' % table
        def run(conn, user_table):
            conn.execute(_count('ports'))
            conn.execute(_count(user_table))
            sql = _count(user_table)
            conn.execute(sql)
        """);
    List<Expr> sql = firstArguments("execute");
    assertThat(sql(sql.get(0)).isLiteral()).isTrue();
    Origin built = sql(sql.get(1));
    assertThat(built.isBuilt()).isTrue();
    assertThat(built.how()).isEqualTo("with `%` in `_count()`");
    assertThat(sql(sql.get(2)).isBuilt()).isTrue();
  }

  @Test
  void databaseConnectionsAndTheirSettings() {
    parse(
        """
        from alembic import op
        import sqlalchemy
        def upgrade():
            bind = op.get_bind()
            engine = sqlalchemy.create_engine('sqlite://')
            conn = engine.connect()
            op.execute('ALTER DATABASE %s' % bind.engine.url.database)
        """);
    assertThat(model.kindOf(call("op.get_bind"))).isEqualTo(ValueKind.SQL_CONNECTION);
    assertThat(model.kindOf(call("engine.connect"))).isEqualTo(ValueKind.SQL_CONNECTION);
    assertThat(sql(call("op.execute").args().get(0)).isLiteral()).isTrue();
  }

  @Test
  void argumentForBindsPositionKeywordDefaultAndReceiver() {
    parse(
        """
        class C:
            def m(self, a, b=2, *, c=3):
                return a
            def use(self, x):
                self.m(x, c=5)
        def f(p, q='d'):
            return p
        f(1)
        """);
    Ast.Call m = call("self.m");
    Ast.FunctionLike method = model.calledFunction(m);
    List<Ast.Arg> params = SemanticModel.parameters(method.args());
    assertThat(SemanticModel.dotted(model.argumentFor(m, method, params.get(0)))).isEqualTo("self");
    assertThat(SemanticModel.dotted(model.argumentFor(m, method, params.get(1)))).isEqualTo("x");
    assertThat(model.constantValue(model.argumentFor(m, method, params.get(2))).get())
        .isEqualTo(java.math.BigInteger.TWO);
    assertThat(model.constantValue(model.argumentFor(m, method, params.get(3))).get())
        .isEqualTo(java.math.BigInteger.valueOf(5));
    Ast.Call f = call("f");
    Ast.FunctionLike fn = model.calledFunction(f);
    List<Ast.Arg> fp = SemanticModel.parameters(fn.args());
    assertThat(model.constantString(model.argumentFor(f, fn, fp.get(1)))).hasValue("d");
  }

  @Test
  void settingReadTellsValuesHandedInFromComputedOnes() {
    parse(
        """
        import os
        from oslo_config import cfg
        CONF = cfg.CONF
        def f(conf, url, insecure=False):
            flag = conf.get('verify', 'true').lower() == 'true'
            parts = urlparse(url)
            env = json.loads(os.environ.get('APP'))
            if insecure: pass
            if not conf.verify_ssl: pass
            if self_check(url): pass
            if flag: pass
            if parts.scheme == 'https': pass
            if insecure and url: pass
            if CONF.insecure is True: pass
        """);
    List<Ast.If> ifs = all(Ast.If.class, i -> true);
    assertThat(model.settingRead(ifs.get(0).test())).isNotNull();
    assertThat(model.settingRead(ifs.get(1).test())).isNotNull();
    assertThat(model.settingRead(ifs.get(2).test())).isNull();
    assertThat(model.settingRead(ifs.get(3).test())).isNotNull();
    assertThat(model.settingRead(ifs.get(4).test())).isNull();
    assertThat(model.settingRead(ifs.get(5).test())).isNull();
    assertThat(model.settingRead(ifs.get(6).test())).isNotNull();
  }

  @Test
  void guardsListBranchesAndEarlierExits() {
    parse(
        """
        def f(a, b, c):
            if c:
                return None
            if a and b:
                x = 1
            else:
                x = 2
            return x
        """);
    Ast.Assign inBody = all(Ast.Assign.class, s -> true).get(0);
    Ast.Assign inElse = all(Ast.Assign.class, s -> true).get(1);
    List<Guard> body = model.guards(inBody);
    assertThat(body).hasSize(2);
    assertThat(body.get(0).inBody()).isTrue();
    assertThat(body.get(0).encloses()).isTrue();
    assertThat(body.get(0).necessary()).hasSize(2);
    assertThat(body.get(0).other()).hasSize(1);
    assertThat(body.get(1).encloses()).isFalse();
    assertThat(SemanticModel.dotted(body.get(1).necessary().get(0))).isEqualTo("c");
    Guard otherBranch = model.guards(inElse).get(0);
    assertThat(otherBranch.inBody()).isFalse();
    assertThat(otherBranch.necessary()).hasSize(1);
  }

  @Test
  void commandLineToolsParseTheirOwnArguments() {
    parse(
        """
        import argparse
        parser = argparse.ArgumentParser()
        if __name__ == '__main__':
            parser.parse_args()
        """);
    assertThat(model.isCommandLineTool()).isTrue();
    parse(
        """
        import argparse
        def main():
            return argparse.ArgumentParser()
        """);
    assertThat(model.isCommandLineTool()).isFalse();
    parse(
        """
        if __name__ == '__main__':
            main()
        """);
    assertThat(model.isCommandLineTool()).isFalse();
  }

  @Test
  void instanceClassFromCallsAnnotationsAndDocstrings() {
    parse(
        """
        class Broker:
            kind = 'object'
        class Other:
            pass
        def f(a: Broker, b, c):
            \"\"\"Uses brokers.

            :param b: an instance of :class:`~pkg.mod.Broker`.
            :type c: pkg.Other
            \"\"\"
            d = Broker()
            return a.kind, b.kind, c.kind, d.kind, e.kind
        """);
    List<Ast.Attribute> reads = all(Ast.Attribute.class, a -> a.attr().equals("kind"));
    assertThat(model.instanceClass(reads.get(0).value()).name()).isEqualTo("Broker");
    assertThat(model.instanceClass(reads.get(1).value()).name()).isEqualTo("Broker");
    assertThat(model.instanceClass(reads.get(2).value()).name()).isEqualTo("Other");
    assertThat(model.instanceClass(reads.get(3).value()).name()).isEqualTo("Broker");
    assertThat(model.instanceClass(reads.get(4).value())).isNull();
  }
}
