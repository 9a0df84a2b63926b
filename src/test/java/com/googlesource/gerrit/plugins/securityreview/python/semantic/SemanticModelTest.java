package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import static com.google.common.truth.Truth.assertThat;

import com.googlesource.gerrit.plugins.securityreview.python.Ast;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Expr;
import com.googlesource.gerrit.plugins.securityreview.python.Ast.Node;
import com.googlesource.gerrit.plugins.securityreview.python.ParseResult;
import com.googlesource.gerrit.plugins.securityreview.python.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SemanticModelTest {
  private SemanticModel model;
  private ParsedModule parsed;
  private List<Node> nodes = List.of();

  private SemanticModel parse(String source) {
    parsed = ParsedModule.of(source);
    model = parsed.model();
    nodes = parsed.nodes();
    return model;
  }

  /** The last node of a kind that matches, in source order. */
  private <T extends Node> T last(Class<T> kind, Predicate<T> p) {
    return parsed.last(kind, p);
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

  @Test
  void lazyImportsBindAsImportsDo() {
    parse(
        """
        lazy import subprocess as sp
        lazy from os import path as p
        lazy = sp
        lazy.check_call(['ls'])
        p.join('a')
        """);
    assertThat(model.callName(call("lazy.check_call"))).isEqualTo("subprocess.check_call");
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

  @Test
  void truthValueOfConstantsAndDisplays() {
    parse(
        """
        USE_SHELL = 1
        run(cmd, a=USE_SHELL, b=[], c=['x'], d=[*rest], e={}, f='', g=None, h=flag)
        """);
    Ast.Call run = call("run");
    java.util.function.Function<String, Expr> kw = k -> keywordValue(run, k);
    assertThat(model.truthValue(kw.apply("a"))).hasValue(true);
    assertThat(model.truthValue(kw.apply("b"))).hasValue(false);
    assertThat(model.truthValue(kw.apply("c"))).hasValue(true);
    assertThat(model.truthValue(kw.apply("d"))).isEmpty();
    assertThat(model.truthValue(kw.apply("e"))).hasValue(false);
    assertThat(model.truthValue(kw.apply("f"))).hasValue(false);
    assertThat(model.truthValue(kw.apply("g"))).hasValue(false);
    assertThat(model.truthValue(kw.apply("h"))).isEmpty();
  }

  private static Expr keywordValue(Ast.Call c, String name) {
    return c.keywords().stream().filter(k -> name.equals(k.arg())).findFirst().get().value();
  }

  @Test
  void sequenceElementsFollowNamesAndConcatenation() {
    parse(
        """
        def f(ns, extra):
            base = ['ip', 'netns', 'exec', ns]
            cmd = base + ['ip', 'link'] + extra
            run(cmd)
            run(extra)
        """);
    List<Expr> elts = model.sequenceElements(call("run").args().get(0));
    assertThat(elts).isNull();
    Ast.Call first =
        last(Ast.Call.class, c -> c.args().get(0) instanceof Ast.Name n && n.id().equals("cmd"));
    elts = model.sequenceElements(first.args().get(0));
    assertThat(elts).hasSize(7);
    assertThat(((Ast.Constant) elts.get(4)).value()).isEqualTo("ip");
    assertThat(elts.get(6)).isInstanceOf(Ast.Starred.class);
    assertThat(((Ast.Name) ((Ast.Starred) elts.get(6)).value()).id()).isEqualTo("extra");
  }

  @Test
  void assignedValuesGivesEveryPlainAssignment() {
    parse(
        """
        if fast:
            Loader = yaml.CSafeLoader
        else:
            Loader = yaml.SafeLoader
        for item in items:
            pass
        def f():
            load(Loader, item)
        """);
    assertThat(model.reachingValue(use("Loader"))).isNull();
    assertThat(model.assignedValues(use("Loader"))).hasSize(2);
    assertThat(model.assignedValues(use("item"))).isEmpty();
  }

  @Test
  void standardCallNameReadsGreenModulesAsTheRealOnes() {
    parse(
        """
        from eventlet.green import subprocess
        import eventlet
        subprocess.Popen(cmd)
        eventlet.green.os.system(cmd)
        eventlet.spawn(f)
        """);
    assertThat(model.standardCallName(call("subprocess.Popen"))).isEqualTo("subprocess.Popen");
    assertThat(model.standardCallName(call("eventlet.green.os.system"))).isEqualTo("os.system");
    assertThat(model.standardCallName(call("eventlet.spawn"))).isEqualTo("eventlet.spawn");
  }

  @Test
  void shellOriginOfModuleConstantPlusLiteralIsLiteralButNotWithAParameter() {
    parse(
        """
        _ip = 'ip'
        def links():
            return run(_ip + ' link show')
        def link(dev):
            return run(_ip + ' link show ' + dev)
        """);
    List<Ast.Call> runs = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Ast.Call c && "run".equals(SemanticModel.dotted(c.func()))) {
        runs.add(c);
      }
    }
    assertThat(Origins.of(model, runs.get(0).args().get(0), OriginPolicy.SHELL).isLiteral())
        .isTrue();
    Origin built = Origins.of(model, runs.get(1).args().get(0), OriginPolicy.SHELL);
    assertThat(built.isBuilt()).isTrue();
    assertThat(((Ast.Name) built.value()).id()).isEqualTo("dev");
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
  void knownOtherOriginOutweighsTheName() {
    parse(
        """
        import threading
        class Stage:
            def wait(self):
                pass
        class Base(Stage):
            pass
        class Pipeline:
            def __init__(self, given_event):
                self._ready_event = Stage()
                self._sb_idl = {}
                self._done_event = None
                self._done_event = Base()
                self._given_event = given_event
            def run(self):
                self._ready_event.wait()
                self._sb_idl.db_set()
                self._done_event.set()
                self._given_event.clear()
        """);
    KindFact ready = model.kindFact(receiverOf("wait"));
    assertThat(ready.kind()).isEqualTo(ValueKind.UNKNOWN);
    assertThat(ready.isOther()).isTrue();
    assertThat(model.kindFact(receiverOf("db_set"))).isEqualTo(KindFact.OTHER);
    assertThat(model.kindFact(receiverOf("set"))).isEqualTo(KindFact.OTHER);
    // A parameter says nothing of its origin: the name still counts.
    assertThat(model.isOvnDatabase(receiverOf("db_set"))).isFalse();
    KindFact given = model.kindFact(receiverOf("clear"));
    assertThat(given.kind()).isEqualTo(ValueKind.EVENT);
    assertThat(given.evidence()).isEqualTo(Evidence.NAME);
  }

  @Test
  void neutronFactoriesAndTheOvnClient() {
    parse(
        """
        from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn
        from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import ovn_client
        class Agent:
            def __init__(self, driver, nb, sb):
                self.south = impl_idl_ovn.OvsdbSbOvnIdl.from_worker(None, driver)
                self.writer = ovn_client.OVNClient(nb, sb)
            def run(self, l3):
                self.south.chassis_del('x')
                self.writer.create_port()
                l3._ovn_client.update_router()
        """);
    KindFact south = model.kindFact(receiverOf("chassis_del"));
    assertThat(south.kind()).isEqualTo(ValueKind.OVSDB_API);
    assertThat(south.database()).isEqualTo(OvsdbDatabase.SB);
    assertThat(model.kindFact(receiverOf("create_port")))
        .isEqualTo(new KindFact(ValueKind.OVN_CLIENT, Evidence.ORIGIN, OvsdbDatabase.NB));
    assertThat(model.isOvnDatabase(receiverOf("chassis_del"))).isTrue();
    KindFact byName = model.kindFact(receiverOf("update_router"));
    assertThat(byName.kind()).isEqualTo(ValueKind.OVN_CLIENT);
    assertThat(byName.evidence()).isEqualTo(Evidence.NAME);
  }

  @Test
  void truthyConstants() {
    parse(
        """
        ONE = 1
        a = (True, 1, 'x', ONE, 0, '', None, False, y)
        """);
    List<Expr> elts = ((Ast.Tuple) valueOf("a")).elts();
    List<Boolean> truthy = new ArrayList<>();
    for (Expr e : elts) {
      truthy.add(model.isTruthy(e));
    }
    assertThat(truthy)
        .containsExactly(true, true, true, true, false, false, false, false, false)
        .inOrder();
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
  void requestOfAWsgifyHandlerAndOfTheHelpersItIsPassedTo() {
    parse(
        """
        import webob
        import webob.dec
        class Proxy:
            @webob.dec.wsgify(RequestClass=webob.Request)
            def __call__(self, req):
                return self._relay(1, incoming=req)
            def _relay(self, n, incoming):
                incoming.a()
            def annotated(self, r: webob.Request):
                r.b()
        def other(env):
            env.c()
        def passes_two_kinds(thing):
            thing.d()
        @webob.dec.wsgify
        def handler(request):
            passes_two_kinds(request)
            passes_two_kinds(other)
            other(request)
        """);
    assertThat(model.kindOf(use("req"))).isEqualTo(ValueKind.HTTP_REQUEST);
    assertThat(model.kindOf(receiverOf("a"))).isEqualTo(ValueKind.HTTP_REQUEST);
    assertThat(model.kindFact(receiverOf("b")).evidence()).isEqualTo(Evidence.ANNOTATION);
    // Every call of other() passes a request; passes_two_kinds() also gets a function.
    assertThat(model.kindOf(receiverOf("c"))).isEqualTo(ValueKind.HTTP_REQUEST);
    assertThat(model.kindOf(receiverOf("d"))).isEqualTo(ValueKind.UNKNOWN);
  }

  @Test
  void dropPortGroupNameByConstantLiteralOrLocalName() {
    parse(
        """
        from neutron.common.ovn import constants as ovn_const
        def f(nb, other):
            name = ovn_const.OVN_DROP_PORT_GROUP_NAME
            nb.a(name); nb.b('neutron_pg_drop'); nb.c(other); nb.d('pg_1234')
        """);
    assertThat(model.isDropPortGroupName(call("nb.a").args().get(0))).isTrue();
    assertThat(model.isDropPortGroupName(call("nb.b").args().get(0))).isTrue();
    assertThat(model.isDropPortGroupName(call("nb.c").args().get(0))).isFalse();
    assertThat(model.isDropPortGroupName(call("nb.d").args().get(0))).isFalse();
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
    // Not for its range index: for a number formatted with %d, which cannot change the SQL.
    assertThat(Origins.of(model, run.args().get(0), OriginPolicy.SQL).isLiteral()).isTrue();
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
  void ovsdbMapValueIsAKeyOfAnOvnSettingsColumn() {
    parse(
        """
        def f(port, row, settings):
            a = port.options.get('k')
            b = row['other_config']['k']
            c = row.external_ids.get('k')
            d = settings.get('k')
            e = a
        """);
    assertThat(model.isOvsdbMapValue(valueOf("a"))).isTrue();
    assertThat(model.isOvsdbMapValue(valueOf("b"))).isTrue();
    assertThat(model.isOvsdbMapValue(valueOf("c"))).isFalse();
    assertThat(model.isOvsdbMapValue(valueOf("d"))).isFalse();
    assertThat(model.isOvsdbMapValue(valueOf("e"))).isTrue();
  }

  @Test
  void attributeReadElsewhereLooksAtTheOtherMethods() {
    parse(
        """
        class Handler:
            def __init__(self, plugin):
                self.kept = make()
                self.local = make()
                plugin.use(self.local)

            def run(self):
                return self.kept

            def store(self):
                self.written = 1
        """);
    Ast.ClassDef cls = last(Ast.ClassDef.class, c -> true);
    Ast.FunctionLike init = last(Ast.FunctionDef.class, f -> f.name().equals("__init__"));
    assertThat(model.attributeReadElsewhere(cls, "kept", init)).isTrue();
    assertThat(model.attributeReadElsewhere(cls, "local", init)).isFalse();
    assertThat(model.attributeReadElsewhere(cls, "written", init)).isFalse();
  }

  @Test
  void templateStringIsNotBuiltByFormatting() {
    parse(
        """
        def f(cursor, name):
            sql = t'SELECT * FROM t WHERE name = {name}'
            shell = t'ls {name}'
            both = sql + f' AND id = {name}'
        """);
    assertThat(Origins.of(model, valueOf("sql"), OriginPolicy.SQL).isLiteral()).isTrue();
    assertThat(Origins.of(model, valueOf("shell"), OriginPolicy.SHELL).isLiteral()).isTrue();
    assertThat(Origins.of(model, valueOf("both"), OriginPolicy.SQL).isBuilt()).isTrue();
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
  void handlerReturningAnEmptyLiteralReturnsAConstant() {
    parse(
        """
        def f(row):
            try:
                return dict(row)
            except Exception:
                return {}
            try:
                return list(row)
            except Exception:
                return [row]
        """);
    List<Ast.ExceptHandler> hs = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Ast.ExceptHandler h) {
        hs.add(h);
      }
    }
    assertThat(model.intentOf(hs.get(0)).returnsConstant()).isTrue();
    assertThat(model.intentOf(hs.get(1)).returnsConstant()).isFalse();
  }

  @Test
  void scopeNamesAsFindingKeysNameThem() {
    parse(
        """
        x = run(1)
        class OVNClient:
            attr = run(2)
            @decorate(run(3))
            def update_port(self, port=run(4)):
                check = lambda: run(5)
                def inner():
                    return [run(6) for _ in port]
        """);
    Map<String, String> byArgument = new HashMap<>();
    for (Node n : nodes) {
      if (n instanceof Ast.Call c
          && c.func() instanceof Ast.Name f
          && f.id().equals("run")
          && c.args().getFirst() instanceof Ast.Constant k) {
        byArgument.put(k.value().toString(), model.scopeName(c));
      }
    }
    assertThat(byArgument)
        .containsExactly(
            "1", "",
            "2", "OVNClient",
            "3", "OVNClient",
            "4", "OVNClient",
            "5", "OVNClient.update_port",
            "6", "OVNClient.update_port.inner");
    Ast.FunctionLike inner = model.functions().getLast();
    assertThat(model.scopeName(inner)).isEqualTo("OVNClient.update_port");
    assertThat(model.scopeName(model.scopeOpenedBy(inner)))
        .isEqualTo("OVNClient.update_port.inner");
  }

  @Test
  void lastNames() {
    parse("a.b.c\nf().d\nname\nx[0]\n");
    List<String> last = new ArrayList<>();
    for (Ast.Stmt s : model.module().body()) {
      last.add(SemanticModel.lastName(((Ast.ExprStmt) s).value()));
    }
    assertThat(last).containsExactly("c", "d", "name", null).inOrder();
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

  // ---------------------------------------------------------------- secrets

  @Test
  void policyCredentialsAreWhatPolicyChecksTake() {
    parse(
        """
        def check(context, action, target, enforcer):
            values = context.to_policy_values()
            use(values)
            use(context.to_policy_values())

        def enforce(credentials, action, target):
            use(credentials)
            policy.enforce(credentials, action, target)

        def authorize(creds, enforcer):
            use(creds)
            enforcer.authorize('rule', {}, creds=creds)

        def login(credentials, session):
            use(credentials)
            session.post('/login', credentials)
        """);
    assertThat(model.isPolicyCredentials(use("values"))).isTrue();
    assertThat(model.isPolicyCredentials(call("context.to_policy_values"))).isTrue();
    List<Ast.Name> credentials = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Ast.Name name
          && name.id().equals("credentials")
          && model.parentOf(name) instanceof Ast.Call c
          && "use".equals(SemanticModel.dotted(c.func()))) {
        credentials.add(name);
      }
    }
    assertThat(model.isPolicyCredentials(credentials.get(0))).isTrue();
    assertThat(model.isPolicyCredentials(use("creds"))).isTrue();
    assertThat(model.isPolicyCredentials(credentials.get(1))).isFalse();
  }

  @Test
  void moduleReadsAreFoundInEveryScope() {
    parse(
        """
        STYLE = 'basic'

        class Client:
            def __init__(self, style=STYLE):
                use(STYLE)

        def local():
            STYLE = 'other'
            use(STYLE)
        """);
    List<Ast.Name> reads = model.moduleReads("STYLE");
    assertThat(reads).hasSize(2);
    assertThat(reads).doesNotContain(use("STYLE"));
  }

  @Test
  void dataAttributeReadsMakeAnObject() {
    parse(
        """
        def expired(token, now):
            if token.expires_at < now:
                use(token)

        def text(password):
            use(password.strip())
            use(password.__class__)
            use(password)
        """);
    assertThat(model.readsDataAttribute(use("token"))).isTrue();
    assertThat(model.readsDataAttribute(use("password"))).isFalse();
  }

  @Test
  void loopVariableOverANamedLiteralListHasEachValue() {
    parse(
        """
        def unlock(device):
            candidates = ['NULL', '']
            for password in candidates:
                use(password)
        """);
    assertThat(model.constantValues(use("password"))).containsExactly("NULL", "");
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

  @Test
  void stringPrefixGivesLeadingConstantTextAndItsLiteral() {
    parse(
        """
        BASE = '/tmp'
        a = f'/tmp/ovn-{net}.sock'
        b = '/dev/shm/flows-%s' % bridge
        c = BASE + '/x-' + name + '/y'
        d = '/var/tmp/{}'.format(name)
        e = BASE + '/whole'
        g = name + '/tmp'
        """);
    StringPrefix a = model.stringPrefix(valueOf("a")).orElseThrow();
    assertThat(a.text()).isEqualTo("/tmp/ovn-");
    assertThat(a.whole()).isFalse();
    assertThat(a.literal().value()).isEqualTo("/tmp/ovn-");
    assertThat(model.stringPrefix(valueOf("b")).orElseThrow().text()).isEqualTo("/dev/shm/flows-");
    StringPrefix c = model.stringPrefix(valueOf("c")).orElseThrow();
    assertThat(c.text()).isEqualTo("/tmp/x-");
    assertThat(c.literal()).isSameInstanceAs(valueOf("BASE"));
    assertThat(model.stringPrefix(valueOf("d")).orElseThrow().text()).isEqualTo("/var/tmp/");
    StringPrefix e = model.stringPrefix(valueOf("e")).orElseThrow();
    assertThat(e.text()).isEqualTo("/tmp/whole");
    assertThat(e.whole()).isTrue();
    assertThat(model.stringPrefix(valueOf("g"))).isEmpty();
  }

  @Test
  void stringPrefixOfLongChainKeepsItsLiteral() {
    String src = "x = '/tmp/' + " + "a+".repeat(300_000) + "a\n";
    ParseResult r = PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
    SemanticModel m = SemanticModel.of(r);
    Ast.Assign a = (Ast.Assign) r.module().body().get(0);
    StringPrefix p = m.stringPrefix(a.value()).orElseThrow();
    assertThat(p.text()).isEqualTo("/tmp/");
    assertThat(p.literal()).isNotNull();
  }

  @Test
  void configOptionFacts() {
    parse(
        """
        from oslo_config import cfg
        NAME = 'admin_password'
        OPTS = [
            cfg.StrOpt(NAME, default='x', secret=False, help=_('The password.')),
            cfg.IntOpt('workers', default=2),
            other.StrOpt('y'),
        ]
        """);
    ConfigOption str = model.configOption(call("cfg.StrOpt")).orElseThrow();
    assertThat(str.type()).isEqualTo("oslo_config.cfg.StrOpt");
    assertThat(str.name()).isEqualTo("admin_password");
    assertThat(str.holdsText()).isTrue();
    assertThat(model.isFalse(str.secret())).isTrue();
    assertThat(model.constantString(str.defaultValue())).hasValue("x");
    assertThat(str.help()).isEqualTo("The password.");
    ConfigOption workers = model.configOption(call("cfg.IntOpt")).orElseThrow();
    assertThat(workers.holdsText()).isFalse();
    assertThat(workers.name()).isEqualTo("workers");
    assertThat(model.configOption(call("other.StrOpt"))).isEmpty();
  }

  @Test
  void archivesAreKnownByOriginAndImportsByModule() {
    parse(
        """
        import tarfile
        from zipfile import ZipFile

        def f(path, zpath):
            with tarfile.open(path) as tar:
                tar.extractall()
            z = ZipFile(zpath)
            z.extractall()
        """);
    assertThat(model.kindOf(receiverOf("extractall"))).isEqualTo(ValueKind.ZIP_ARCHIVE);
    assertThat(model.kindOf(use("tar"))).isEqualTo(ValueKind.TAR_ARCHIVE);
    assertThat(model.importsModule("tarfile")).isTrue();
    assertThat(model.importsModule("zipfile")).isTrue();
    assertThat(model.importsModule("tar")).isFalse();
  }

  // ---------------------------------------------------------------- added for the crypto rules

  @Test
  void readsOfALocalInItsFunctionLookThroughComprehensionsNotNestedDefs() {
    parse(
        """
        def f(chars):
            upper = pick(chars)
            pre = upper + '1'
            joined = ''.join(upper for _ in range(3))
            def inner():
                return upper
            return pre
        """);
    Scope fn = model.scopeOpenedBy(last(Ast.FunctionDef.class, d -> d.name().equals("f")));
    List<Ast.Name> reads = model.reads(fn, "upper");
    assertThat(reads).hasSize(2);
    assertThat(model.statementOf(reads.get(0))).isInstanceOf(Ast.Assign.class);
    assertThat(model.reads(fn, "pre")).hasSize(1);
    assertThat(model.reads(fn, "missing")).isEmpty();
  }

  @Test
  void constantPrefixOfBuiltStrings() {
    parse(
        """
        HOST = 'https://'
        def f(host, path):
            a = 'http://%s:%s/' % (host, 1)
            b = f'https://{host}/v2/'
            c = 'http://{}'.format(host)
            d = HOST + host + '/x'
            e = '{}://x'.format(host)
            g = host + 'http://'
        """);
    assertThat(model.constantPrefix(valueOf("a"))).isEqualTo("http://");
    assertThat(model.constantPrefix(valueOf("b"))).isEqualTo("https://");
    assertThat(model.constantPrefix(valueOf("c"))).isEqualTo("http://");
    assertThat(model.constantPrefix(valueOf("d"))).isEqualTo("https://");
    assertThat(model.constantPrefix(valueOf("e"))).isEmpty();
    assertThat(model.constantPrefix(valueOf("g"))).isEmpty();
  }

  @Test
  void importsModuleSeesFunctionLevelAndFromImports() {
    parse(
        """
        import os.path
        def f():
            from paramiko import client
        """);
    assertThat(model.importsModule("paramiko")).isTrue();
    assertThat(model.importsModule("os")).isTrue();
    assertThat(model.importsModule("param")).isFalse();
  }

  @Test
  void escapingCallsAddedToAPolicyAreSafe() {
    parse(
        """
        import shlex
        def f(bridge):
            a = 'ovs-vsctl del-br ' + shlex.quote(bridge)
            b = 'ovs-vsctl del-br ' + bridge
        """);
    OriginPolicy quoted = OriginPolicy.SHELL.withEscapingCalls(Set.of("shlex.quote"));
    assertThat(Origins.of(model, valueOf("a"), OriginPolicy.SHELL).isBuilt()).isTrue();
    assertThat(Origins.of(model, valueOf("a"), quoted).isLiteral()).isTrue();
    assertThat(Origins.of(model, valueOf("b"), quoted).isBuilt()).isTrue();
  }

  @Test
  void reachingBindingsKeepBranchesAndDropOverriddenOnes() {
    parse(
        """
        def f(port, verbose):
            if verbose:
                label = port.name
                label = label.strip()
            else:
                label = "port"
            other = port.name
            other = "fixed"
            return label, other
        """);
    List<Binding> label = model.reachingBindings(use("label"));
    // The else branch and the last binding of the if branch; the first is overridden there.
    assertThat(label.stream().map(b -> b.loc().line()).toList()).containsExactly(6, 4).inOrder();
    assertThat(model.reachingBindings(use("other"))).hasSize(1);
    assertThat(model.reachingBindings(use("other")).get(0))
        .isSameInstanceAs(model.reachingBinding(use("other")));
  }

  @Test
  void reachingBindingsOfComprehensionTargetsHoldInTheElement() {
    parse(
        """
        def f(tags):
            return [t.upper() for t in tags]
        """);
    Ast.Name t = last(Ast.Name.class, n -> n.id().equals("t") && n.ctx() == Ast.ExprContext.Load);
    List<Binding> bindings = model.reachingBindings(t);
    assertThat(bindings).hasSize(1);
    assertThat(bindings.get(0).kind()).isEqualTo(Binding.Kind.COMPREHENSION_TARGET);
  }

  @Test
  void htmlPolicyFollowsEveryBindingAndAppends() {
    parse(
        """
        def rows(ports, verbose):
            if verbose:
                text = ports[0]["name"]
            else:
                text = "-"
            parts = []
            for port in ports:
                parts.append("<li>%s</li>" % port["name"])
            seps = ""
            for sep in ("|", "/"):
                seps += sep
            run(text, "".join(parts), seps)
        """);
    Ast.Call run = call("run");
    assertThat(Origins.firstUnsafePart(model, run.args().get(0), OriginPolicy.HTML)).isNotNull();
    assertThat(Origins.firstUnsafePart(model, run.args().get(1), OriginPolicy.HTML)).isNotNull();
    assertThat(Origins.firstUnsafePart(model, run.args().get(2), OriginPolicy.HTML)).isNull();
  }

  @Test
  void statModeConstantsFoldWithBitOperators() {
    parse(
        """
        import stat
        from stat import S_IWOTH
        MODE = stat.S_IRWXU | S_IWOTH
        def f(path):
            os.chmod(path, MODE)
            os.chmod(path, 0o777 & ~stat.S_IWOTH)
        """);
    assertThat(model.constantValue(use("MODE"))).hasValue(java.math.BigInteger.valueOf(0702));
    Ast.Call last = call("os.chmod");
    assertThat(model.constantValue(last.args().get(1)))
        .hasValue(java.math.BigInteger.valueOf(0775));
  }

  @Test
  void statModeConstantsFoldThroughAliasedImports() {
    parse(
        """
        import stat as st
        from stat import S_IRWXO as OTHERS
        def f(path):
            os.chmod(path, st.S_IRWXU + OTHERS)
            os.umask(~st.S_IRWXU & 0o777)
        """);
    assertThat(model.constantValue(call("os.chmod").args().get(1)))
        .hasValue(java.math.BigInteger.valueOf(0707));
    assertThat(model.constantValue(call("os.umask").args().get(0)))
        .hasValue(java.math.BigInteger.valueOf(0077));
  }

  @Test
  void sameReferenceFollowsBindingsAndAttributeChains() {
    parse(
        """
        def f(path, other):
            with tarfile.open(path) as tar:
                alias = tar
                run(tar, alias, other)
        class C:
            def g(self, other):
                check(self.archive, self.archive, other.archive, self.backup)
        """);
    List<Expr> run = call("run").args();
    assertThat(model.sameReference(run.get(0), run.get(1))).isTrue();
    assertThat(model.sameReference(run.get(0), run.get(2))).isFalse();
    List<Expr> check = call("check").args();
    assertThat(model.sameReference(check.get(0), check.get(1))).isTrue();
    assertThat(model.sameReference(check.get(0), check.get(2))).isFalse();
    assertThat(model.sameReference(check.get(0), check.get(3))).isFalse();
  }

  @Test
  void falsyConstantsAndImportedModules() {
    parse(
        """
        from flask import views
        import werkzeug.serving
        OFF = 0
        run(False, None, 0, "", (), OFF, 1, "x", name)
        """);
    List<Expr> args = call("run").args();
    for (int i = 0; i < 6; i++) {
      assertThat(model.isFalsy(args.get(i))).isTrue();
    }
    for (int i = 6; i < args.size(); i++) {
      assertThat(model.isFalsy(args.get(i))).isFalse();
    }
    assertThat(model.importsModule("flask")).isTrue();
    assertThat(model.importsModule("werkzeug")).isTrue();
    assertThat(model.importsModule("werkzeug.serving")).isTrue();
    assertThat(model.importsModule("werk")).isFalse();
    assertThat(model.importsModule("jinja2")).isFalse();
  }

  @Test
  void spellsAnyReadsIdentifiersAndStringsAndStopsAtTheFirst() {
    parse(
        """
        a = self.deadline + retries(x, 'owner only')
        b = plain(y)
        """);
    List<String> seen = new ArrayList<>();
    assertThat(
            SemanticModel.spellsAny(
                List.of(valueOf("a")),
                (word, string) -> {
                  seen.add(word + (string ? "'" : ""));
                  return word.equals("retries");
                }))
        .isTrue();
    // Parents before children (an attribute before its object), nothing after the first match.
    assertThat(seen).containsExactly("deadline", "self", "retries").inOrder();
    assertThat(SemanticModel.spellsAny(List.of(valueOf("a")), (w, s) -> s && w.contains("owner")))
        .isTrue();
    assertThat(SemanticModel.spellsAny(List.of(valueOf("b")), (w, s) -> w.equals("retries")))
        .isFalse();
  }

  // ---------------------------------------------------------------- addresses

  @Test
  void ipValuesComeFromApiFieldsAndParsedObjects() {
    parse(
        """
        import ipaddress
        import netaddr

        def f(port, rule, subnet, name):
            fixed = port['fixed_ips'][0]['ip_address']
            for pair in port['allowed_address_pairs']:
                use(pair['ip_address'])
            remote = rule['remote_ip_prefix']
            net = netaddr.IPNetwork(remote)
            clean = net.cidr
            strict = ipaddress.ip_network(remote, strict=False)
            text = str(net)
            for server in subnet['dns_nameservers']:
                use(server)
            use(fixed, remote, net, clean, strict, text, subnet['cidr'], port['mac_address'])
            use(name, port['name'], net.ip)
        """);
    Ast.Call use = last(Ast.Call.class, c -> "use".equals(SemanticModel.dotted(c.func())));
    List<Expr> a = use.args();
    Map<String, IpValue> v = new HashMap<>();
    String[] names = {"fixed", "remote", "net", "clean", "strict", "text", "cidr", "mac"};
    Ast.Call main = (Ast.Call) model.parentOf(use("strict"));
    for (int i = 0; i < names.length; i++) {
      v.put(names[i], model.ipValue(main.args().get(i)).orElseThrow());
    }
    assertThat(v.get("fixed").form()).isEqualTo(IpValue.Form.ADDRESS);
    assertThat(v.get("fixed").text()).isTrue();
    assertThat(v.get("remote").form()).isEqualTo(IpValue.Form.PREFIX);
    assertThat(v.get("remote").normalised()).isFalse();
    assertThat(v.get("net").text()).isFalse();
    assertThat(v.get("net").normalised()).isFalse();
    assertThat(v.get("clean").normalised()).isTrue();
    assertThat(v.get("strict").normalised()).isTrue();
    assertThat(v.get("text").text()).isTrue();
    assertThat(v.get("text").normalised()).isFalse();
    assertThat(v.get("cidr").normalised()).isTrue();
    assertThat(v.get("mac").form()).isEqualTo(IpValue.Form.MAC);
    // Not addresses: a parameter and a name field; a parsed prefix's .ip is one.
    assertThat(model.ipValue(a.get(0))).isEmpty();
    assertThat(model.ipValue(a.get(1))).isEmpty();
    assertThat(model.ipValue(a.get(2)).orElseThrow().form()).isEqualTo(IpValue.Form.ADDRESS);
    Ast.Call pairUse =
        last(
            Ast.Call.class,
            c ->
                "use".equals(SemanticModel.dotted(c.func()))
                    && c.args().get(0) instanceof Ast.Subscript);
    assertThat(model.ipValue(pairUse.args().get(0)).orElseThrow().form())
        .isEqualTo(IpValue.Form.ADDRESS_OR_PREFIX);
    assertThat(model.ipValue(use("server")).orElseThrow().form()).isEqualTo(IpValue.Form.ADDRESS);
  }

  @Test
  void validatedAddressesAreNotTenantStrings() {
    parse(
        """
        def f(port):
            use(port['fixed_ips'][0]['ip_address'], port['name'])
        """);
    Ast.Call use = call("use");
    assertThat(model.tenantSource(use.args().get(0))).isEmpty();
    assertThat(model.tenantSource(use.args().get(1))).isPresent();
  }

  @Test
  void stringsByConstruction() {
    parse(
        """
        def f(port, members, ips):
            joined = ' '.join(ips)
            for member in members.split(','):
                use(joined, member, '%s:' % port['id'], ips, members, member.strip())
        """);
    List<Expr> a = call("use").args();
    assertThat(model.isString(a.get(0))).isTrue();
    assertThat(model.isString(a.get(1))).isTrue();
    assertThat(model.isString(a.get(2))).isTrue();
    assertThat(model.isString(a.get(3))).isFalse();
    assertThat(model.isString(a.get(4))).isFalse();
    assertThat(model.isString(a.get(5))).isTrue();
  }

  @Test
  void addressEntriesOfAPortsColumns() {
    parse(
        """
        def f(self, lsp, server):
            first = lsp.addresses[0]
            for entry in lsp.port_security:
                use(first, entry, lsp.addresses, self.addresses[0], server.addresses['net'])
        """);
    List<Expr> a = call("use").args();
    assertThat(model.isAddressEntry(a.get(0))).isTrue();
    assertThat(model.isAddressEntry(a.get(1))).isTrue();
    assertThat(model.isString(a.get(1))).isTrue();
    // The column itself is a list; self's attribute and a keyed read are not entries.
    assertThat(model.isAddressEntry(a.get(2))).isFalse();
    assertThat(model.isAddressEntry(a.get(3))).isFalse();
    assertThat(model.isAddressEntry(a.get(4))).isFalse();
  }

  @Test
  void anInterfacesNetworkIsAPrefixButANetworksNetworkIsAnAddress() {
    parse(
        """
        import ipaddress
        import netaddr

        def f(a, b):
            iface = ipaddress.ip_interface(a)
            net = netaddr.IPNetwork(b)
            use(iface.network, net.network, iface.ip)
        """);
    List<Expr> a = call("use").args();
    assertThat(model.ipValue(a.get(0)).orElseThrow().form()).isEqualTo(IpValue.Form.PREFIX);
    assertThat(model.ipValue(a.get(1)).orElseThrow().form()).isEqualTo(IpValue.Form.ADDRESS);
    assertThat(model.ipValue(a.get(2)).orElseThrow().form()).isEqualTo(IpValue.Form.ADDRESS);
  }
}
