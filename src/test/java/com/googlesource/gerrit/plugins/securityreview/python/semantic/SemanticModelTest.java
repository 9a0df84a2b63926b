package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SemanticModelTest {
  private SemanticModel model;
  private final List<Node> nodes = new ArrayList<>();

  private SemanticModel parse(String source) {
    ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
    model = SemanticModel.of(r);
    nodes.clear();
    Walk.preorder(r.module().body(), n -> nodes.add(n));
    return model;
  }

  /** The last node of a kind that matches, in source order. */
  private <T extends Node> T last(Class<T> kind, Predicate<T> p) {
    T found = null;
    for (Node n : nodes) {
      if (kind.isInstance(n) && p.test(kind.cast(n))) {
        found = kind.cast(n);
      }
    }
    assertThat(found).isNotNull();
    return found;
  }

  /** The last load of a name. */
  private Ast.Name use(String id) {
    return last(Ast.Name.class, n -> n.id().equals(id) && n.ctx() == Ast.ExprContext.Load);
  }

  /** The value of the last assignment to a name. */
  private Expr valueOf(String id) {
    return last(
            Ast.Assign.class, s -> s.targets().get(0) instanceof Ast.Name n && n.id().equals(id))
        .value();
  }

  /** The receiver of the last call of a method. */
  private Expr receiverOf(String method) {
    Ast.Call c =
        last(Ast.Call.class, x -> x.func() instanceof Ast.Attribute a && a.attr().equals(method));
    return ((Ast.Attribute) c.func()).value();
  }

  private Ast.Call call(String dotted) {
    return last(Ast.Call.class, c -> dotted.equals(SemanticModel.dotted(c.func())));
  }

  // ---------------------------------------------------------------- scopes and bindings

  @Test
  void globalAndNonlocalBindInTheDeclaredScope() {
    parse(
        """
        counter = 0
        def bump():
            global counter
            counter = counter + 1
        def outer():
            x = 1
            def inner():
                nonlocal x
                x = 2
            return x
        """);
    assertThat(model.bindings(model.moduleScope(), "counter")).hasSize(2);
    Ast.FunctionLike outer = last(Ast.FunctionDef.class, f -> f.name().equals("outer"));
    Scope outerScope = model.scopeOpenedBy(outer);
    assertThat(model.bindings(outerScope, "x")).hasSize(2);
    assertThat(model.resolvingScope(use("x"))).isSameInstanceAs(outerScope);
    assertThat(model.resolvingScope(use("counter"))).isSameInstanceAs(model.moduleScope());
  }

  @Test
  void comprehensionHasItsOwnScopeButFirstIterableIsOutside() {
    parse(
        """
        def f(items):
            return [i for i in items if i]
        """);
    Ast.ListComp comp = last(Ast.ListComp.class, c -> true);
    Scope compScope = model.scopeOpenedBy(comp);
    assertThat(compScope.kind()).isEqualTo(Scope.Kind.COMPREHENSION);
    assertThat(model.scopeOf(use("items")).kind()).isEqualTo(Scope.Kind.FUNCTION);
    assertThat(model.resolvingScope(use("i"))).isSameInstanceAs(compScope);
    assertThat(model.isParameter(use("items"))).isTrue();
    assertThat(model.enclosingFunction(use("i")).name()).isEqualTo("f");
  }

  @Test
  void lambdaScopeBindsItsParameters() {
    parse(
        """
        y = 3
        key = lambda y: y + 1
        z = y
        """);
    Ast.Lambda l = last(Ast.Lambda.class, x -> true);
    Ast.Name inLambda =
        last(
            Ast.Name.class,
            n -> n.id().equals("y") && model.scopeOf(n).kind() == Scope.Kind.LAMBDA);
    assertThat(model.resolvingScope(inLambda)).isSameInstanceAs(model.scopeOpenedBy(l));
    assertThat(model.isParameter(inLambda)).isTrue();
    assertThat(model.isParameter(use("y"))).isFalse();
    assertThat(model.enclosingFunction(inLambda)).isNull();
  }

  @Test
  void classBodyStopsEnclosingFunction() {
    parse(
        """
        def f():
            class C:
                attr = g()
                def m(self):
                    return h()
        """);
    assertThat(model.enclosingFunction(call("g"))).isNull();
    assertThat(model.enclosingClass(call("g")).name()).isEqualTo("C");
    assertThat(model.enclosingFunction(call("h")).name()).isEqualTo("m");
    assertThat(model.parentOf(call("h"))).isInstanceOf(Ast.Return.class);
  }

  @Test
  void reachingValueComposesAugmentedAssignments() {
    parse(
        """
        def f():
            cmd = 'ip'
            cmd += ' link'
            run(cmd)
        """);
    assertThat(model.reachingValue(use("cmd"))).isInstanceOf(Ast.BinOp.class);
    assertThat(model.constantString(use("cmd"))).hasValue("ip link");
  }

  @Test
  void tupleUnpackingOfLiteralGivesMatchingElement() {
    parse(
        """
        a, b = 'x', 'y'
        print(b)
        """);
    assertThat(model.constantString(use("b"))).hasValue("y");
  }

  @Test
  void qualifiedNamesThroughImportsAndAliases() {
    parse(
        """
        import subprocess as sp
        from os import path as p
        run = sp.call
        run(['ls'])
        p.join('a')
        """);
    assertThat(model.callName(call("run"))).isEqualTo("subprocess.call");
    assertThat(model.callName(call("p.join"))).isEqualTo("os.path.join");
    assertThat(model.imports().resolve("sp.Popen")).isEqualTo("subprocess.Popen");
  }

  // ---------------------------------------------------------------- constants

  @Test
  void commandFromConstantsIsFoldedButNotWithAParameter() {
    parse(
        """
        BASE = 'ovs-vsctl'
        def f(port):
            a = BASE + ' ' + '--timeout=%d' % 10
            b = BASE + ' del-port ' + port
            c = '{} {}'.format(BASE, 'show')
            d = f'{BASE} list'
            e = ' '.join([BASE, 'x'])
        """);
    Ast.Assign a = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("a"));
    Ast.Assign b = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("b"));
    Ast.Assign c = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("c"));
    Ast.Assign d = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("d"));
    Ast.Assign e = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("e"));
    assertThat(model.constantString(a.value())).hasValue("ovs-vsctl --timeout=10");
    assertThat(model.constantString(b.value())).isEmpty();
    assertThat(model.constantString(c.value())).hasValue("ovs-vsctl show");
    assertThat(model.constantString(d.value())).hasValue("ovs-vsctl list");
    assertThat(model.constantString(e.value())).hasValue("ovs-vsctl x");
  }

  @Test
  void loopVariableOverLiteralTupleHasEachValue() {
    parse(
        """
        for proto in ('tcp', 'udp'):
            use(proto)
        for other in names:
            use(other)
        """);
    assertThat(model.constantValues(use("proto"))).containsExactly("tcp", "udp");
    assertThat(model.constantValues(use("other"))).isEmpty();
  }

  @Test
  void trueFalseNoneThroughNames() {
    parse(
        """
        VERIFY = False
        x = None
        check(VERIFY, x, True, flag)
        """);
    assertThat(model.isFalse(use("VERIFY"))).isTrue();
    assertThat(model.isNone(use("x"))).isTrue();
    assertThat(model.isTrue(last(Ast.Constant.class, c -> Boolean.TRUE.equals(c.value()))))
        .isTrue();
    assertThat(model.isTrue(use("flag"))).isFalse();
  }

  // ---------------------------------------------------------------- class facts and kinds

  @Test
  void ovsdbApiHeldOnSelfIsKnownByOrigin() {
    parse(
        """
        from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn

        class Driver:
            def __init__(self, conn):
                self.whatever_name = impl_idl_ovn.OvsdbNbOvnIdl(conn)
                self.other = {}

            def run(self):
                self.whatever_name.ls_add('x').execute()
                self.other.get('x')
        """);
    KindFact f = model.kindFact(receiverOf("ls_add"));
    assertThat(f.kind()).isEqualTo(ValueKind.OVSDB_API);
    assertThat(f.evidence()).isEqualTo(Evidence.ORIGIN);
    assertThat(f.database()).isEqualTo(OvsdbDatabase.NB);
    assertThat(model.kindOf(receiverOf("execute"))).isEqualTo(ValueKind.OVSDB_COMMAND);
    assertThat(model.kindOf(receiverOf("get"))).isEqualTo(ValueKind.UNKNOWN);
  }

  @Test
  void ovnIdlsUnpackedFromGetOvnIdlsAndPropertyReturns() {
    parse(
        """
        from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn

        class Mech:
            def post_fork_initialize(self):
                self._nb_ovn, self._sb_ovn = impl_idl_ovn.get_ovn_idls(self, None)

            @property
            def nb_api(self):
                return self._sb_ovn

            def f(self):
                with self.nb_api.transaction() as txn:
                    txn.add(x)
        """);
    Ast.ClassDef cls = last(Ast.ClassDef.class, c -> true);
    assertThat(model.propertyReturns(cls, "nb_api")).hasSize(1);
    KindFact api = model.kindFact(receiverOf("transaction"));
    assertThat(api.kind()).isEqualTo(ValueKind.OVSDB_API);
    assertThat(api.database()).isEqualTo(OvsdbDatabase.SB);
    assertThat(model.kindOf(receiverOf("add"))).isEqualTo(ValueKind.OVSDB_TRANSACTION);
  }

  @Test
  void threadAndEventStoredOnSelf() {
    parse(
        """
        import threading
        class Worker:
            def __init__(self):
                self._t = threading.Thread(target=self.run)
                self._stop = threading.Event()
                self._data = []
            def stop(self):
                self._stop.wait()
                self._t.join()
                self._data.join()
        """);
    List<Ast.Call> joins = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Ast.Call c
          && c.func() instanceof Ast.Attribute a
          && a.attr().equals("join")) {
        joins.add(c);
      }
    }
    assertThat(model.kindOf(((Ast.Attribute) joins.get(0).func()).value()))
        .isEqualTo(ValueKind.THREAD);
    assertThat(model.kindOf(((Ast.Attribute) joins.get(1).func()).value()))
        .isEqualTo(ValueKind.UNKNOWN);
    assertThat(model.kindFact(receiverOf("wait")))
        .isEqualTo(new KindFact(ValueKind.EVENT, Evidence.ORIGIN, OvsdbDatabase.UNKNOWN));
  }

  @Test
  void kindFromAnnotationDocstringAndNameFallback() {
    parse(
        """
        import threading
        from ovsdbapp.schema.ovn_northbound import api as nb_api_mod
        def f(t: threading.Thread, api: nb_api_mod.API, sb_idl, worker):
            \"\"\"Do it.

            :param sb_idl: the OVN Southbound API
            :type worker: threading.Thread
            \"\"\"
            t.join(); api.x(); sb_idl.y(); worker.join()
        def g(nb_idl):
            nb_idl.z()
        """);
    assertThat(model.kindFact(use("t")).evidence()).isEqualTo(Evidence.ANNOTATION);
    assertThat(model.ovsdbDatabase(use("api"))).isEqualTo(OvsdbDatabase.NB);
    assertThat(model.kindFact(use("sb_idl")).evidence()).isEqualTo(Evidence.DOCSTRING);
    assertThat(model.kindOf(use("worker"))).isEqualTo(ValueKind.THREAD);
    KindFact byName = model.kindFact(use("nb_idl"));
    assertThat(byName.kind()).isEqualTo(ValueKind.OVSDB_API);
    assertThat(byName.evidence()).isEqualTo(Evidence.NAME);
  }

  @Test
  void withTargetAndExecutorSubmit() {
    parse(
        """
        import concurrent.futures, requests
        def f():
            with concurrent.futures.ThreadPoolExecutor() as ex:
                fut = ex.submit(g)
                fut.result()
            with requests.Session() as s:
                s.get(url)
        """);
    assertThat(model.kindOf(receiverOf("result"))).isEqualTo(ValueKind.FUTURE);
    assertThat(model.kindOf(receiverOf("get"))).isEqualTo(ValueKind.HTTP_SESSION);
  }

  @Test
  void calledFunctionAndReturns() {
    parse(
        """
        def helper():
            return 1
        class A:
            def m(self):
                return 2
        class B(A):
            def n(self):
                helper()
                self.m()
        """);
    assertThat(model.calledFunction(call("helper")).name()).isEqualTo("helper");
    Ast.FunctionLike m = model.calledFunction(call("self.m"));
    assertThat(m.name()).isEqualTo("m");
    assertThat(model.returns(m)).hasSize(1);
  }

  // ---------------------------------------------------------------- tenant values

  @Test
  void tenantValueFlowsThroughAssignmentsAndHelper() {
    parse(
        """
        import netaddr
        def _name_of(port):
            return port['name']
        class Driver:
            def create_port_postcommit(self, context):
                port = context.current
                p = port
                name = _name_of(p)
                match = 'inport == "%s"' % name
                ip = netaddr.IPAddress(port['fixed_ips'][0]['ip_address'])
                ok = 'ip4.src == %s' % ip
        """);
    Ast.Assign match =
        last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("match"));
    Ast.Assign ok = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("ok"));
    assertThat(model.isTenantControlled(match.value())).isTrue();
    assertThat(model.isTenantControlled(ok.value())).isFalse();
    assertThat(model.isNormalised(use("ip"))).isTrue();
    Origin o = Origins.of(model, match.value(), OriginPolicy.OVN_MATCH);
    assertThat(o.kind()).isEqualTo(Origin.Kind.TENANT);
    assertThat(Origins.of(model, ok.value(), OriginPolicy.OVN_MATCH).kind())
        .isEqualTo(Origin.Kind.LITERAL);
  }

  @Test
  void bindingProfileIsTenantControlled() {
    parse(
        """
        from neutron_lib.api.definitions import portbindings
        def f(port):
            profile = port.get(portbindings.PROFILE, {})
            cmd = 'x ' + profile['pci_slot']
        """);
    Ast.Assign cmd =
        last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("cmd"));
    assertThat(model.isTenantControlled(cmd.value())).isTrue();
  }

  @Test
  void bindingProfileAndTheKeysReadOutOfIt() {
    parse(
        """
        import copy
        from neutron_lib.api.definitions import portbindings
        def f(port, context):
            profile = port.get(portbindings.PROFILE) or {}
            bp = copy.deepcopy(context.current['binding:profile'])
            alias = bp
            parent = profile.get('parent_name')
            slot = alias['pci_slot']
            other = port['name']
        """);
    assertThat(model.isBindingProfile(use("profile"))).isTrue();
    assertThat(model.isBindingProfile(use("alias"))).isTrue();
    assertThat(model.isBindingProfile(use("port"))).isFalse();
    assertThat(model.constantString(model.bindingProfileKey(valueOf("parent"))))
        .hasValue("parent_name");
    assertThat(model.constantString(model.bindingProfileKey(valueOf("slot")))).hasValue("pci_slot");
    assertThat(model.bindingProfileKey(valueOf("other"))).isNull();
    assertThat(model.bindingProfileKey(valueOf("profile"))).isNull();
  }

  @Test
  void escapingHelpersNormalise() {
    parse(
        """
        def json_quote(value):
            return '"%s"' % value.replace('"', '')
        def f(port):
            quoted = json_quote(port['name'])
            kept = port['name'].strip()
            match = 'inport == %s' % quoted
        """);
    assertThat(model.isNormalised(valueOf("quoted"))).isTrue();
    assertThat(model.isNormalised(valueOf("kept"))).isFalse();
    assertThat(model.isTenantControlled(valueOf("match"))).isFalse();
  }

  // ---------------------------------------------------------------- origins

  @Test
  void shellAndSqlPoliciesDiffer() {
    parse(
        """
        def f(n, ids, name):
            for i in range(n):
                run('ip netns exec ns%d' % i)
            sql = 'SELECT * FROM t WHERE id IN (%s)' % ', '.join(['%s'] * len(ids))
            bad = 'SELECT * FROM t WHERE name = %s' % name
            shell = 'ls ' + name
            both = a + b
        """);
    Ast.Call run = call("run");
    assertThat(Origins.of(model, run.args().get(0), OriginPolicy.SHELL).isLiteral()).isTrue();
    assertThat(Origins.of(model, run.args().get(0), OriginPolicy.SQL).isBuilt()).isTrue();
    assertThat(Origins.of(model, valueOf("sql"), OriginPolicy.SQL).isLiteral()).isTrue();
    Origin bad = Origins.of(model, valueOf("bad"), OriginPolicy.SQL);
    assertThat(bad.isBuilt()).isTrue();
    assertThat(bad.how()).isEqualTo("with `%`");
    Origin shell = Origins.of(model, valueOf("shell"), OriginPolicy.SHELL);
    assertThat(shell.how()).isEqualTo("with `+`");
    assertThat(Origins.of(model, valueOf("both"), OriginPolicy.SHELL).kind())
        .isEqualTo(Origin.Kind.OPAQUE);
  }

  @Test
  void htmlPolicyTrustsCallsButNotParameters() {
    parse(
        """
        from django.utils.html import escape
        def render(value):
            a = '<b>%s</b>' % escape(value)
            b = '<b>%s</b>' % value
            c = '<b>%d</b>' % value
        """);
    Ast.Assign a = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("a"));
    Ast.Assign b = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("b"));
    Ast.Assign c = last(Ast.Assign.class, s -> ((Ast.Name) s.targets().get(0)).id().equals("c"));
    assertThat(Origins.of(model, a.value(), OriginPolicy.HTML).isLiteral()).isTrue();
    assertThat(Origins.of(model, b.value(), OriginPolicy.HTML).isBuilt()).isTrue();
    assertThat(Origins.of(model, c.value(), OriginPolicy.HTML).isLiteral()).isTrue();
  }

  // ---------------------------------------------------------------- handlers and logging

  @Test
  void handlerIntent() {
    parse(
        """
        from oslo_log import log as logging
        from oslo_utils import excutils
        LOG = logging.getLogger(__name__)
        def f():
            try:
                g()
            except Exception:  # best effort
                LOG.warning('x')
            try:
                g()
            except (ValueError, Exception):
                with excutils.save_and_reraise_exception():
                    LOG.error('y')
            try:
                g()
            except f():
                pass
            try:
                g()
            except x[0]:
                return None
        """);
    List<Ast.ExceptHandler> hs = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Ast.ExceptHandler h) {
        hs.add(h);
      }
    }
    HandlerIntent first = model.intentOf(hs.get(0));
    assertThat(first.broad()).isTrue();
    assertThat(first.logs()).isTrue();
    assertThat(first.logLevel()).isEqualTo(LogLevel.WARNING);
    assertThat(first.commented()).isTrue();
    assertThat(first.swallows()).isTrue();
    HandlerIntent second = model.intentOf(hs.get(1));
    assertThat(second.broad()).isTrue();
    assertThat(second.reraises()).isTrue();
    assertThat(second.commented()).isFalse();
    HandlerIntent third = model.intentOf(hs.get(2));
    assertThat(third.broad()).isFalse();
    assertThat(third.onlyPassOrControl()).isTrue();
    HandlerIntent fourth = model.intentOf(hs.get(3));
    assertThat(fourth.returnsConstant()).isTrue();
  }

  @Test
  void loggerCalls() {
    parse(
        """
        import logging
        _L = logging.getLogger(__name__)
        class C:
            def m(self):
                _L.info('a')
                self.log.debug('b')
                notifier.info('c')
                logging.log(logging.ERROR, 'd')
        """);
    assertThat(model.loggerCall(call("_L.info")).get().byName()).isFalse();
    assertThat(model.loggerCall(call("self.log.debug")).get().level()).isEqualTo(LogLevel.DEBUG);
    assertThat(model.isLoggerCall(call("notifier.info"))).isFalse();
    assertThat(model.loggerCall(call("logging.log")).get().level()).isEqualTo(LogLevel.ERROR);
  }

  // ---------------------------------------------------------------- robustness

  @Test
  void errorRecoveryTreesDoNotThrow() {
    for (String src :
        List.of(
            "def f(:\n    pass\n",
            "try:\n    x\nexcept f():\n",
            "class C(\n",
            "x = = 1\n",
            "try:\n    pass\nexcept* ValueError:\n    raise\n",
            "with a as (b, c):\n  pass\n",
            "match x:\n    case {'a': y, **rest}:\n        pass\n    case [*z]:\n        pass\n")) {
      ParseResult r = PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
      SemanticModel m = SemanticModel.of(r);
      Walk.preorder(
          r.module().body(),
          n -> {
            m.scopeOf(n);
            if (n instanceof Expr e) {
              m.constantValue(e);
              m.kindFact(e);
              m.tenantSource(e);
              m.qualifiedName(e);
              Origins.of(m, e, OriginPolicy.SHELL);
              Origins.of(m, e, OriginPolicy.SQL);
              Origins.of(m, e, OriginPolicy.OVN_MATCH);
              Origins.of(m, e, OriginPolicy.HTML);
            }
            if (n instanceof Ast.ExceptHandler h) {
              m.intentOf(h);
            }
            return true;
          });
    }
  }

  @Test
  void deepChainsAreLinear() {
    StringBuilder attr = new StringBuilder("x = a");
    attr.append(".b".repeat(100_000)).append('\n');
    StringBuilder calls = new StringBuilder("y = x");
    calls.append(".f()".repeat(100_000)).append('\n');
    StringBuilder fn = new StringBuilder("def g(p):\n    s = ''\n");
    for (int i = 0; i < 20_000; i++) {
      fn.append("    s += 'a'\n");
    }
    fn.append("    run(s + p)\n");
    for (String src : List.of(attr.toString(), calls.toString(), fn.toString())) {
      ParseResult r = PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
      SemanticModel m = SemanticModel.of(r);
      Walk.preorder(
          r.module().body(),
          n -> {
            if (n instanceof Ast.Call c) {
              m.callName(c);
              m.kindOf(c);
              m.isLoggerCall(c);
              for (Expr a : c.args()) {
                Origins.of(m, a, OriginPolicy.SHELL);
                m.constantValue(a);
                m.isTenantControlled(a);
              }
            } else if (n instanceof Ast.Assign a) {
              m.kindOf(a.value());
              m.qualifiedName(a.value());
              m.constantValue(a.value());
            }
            return true;
          });
      assertThat(m.moduleScope()).isNotNull();
    }
  }

  @Test
  void longAdditionChainDoesNotOverflow() {
    String src = "x = " + "a+".repeat(300_000) + "a\nrun(x)\n";
    ParseResult r = PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
    SemanticModel m = SemanticModel.of(r);
    Ast.Assign a = (Ast.Assign) r.module().body().get(0);
    assertThat(m.constantValue(a.value())).isEmpty();
    assertThat(Origins.of(m, a.value(), OriginPolicy.SQL).kind()).isEqualTo(Origin.Kind.OPAQUE);
    Origins.of(m, a.value(), OriginPolicy.SHELL);
    m.isTenantControlled(a.value());
    assertThat(Set.of()).isEmpty();
  }
}
