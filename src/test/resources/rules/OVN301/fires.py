from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class OVNClient:
    def __init__(self, nb_idl, sb_idl):
        self._nb_idl = nb_idl
        self._sb_idl = sb_idl

    def delete_port_group(self, pg_name):
        with self._nb_idl.transaction(check_error=False) as txn:  # expect: OVN301:14
            txn.add(self._nb_idl.pg_del(pg_name, if_exists=True))

    def update_acls(self, pg_name, acls):
        with self._nb_idl.transaction() as txn:  # expect: OVN301:14
            for acl in acls:
                txn.add(self._nb_idl.pg_acl_add(pg_name, **acl))

    def set_chassis_option(self, chassis, key, value):
        # Positional: check_error is ovsdbapp's first parameter.
        with self._sb_idl.transaction(False) as txn:  # expect: OVN301:14
            txn.add(self._sb_idl.db_set('Chassis', chassis, ('other_config', {key: value})))

    def bump_nb_cfg(self, lswitch):
        with self._nb_idl.create_transaction(check_error=False,  # expect: OVN301:14
                                             bump_nb_cfg=True) as txn:
            txn.add(self._nb_idl.ls_set_dns_records(lswitch, []))


def sync_router_ports(ovn_nb_api, ports):
    with ovn_nb_api.transaction(log_errors=True) as txn:  # expect: OVN301:10
        for port in ports:
            txn.add(ovn_nb_api.lrp_del(port, if_exists=True))


class MetadataAgent:
    def cleanup(self, bridge, port):
        with self.ovs_idl.transaction(check_error=False) as txn:  # expect: OVN301:14
            txn.add(self.ovs_idl.del_port(port, bridge=bridge, if_exists=True))


from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn as idl_ovn


class NorthdSync:
    # An API kept under a name that says nothing: its constructor says it is the NB.
    def __init__(self, conn):
        self.northd = idl_ovn.OvsdbNbOvnIdl(conn)

    def set_options(self, name, options):
        with self.northd.transaction(check_error=False) as txn:  # expect: OVN301:14
            txn.add(self.northd.db_set('Logical_Switch', name, ('other_config', options)))

    def set_external_ids(self, name, ids):
        with self.northd.transaction() as txn:  # expect: OVN301:14
            txn.add(self.northd.db_set('Logical_Switch', name, ('external_ids', ids)))


def sync_chassis(ovn_idl, chassis):
    # Nothing says where it comes from: its name says it is an OVN database.
    with ovn_idl.transaction() as txn:  # expect: OVN301:10
        txn.add(ovn_idl.chassis_del(chassis))
