from neutron.common.ovn import constants as ovn_const

DROP_PG = 'neutron_pg_drop'


class PortGroupRepair:
    def __init__(self, nb_idl):
        self.nb_idl = nb_idl

    def recreate_drop_port_group(self, ports):
        with self.nb_idl.transaction(check_error=True) as txn:
            txn.add(self.nb_idl.pg_add(  # expect: OVN403:21
                name=ovn_const.OVN_DROP_PORT_GROUP_NAME, acls=[]))
            for port in ports:
                txn.add(self.nb_idl.pg_add_ports(
                    ovn_const.OVN_DROP_PORT_GROUP_NAME, port['id']))

    def ensure_drop_port_group(self, txn):
        pg_name = ovn_const.OVN_DROP_PORT_GROUP_NAME
        if not self.nb_idl.get_port_group(pg_name):
            txn.add(self.nb_idl.pg_add(pg_name, may_exist=True))  # expect: OVN403:21

    def migrate(self, txn):
        txn.add(self.nb_idl.pg_add('neutron_pg_drop', acls=None))  # expect: OVN403:17
        txn.add(self.nb_idl.pg_add(name=DROP_PG))  # expect: OVN403:17
