import sqlalchemy as sa
from alembic import op
from sqlalchemy import text as sql_text


def ports_of(session, network_id):
    return session.execute(sa.text(  # expect: OVN304:28
        "SELECT id FROM ports WHERE network_id = '%s'" % network_id))


def rename_network(context, network_id, name):
    context.session.execute(  # expect: OVN304:5
        "UPDATE networks SET name = '{}' WHERE id = '{}'".format(name, network_id))


def delete_tag(connection, tag):
    query = "DELETE FROM tags WHERE tag = '" + tag + "'"
    connection.execute(query)  # expect: OVN304:5


def find_by_description(session, description):
    stmt = sql_text(f"SELECT id FROM ports WHERE description = '{description}'")  # expect: OVN304:12
    return session.execute(stmt).fetchall()


def upgrade(table_name):
    op.execute("ALTER TABLE %s CONVERT TO CHARACTER SET utf8mb4" % table_name)  # expect: OVN304:5


def count_rows(engine, table, where):
    sql = "SELECT COUNT(*) FROM ovn_revision_numbers"
    sql += " WHERE resource_type = '%s'" % where
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar()  # expect: OVN304:29


def raw_cursor(engine, host):
    cursor = engine.raw_connection().cursor()
    cursor.execute("SELECT * FROM agents WHERE host = '%(host)s'" % {'host': host})  # expect: OVN304:5


def _where_name(name):
    return "SELECT id FROM networks WHERE name = '%s'" % name


def networks_named(session, name):
    # Built in the helper from the caller's parameter: flagged where it runs.
    return session.execute(_where_name(name))  # expect: OVN304:12


class SubnetQueries:
    def __init__(self, cidr):
        self.cidr = cidr

    def _select(self, column):
        return f"SELECT {column} FROM subnets WHERE cidr = '{self.cidr}'"

    def gateways(self, conn):
        sql = self._select('gateway_ip')
        return conn.execute(sql).fetchall()  # expect: OVN304:16


def copy_descriptions(conn):
    for row in conn.execute("SELECT id, description FROM ports").fetchall():
        conn.execute("UPDATE trunks SET description = '%s'" % row[1])  # expect: OVN304:9


class SubnetFinder:
    def __init__(self, queries: SubnetQueries):
        self.queries = queries

    def by_cidr(self, conn):
        return conn.execute("SELECT id FROM subnets WHERE cidr = '%s'" % self.queries.cidr)  # expect: OVN304:16
