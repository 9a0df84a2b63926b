from neutron_lib.api.definitions import port_security as psec
from neutron_lib import constants as const


def create_service_port(plugin, context, network_id):
    port = {'port': {'network_id': network_id,
                     'device_owner': const.DEVICE_OWNER_DISTRIBUTED,
                     'port_security_enabled': False}}  # expect: OVN402:47
    return plugin.create_port(context, port)


def create_vip_port(plugin, context, network_id):
    return plugin.create_port(context, {'port': {
        'network_id': network_id,
        psec.PORTSECURITY: False}})  # expect: OVN402:28


def update_port(plugin, context, port_id):
    plugin.update_port(context, port_id,
                       {'port': dict(port_security_enabled=False)})  # expect: OVN402:38


def disable_on_dict(port):
    port[psec.PORTSECURITY] = False  # expect: OVN402:5
    return port


def disable_on_object(port_obj):
    port_obj.security.port_security_enabled = False  # expect: OVN402:5


def clear_lsp_port_security(nb_idl, port_id, txn):
    txn.add(nb_idl.lsp_set_port_security(port_id, []))  # expect: OVN402:51


def add_lsp(nb_idl, ls_name, port_id, txn):
    txn.add(nb_idl.lsp_add(ls_name, port_id, addresses=['unknown'],
                           port_security=[],  # expect: OVN402:28
                           may_exist=True))


def set_columns(nb_idl, port_id, txn):
    columns = {'addresses': ['unknown'],
               'port_security': []}  # expect: OVN402:33
    txn.add(nb_idl.db_set('Logical_Switch_Port', port_id,
                          ('port_security', [])))  # expect: OVN402:27
    return columns


def unprotected(port):
    enabled = False
    return {'port_security_enabled': enabled}  # expect: OVN402:38


def service_port(plugin, context, ports, network_id):
    # The code decides, not the caller: no existing port means one without port security.
    if not [p for p in ports if p['network_id'] == network_id]:
        return plugin.create_port(context, {'port': {
            'network_id': network_id, 'port_security_enabled': False}})  # expect: OVN402:64
