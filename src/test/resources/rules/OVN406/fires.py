from ovsdbapp.backend.ovs_idl import idlutils

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils
from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class NetworkLogDriver:
    def __init__(self, conn):
        self.nb = impl_idl_ovn.OvsdbNbOvnIdl(conn)

    def groups_for_log(self, log_obj):
        groups = []
        if log_obj.event in ('DROP', 'ALL'):
            shared = self.nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)
            groups.append({'name': shared.name, 'acls': list(shared.acls)})  # expect: OVN406:27
        if log_obj.resource_id:
            pg = self.nb.lookup(
                'Port_Group', utils.ovn_port_group_name(log_obj.resource_id))
            groups.append({'name': pg.name, 'acls': list(pg.acls)})
        return groups

    def groups_for_port(self, sg_ids):
        found = [self.nb.pg_get('neutron_pg_drop').execute(check_error=True)]  # expect: OVN406:18
        for sg_id in sg_ids:
            found += [self.nb.pg_get(utils.ovn_port_group_name(sg_id)).execute(
                check_error=True)]
        return found

    def rows_for_log(self, sg_id):
        rows = []
        rows.insert(0, idlutils.row_by_value(  # expect: OVN406:24
            self.nb.idl, 'Port_Group', 'name', ovn_const.OVN_DROP_PORT_GROUP_NAME))
        rows.extend([idlutils.row_by_value(
            self.nb.idl, 'Port_Group', 'name', utils.ovn_port_group_name(sg_id))])
        return rows
