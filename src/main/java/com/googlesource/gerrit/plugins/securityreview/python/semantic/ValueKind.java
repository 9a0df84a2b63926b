package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/** The kinds of object the rules tell apart. */
public enum ValueKind {
  /** An ovsdbapp API object (NB, SB or the local Open vSwitch database). */
  OVSDB_API,
  /** An {@code ovs.db.idl.Idl} or an ovsdbapp connection. */
  OVSDB_IDL,
  /** An ovsdbapp transaction. */
  OVSDB_TRANSACTION,
  /** The result of calling a command method on an {@link #OVSDB_API}. */
  OVSDB_COMMAND,
  /** A thread, greenthread or process handle that can be joined. */
  THREAD,
  EVENT,
  CONDITION,
  QUEUE,
  /** A thread/process pool or an executor. */
  POOL,
  FUTURE,
  /** A child process ({@code subprocess.Popen}). */
  PROCESS,
  /** A {@code requests} or keystoneauth session. */
  HTTP_SESSION,
  /** An {@code httpx} client ({@code httpx.Client}, {@code httpx.AsyncClient}). */
  HTTPX_CLIENT,
  LOCK,
  /** A {@code tarfile} archive ({@code tarfile.open}, {@code TarFile}). */
  TAR_ARCHIVE,
  /** A {@code zipfile} archive ({@code zipfile.ZipFile}). */
  ZIP_ARCHIVE,
  /**
   * A request a server received: a {@code webob} request ({@code webob.Request}, the argument of a
   * {@code @webob.dec.wsgify} handler). Its headers and environ are what the client sent.
   */
  HTTP_REQUEST,
  /** Neutron's OVN client ({@code ovn_client.OVNClient}), whose write methods write the NB. */
  OVN_CLIENT,
  /**
   * A database connection or engine made from the deployment's settings ({@code
   * alembic.op.get_bind()}, {@code sqlalchemy.create_engine(url)}, {@code sqlite3.connect}).
   */
  SQL_CONNECTION,
  LITERAL,
  UNKNOWN
}
