import sqlalchemy as sa
from alembic import op

from neutron.db import models_v2

PORTS_TABLE = 'ports'
MYSQL_ENGINE = 'mysql'


def ports_of(session, network_id):
    # Bound parameters: the fix.
    return session.execute(
        sa.text("SELECT id FROM ports WHERE network_id = :net"), {"net": network_id})


def constant_table(session):
    session.execute(sa.text("SELECT COUNT(*) FROM %s" % PORTS_TABLE))
    session.execute(sa.text("SELECT * FROM {}".format(models_v2.Port.__tablename__)))
    session.execute(sa.text(f"SELECT * FROM {PORTS_TABLE} LIMIT {10}"))


def numbers(session, limit, ids):
    session.execute(sa.text("SELECT id FROM ports LIMIT %d" % int(limit)))
    placeholders = ', '.join(['%s'] * len(ids))
    cursor = session.connection().connection.cursor()
    cursor.execute("SELECT * FROM ports WHERE id IN (%s)" % placeholders, ids)


def expression_api(session, ports_table, port_id):
    session.execute(ports_table.update().values(name='x').where(ports_table.c.id == port_id))
    session.execute(sa.select(ports_table.c.id))


def upgrade():
    op.execute("ALTER TABLE acme_leases DROP PRIMARY KEY,"
               "ADD PRIMARY KEY(lease_id, node);")


def run_given_sql(session, sql):
    # The SQL arrives built: it is checked where it is built.
    session.execute(sa.text(sql))
    sql += " LIMIT 1"
    session.execute(sa.text(sql))


def not_sql(ovs_idl, processutils, name, LOG):
    ovs_idl.db_set('Bridge', name, ('external_ids', {'k': 'v'})).execute(check_error=True)
    processutils.execute('ip', 'link', 'set', name, 'up')
    LOG.info("UPDATE for port %s" % name)
    text("SELECT %s" % name)
    handlers = [text]
    handlers[0]("SELECT %s" % name)
    make_runner()("SELECT %s" % name)


def make_runner():
    return text


def text(value):
    return value


def convert_tables(connection):
    # Table and column names that only constants reach.
    tables = ['ports', 'networks', 'subnets']
    for table in tables:
        op.execute("ALTER TABLE %s CONVERT TO CHARACTER SET utf8mb4" % table)
    op.execute("ALTER TABLE %s ENGINE=InnoDB" % table)
    text_columns = {'ports': [('description', True)], 'networks': [('name', False)]}
    for table, columns in text_columns.items():
        changes = []
        for column, nullable in columns:
            null = "NULL" if nullable else "NOT NULL"
            changes.append(f"MODIFY COLUMN {column} TEXT {null}")
        op.execute(sa.text(f"ALTER TABLE {table} " + ", ".join(changes)))


def set_charset():
    # The database name is the deployment's own connection setting.
    bind = op.get_bind()
    op.execute(f"ALTER DATABASE {bind.engine.url.database} DEFAULT CHARACTER SET utf8")
    op.execute("ALTER DATABASE `%s` CHARSET utf8" % op.get_bind().engine.url.database)


def purge(conn, lower, upper, limit):
    # Conditions are literals with placeholders; the values are bound.
    conditions = []
    args = []
    if lower:
        conditions.append('name > ?')
        args.append(lower)
    if upper:
        conditions.extend(('name <= ?', 'deleted = 0'))
        args.append(upper)
    query = 'DELETE FROM object'
    if conditions:
        query += ' WHERE ' + ' AND '.join(conditions)
    query += ' LIMIT %d' % limit
    conn.execute(query, args)
    columns = ['id', 'name']
    conn.execute('SELECT %s FROM object' % ', '.join(c.upper() for c in columns[:1]))


class Broker:
    # A class setting: this class reads it, its subclasses give it.
    kind = 'container'

    def __init__(self, path):
        self.path = path
        self.status_table = self.kind + '_stat'

    def _deleted_column(self, conn):
        if conn.version < 1:
            return '+deleted'
        return 'deleted'

    def info(self, conn):
        conn.execute('SELECT * FROM %s_stat' % self.kind)
        conn.execute('SELECT * FROM %s' % self.status_table)
        conn.execute('SELECT * FROM %s_info' % self.subtype)
        conn.execute('SELECT name FROM object WHERE %s = 0' % self._deleted_column(conn))

    def _count_sql(self, table):
        return "SELECT COUNT(*) FROM %s" % table

    def count(self, conn):
        # The helper formats its parameter; this caller passes a constant.
        return conn.execute(self._count_sql('object')).fetchone()


class Reclaimer:
    def __init__(self, broker):
        """Deletes old rows.

        :param broker: the :class:`~acme.db.Broker` whose rows go.
        """
        self.broker = broker

    def purge(self, conn):
        conn.execute('DELETE FROM %s WHERE deleted = 1' % self.broker.kind)
