package com.googlesource.gerrit.plugins.securityreview.python.semantic;

import com.googlesource.gerrit.plugins.securityreview.python.DottedNames;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The constructors, factories and types whose values have a known {@link ValueKind}, by qualified
 * name, and the name lists used only as a last resort. One place, so rules agree.
 */
final class KnownTypes {
  private KnownTypes() {}

  /** Integer constants of the standard library, by qualified name: the stat module's modes. */
  private static final Map<String, BigInteger> MODULE_CONSTANTS =
      Map.ofEntries(
          statMode("S_ISUID", 04000),
          statMode("S_ISGID", 02000),
          statMode("S_ENFMT", 02000),
          statMode("S_ISVTX", 01000),
          statMode("S_IRWXU", 0700),
          statMode("S_IRUSR", 0400),
          statMode("S_IREAD", 0400),
          statMode("S_IWUSR", 0200),
          statMode("S_IWRITE", 0200),
          statMode("S_IXUSR", 0100),
          statMode("S_IEXEC", 0100),
          statMode("S_IRWXG", 0070),
          statMode("S_IRGRP", 0040),
          statMode("S_IWGRP", 0020),
          statMode("S_IXGRP", 0010),
          statMode("S_IRWXO", 0007),
          statMode("S_IROTH", 0004),
          statMode("S_IWOTH", 0002),
          statMode("S_IXOTH", 0001));

  private static Map.Entry<String, BigInteger> statMode(String name, int bits) {
    return Map.entry("stat." + name, BigInteger.valueOf(bits));
  }

  /** The value of a standard library constant ({@code stat.S_IWOTH}), or null. */
  static BigInteger moduleConstant(String qualifiedName) {
    return qualifiedName == null ? null : MODULE_CONSTANTS.get(qualifiedName);
  }

  /** Matched on the whole qualified name. */
  private static final Map<String, KindFact> EXACT = new HashMap<>();

  /**
   * Matched on the tail of a qualified name ({@code impl_idl_ovn.OvsdbNbOvnIdl}): Neutron modules
   * are imported under many paths, relative ones included.
   */
  private static final Map<String, KindFact> TAIL = new HashMap<>();

  private static void exact(ValueKind kind, OvsdbDatabase db, String... names) {
    for (String n : names) {
      EXACT.put(n, new KindFact(kind, Evidence.ORIGIN, db));
    }
  }

  private static void exact(ValueKind kind, String... names) {
    exact(kind, OvsdbDatabase.UNKNOWN, names);
  }

  private static void tail(ValueKind kind, OvsdbDatabase db, String... names) {
    for (String n : names) {
      TAIL.put(n, new KindFact(kind, Evidence.ORIGIN, db));
    }
  }

  static {
    exact(
        ValueKind.THREAD,
        "threading.Thread",
        "threading.Timer",
        "multiprocessing.Process",
        "eventlet.spawn",
        "eventlet.spawn_after",
        "eventlet.greenthread.spawn",
        "eventlet.greenthread.spawn_after",
        "eventlet.greenthread.GreenThread");
    exact(
        ValueKind.EVENT,
        "threading.Event",
        "eventlet.event.Event",
        "multiprocessing.Event",
        "asyncio.Event");
    exact(
        ValueKind.TAR_ARCHIVE,
        "tarfile.open",
        "tarfile.TarFile",
        "tarfile.TarFile.open",
        "tarfile.TarFile.taropen",
        "tarfile.TarFile.gzopen",
        "tarfile.TarFile.bz2open",
        "tarfile.TarFile.xzopen");
    exact(ValueKind.ZIP_ARCHIVE, "zipfile.ZipFile", "zipfile.PyZipFile");
    exact(ValueKind.CONDITION, "threading.Condition", "multiprocessing.Condition");
    exact(
        ValueKind.LOCK,
        "threading.Lock",
        "threading.RLock",
        "threading.Semaphore",
        "threading.BoundedSemaphore",
        "multiprocessing.Lock",
        "multiprocessing.RLock",
        "eventlet.semaphore.Semaphore",
        "asyncio.Lock",
        "oslo_concurrency.lockutils.lock");
    exact(
        ValueKind.QUEUE,
        "queue.Queue",
        "queue.LifoQueue",
        "queue.PriorityQueue",
        "queue.SimpleQueue",
        "six.moves.queue.Queue",
        "eventlet.queue.Queue",
        "eventlet.queue.LightQueue",
        "eventlet.queue.LifoQueue",
        "eventlet.queue.PriorityQueue",
        "multiprocessing.Queue",
        "multiprocessing.JoinableQueue",
        "asyncio.Queue");
    exact(
        ValueKind.POOL,
        "multiprocessing.Pool",
        "multiprocessing.pool.Pool",
        "multiprocessing.pool.ThreadPool",
        "eventlet.GreenPool",
        "eventlet.greenpool.GreenPool",
        "concurrent.futures.ThreadPoolExecutor",
        "concurrent.futures.ProcessPoolExecutor",
        "futurist.ThreadPoolExecutor",
        "futurist.GreenThreadPoolExecutor");
    exact(
        ValueKind.FUTURE,
        "concurrent.futures.Future",
        "asyncio.Future",
        "asyncio.ensure_future",
        "asyncio.create_task");
    exact(
        ValueKind.PROCESS,
        "subprocess.Popen",
        "eventlet.green.subprocess.Popen",
        "asyncio.create_subprocess_exec",
        "asyncio.create_subprocess_shell");
    exact(
        ValueKind.HTTP_SESSION,
        "requests.Session",
        "requests.session",
        "requests.sessions.Session",
        "keystoneauth1.session.Session",
        "keystoneauth1.loading.load_session_from_conf_options");
    exact(ValueKind.HTTPX_CLIENT, "httpx.Client", "httpx.AsyncClient");
    exact(
        ValueKind.HTTP_REQUEST,
        "webob.Request",
        "webob.BaseRequest",
        "webob.request.Request",
        "webob.request.BaseRequest");
    exact(
        ValueKind.SQL_CONNECTION,
        "alembic.op.get_bind",
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlite3.connect");
    exact(
        ValueKind.OVSDB_IDL,
        "ovs.db.idl.Idl",
        "ovsdbapp.backend.ovs_idl.connection.Connection",
        "ovsdbapp.backend.ovs_idl.connection.OvsdbIdl");
    exact(
        ValueKind.OVSDB_API,
        OvsdbDatabase.NB,
        "ovsdbapp.schema.ovn_northbound.impl_idl.OvnNbApiIdlImpl",
        "ovsdbapp.schema.ovn_northbound.api.API");
    exact(
        ValueKind.OVSDB_API,
        OvsdbDatabase.SB,
        "ovsdbapp.schema.ovn_southbound.impl_idl.OvnSbApiIdlImpl",
        "ovsdbapp.schema.ovn_southbound.api.API");
    exact(
        ValueKind.OVSDB_API,
        OvsdbDatabase.OVS,
        "ovsdbapp.schema.open_vswitch.impl_idl.OvsdbIdl",
        "ovsdbapp.schema.open_vswitch.api.API");
    // The OVN Interconnection NB and hardware VTEP schemas: APIs of other databases.
    exact(
        ValueKind.OVSDB_API,
        "ovsdbapp.api.API",
        "ovsdbapp.backend.ovs_idl.Backend",
        "ovsdbapp.schema.ovn_ic_northbound.impl_idl.OvnIcNbApiIdlImpl",
        "ovsdbapp.schema.hardware_vtep.impl_idl.HwVtepApiIdlImpl");
    // Neutron, checked against its sources: impl_idl_ovn.py (OvsdbNbOvnIdl/OvsdbSbOvnIdl derive
    // from ovsdbapp's NB/SB impl_idl; their from_worker() classmethods return cls(conn)),
    // agent/ovsdb/impl_idl.py (api_factory() returns a NeutronOvsdbIdl, an OvsdbIdl),
    // ovsdb_monitor.py (OvnNbIdl/OvnSbIdl are connection.OvsdbIdl subclasses: IDLs, not APIs).
    tail(
        ValueKind.OVSDB_API,
        OvsdbDatabase.NB,
        "impl_idl_ovn.OvsdbNbOvnIdl",
        "impl_idl_ovn.OvsdbNbOvnIdl.from_worker");
    tail(
        ValueKind.OVSDB_API,
        OvsdbDatabase.SB,
        "impl_idl_ovn.OvsdbSbOvnIdl",
        "impl_idl_ovn.OvsdbSbOvnIdl.from_worker");
    tail(ValueKind.OVSDB_API, OvsdbDatabase.OVS, "agent.ovsdb.impl_idl.api_factory");
    tail(ValueKind.OVSDB_API, OvsdbDatabase.OVS, "agent.ovsdb.impl_idl.NeutronOvsdbIdl");
    tail(ValueKind.OVSDB_IDL, OvsdbDatabase.NB, "ovsdb_monitor.OvnNbIdl");
    tail(ValueKind.OVSDB_IDL, OvsdbDatabase.SB, "ovsdb_monitor.OvnSbIdl");
    // neutron/plugins/ml2/drivers/ovn/mech_driver/ovsdb/ovn_client.py
    tail(ValueKind.OVN_CLIENT, OvsdbDatabase.NB, "ovn_client.OVNClient");
  }

  /**
   * The top-level packages of the qualified names that give values of these kinds, for kinds that
   * only {@link #EXACT} names give (not a name's tail, nor a value's own name): the file's text
   * must name one of those packages for such a value to exist in it.
   */
  static Set<String> exactPackagesOf(Set<ValueKind> kinds) {
    Set<String> out = new HashSet<>();
    EXACT.forEach(
        (name, fact) -> {
          if (kinds.contains(fact.kind())) {
            out.add(DottedNames.firstPart(name));
          }
        });
    TAIL.values()
        .forEach(
            fact -> {
              if (kinds.contains(fact.kind())) {
                throw new IllegalArgumentException(fact.kind() + " is matched by a tail too");
              }
            });
    return Set.copyOf(out);
  }

  /** The kind a call of (or a value typed as) a qualified name makes; null when not known. */
  static KindFact lookup(String qualified) {
    if (qualified == null) {
      return null;
    }
    KindFact f = EXACT.get(qualified);
    if (f != null) {
      return f;
    }
    for (Map.Entry<String, KindFact> e : TAIL.entrySet()) {
      String t = e.getKey();
      if (qualified.equals(t) || qualified.endsWith("." + t)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** {@code impl_idl_ovn.get_ovn_idls(...)}: the NB and SB APIs, as a pair. */
  static KindFact element(String qualified, int index) {
    if (qualified != null
        && (qualified.equals("impl_idl_ovn.get_ovn_idls")
            || qualified.endsWith(".impl_idl_ovn.get_ovn_idls"))) {
      return switch (index) {
        case 0 -> new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.NB);
        case 1 -> new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.SB);
        default -> null;
      };
    }
    return null;
  }

  /**
   * {@code X(...).start()} of Neutron's agent IDL wrappers ({@code MetadataAgentOvnSbIdl}, {@code
   * MetadataAgentOvsIdl}): the API object of that database; null for other classes.
   */
  static KindFact startedIdl(String qualified) {
    if (qualified == null) {
      return null;
    }
    String last = SemanticModel.lastPart(qualified);
    if (last.endsWith("OvnSbIdl")) {
      return new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.SB);
    }
    if (last.endsWith("OvnNbIdl")) {
      return new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.NB);
    }
    if (last.endsWith("OvsIdl")) {
      return new KindFact(ValueKind.OVSDB_API, Evidence.ORIGIN, OvsdbDatabase.OVS);
    }
    return null;
  }

  /** {@code webob.dec.wsgify}: the decorator whose function receives the request it handles. */
  static boolean isRequestHandlerDecorator(String qualified) {
    return "webob.dec.wsgify".equals(qualified);
  }

  /** {@code ovs_lib.BaseOVS} and its subclasses, whose {@code .ovsdb} is the OVS API. */
  static boolean isOvsLibClass(String qualified) {
    return qualified != null
        && (qualified.endsWith("ovs_lib.BaseOVS") || qualified.endsWith("ovs_lib.OVSBridge"));
  }

  // ---------------------------------------------------------------- last resort: names

  /**
   * The kind a value's name suggests, for values nothing else tells about: the OVSDB API names of
   * Neutron and ovsdbapp ({@code _nb_idl}, {@code nb_ovn}, {@code sb_api}, {@code ovs_idl}, {@code
   * ovsdb}) and the names of events, queues, pools and futures.
   */
  static KindFact byName(String name) {
    if (name == null) {
      return null;
    }
    List<String> p = parts(name);
    boolean nb = p.contains("nb") || p.contains("nbapi");
    boolean sb = p.contains("sb") || p.contains("sbapi");
    if (p.contains("idl") || p.contains("ovsdb") || nb || sb || isApiOf(p, "ovs")) {
      OvsdbDatabase db =
          nb
              ? OvsdbDatabase.NB
              : sb
                  ? OvsdbDatabase.SB
                  : p.contains("ovs") || p.contains("ovsdb")
                      ? OvsdbDatabase.OVS
                      : OvsdbDatabase.UNKNOWN;
      return new KindFact(ValueKind.OVSDB_API, Evidence.NAME, db);
    }
    if (String.join("", p).equals("ovnclient")) {
      return new KindFact(ValueKind.OVN_CLIENT, Evidence.NAME, OvsdbDatabase.NB);
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("event") || n.endsWith("_evt")) {
      return KindFact.of(ValueKind.EVENT, Evidence.NAME);
    }
    if (n.endsWith("queue") || n.equals("q")) {
      return KindFact.of(ValueKind.QUEUE, Evidence.NAME);
    }
    if (n.contains("pool")) {
      return KindFact.of(ValueKind.POOL, Evidence.NAME);
    }
    if (n.contains("future") || n.equals("fut")) {
      return KindFact.of(ValueKind.FUTURE, Evidence.NAME);
    }
    return null;
  }

  /**
   * Whether a name is one of an OVN NB or SB API: {@code nb_api}, {@code sb_idl}, {@code ovn_idl}.
   */
  static boolean isOvnApiName(String name) {
    List<String> p = parts(name);
    return p.contains("nb")
        || p.contains("sb")
        || p.contains("nbapi")
        || p.contains("sbapi")
        || isApiOf(p, "ovn");
  }

  private static List<String> parts(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    while (n.startsWith("_")) {
      n = n.substring(1);
    }
    return List.of(n.split("_"));
  }

  private static boolean isApiOf(List<String> p, String db) {
    return p.contains(db) && (p.contains("api") || p.contains("idl"));
  }
}
