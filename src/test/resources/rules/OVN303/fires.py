class MetadataAgent:

    def update_chassis_private(self, row):
        self.sb_idl.db_set(  # expect: OVN303:9
            'Chassis_Private', self.chassis,
            ('external_ids', {'neutron:ovn-metadata-sb-cfg': str(row.nb_cfg)})).execute()

    def teardown_datapath(self, veth_name):
        self.ovs_idl.del_port(veth_name).execute()  # expect: OVN303:9

    def clear_bridge_mappings(self):
        self.ovs_idl.db_remove(  # expect: OVN303:9
            'Open_vSwitch', '.', 'external_ids', 'ovn-bridge-mappings').execute()


class OVNClient:

    def set_port_up(self, port_id):
        self._nb_idl.lsp_set_up(port_id, True).execute(check_error=False)  # expect: OVN303:9

    def delete_lswitch(self, name):
        self._nb_idl.ls_del(name, if_exists=True).execute(log_errors=True)  # expect: OVN303:9

    def remove_from_ha_group(self, group, chassis):
        self._nb_idl.ha_chassis_group_del_chassis(group, chassis).execute()  # expect: OVN303:9

    def add_ports(self, pg_name, ports):
        self._nb_idl.pg_add_ports(pg_name, ports).execute()  # expect: OVN303:9


def cleanup_bridge(ovsdb, bridge_name):
    ovsdb.del_br(bridge_name).execute()  # expect: OVN303:5


from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class NorthdSync:
    # APIs kept under names that say nothing: their constructors say what they are.
    def __init__(self, conn, driver, trigger):
        self.northd = impl_idl_ovn.OvsdbNbOvnIdl(conn)
        self.southd = self._connect_southbound(driver)
        self.north, self.south = impl_idl_ovn.get_ovn_idls(driver, trigger)

    def _connect_southbound(self, driver):
        return impl_idl_ovn.OvsdbSbOvnIdl.from_worker(None, driver)

    def drop_switch(self, name):
        self.northd.ls_del(name, if_exists=True).execute()  # expect: OVN303:9

    def drop_chassis(self, name):
        self.southd.chassis_del(name).execute(check_error=False)  # expect: OVN303:9

    def drop_router(self, name):
        self.north.lr_del(name).execute()  # expect: OVN303:9


class QosExtension:
    # A misspelt keyword: execute() takes it in **kwargs and checks nothing, reads included.
    def __init__(self, conn):
        self.northd = impl_idl_ovn.OvsdbNbOvnIdl(conn)

    def switch_of(self, network_id):
        return self.northd.ls_get(network_id).execute(check_errors=True)  # expect: OVN303:55

    def drop_port(self, port_id):
        self.northd.lsp_del(port_id).execute(check_erorr=True)  # expect: OVN303:46

    def inside_a_transaction(self, network_ids):
        with self.northd.transaction(check_error=True):
            for network_id in network_ids:
                self.northd.ls_get(network_id).execute(
                    check_errors=True)  # expect: OVN303:21
