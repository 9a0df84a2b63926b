from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils
from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class NetworkLogDriver:
    def __init__(self, conn):
        self.nb = impl_idl_ovn.OvsdbNbOvnIdl(conn)

    def groups_for_log(self, log_obj):
        if not log_obj.resource_id:
            # A log of every project: the shared group is in scope by design.
            shared = self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)
            return [{'name': shared.name, 'acls': list(shared.acls)}]
        pg = self.nb.lookup('Port_Group', utils.ovn_port_group_name(log_obj.resource_id))
        return [{'name': pg.name, 'acls': list(pg.acls)}]

    def all_but_drop(self):
        groups = self.nb.db_list_rows('Port_Group').execute(check_error=True)
        shared = self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)
        # Taken out of the list, not put into it.
        groups.remove(shared)
        return groups

    def separate_lists(self, sg_id):
        globals_ = [self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)]
        mine = [self.nb.lookup('Port_Group', utils.ovn_port_group_name(sg_id))]
        return globals_, mine


class NotOvsdb:
    def __init__(self):
        self.cache = {}

    def collect(self, sg_id):
        # Nothing says this is an OVSDB API: a cache of the file's own.
        names = [self.cache.lookup('Port_Group', 'neutron_pg_drop')]
        names.append(self.cache.lookup('Port_Group', sg_id))
        return names
