from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class NorthdSync:
    def __init__(self, conn):
        self.northd = impl_idl_ovn.OvsdbNbOvnIdl(conn)

    def set_options(self, name, options):
        with self.northd.transaction(check_error=True) as txn:
            txn.add(self.northd.db_set('Logical_Switch', name, ('other_config', options)))


class Journal:
    def transaction(self, check_error=False):
        return self


class NorthdJournal:
    # The same attribute names, holding a dict and an object of this file: no OVSDB API,
    # whatever the name says.
    def __init__(self):
        self.northd = Journal()
        self._nb_idl = Journal()
        self.southd = {}

    def record(self, entry):
        with self.northd.transaction(check_error=False) as txn:
            txn.add(entry)
        with self._nb_idl.transaction() as txn:
            txn.add(entry)
        with self.southd.transaction() as txn:
            txn.add(entry)
