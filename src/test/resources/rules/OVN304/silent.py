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
