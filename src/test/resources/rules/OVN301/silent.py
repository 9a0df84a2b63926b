from neutron_lib.db import api as db_api


class OVNClient:
    def __init__(self, nb_idl):
        self._nb_idl = nb_idl

    def delete_port_group(self, pg_name):
        with self._nb_idl.transaction(check_error=True) as txn:
            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))

    def positional_true(self, pg_name):
        with self._nb_idl.transaction(True) as txn:
            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))

    def caller_decides(self, pg_name, check_error):
        # The caller chose; nothing to say here.
        with self._nb_idl.transaction(check_error=check_error) as txn:
            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))

    def forwarded(self, pg_name, **kwargs):
        with self._nb_idl.transaction(**kwargs) as txn:
            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))


def local_ovs_default(ovsdb, bridge, port):
    # The local Open vSwitch database: agents rely on the default throughout.
    with ovsdb.transaction() as txn:
        txn.add(ovsdb.add_port(bridge, port))


def sqlalchemy_transactions(context, session, connection):
    with db_api.CONTEXT_WRITER.using(context):
        pass
    with session.transaction():
        pass
    with connection.transaction(check_error=False):
        pass
    with context.session.begin(subtransactions=True):
        pass


class Wrapper:
    def transaction(self, *args, **kwargs):
        with super().transaction(*args, **kwargs) as t:
            yield t


def check_error_false_elsewhere(nb_idl, port):
    # Not a transaction: OVN303's business, not ours.
    nb_idl.lsp_get(port).execute(check_error=False)
    return "transaction(check_error=False)"
