from neutron_lib.api.definitions import port_security as psec


def is_disabled(port):
    if port['port_security_enabled'] is False:
        return True
    if port.get(psec.PORTSECURITY, False) == False:  # noqa: E712
        return True
    return not port.get('port_security_enabled', True)


def ports_without_port_security(plugin, context):
    return plugin.get_ports(
        context, filters={'port_security_enabled': [False]})


def keep_port_security(plugin, context, network_id):
    return plugin.create_port(context, {'port': {
        'network_id': network_id,
        'port_security_enabled': True}})


def copy_from_request(port, nb_idl, txn, port_info):
    # The API value is the owner's choice, not a hard-coded one.
    columns = {'port_security_enabled': port[psec.PORTSECURITY],
               'port_security': port_info.port_security}
    txn.add(nb_idl.lsp_set_port_security(port['id'], port_info.port_security))
    return columns


def local_state(port):
    port_security = []
    if port.get(psec.PORTSECURITY):
        port_security = [port['mac_address']]
    return port_security


def with_default(port_security_enabled=False):
    return port_security_enabled


def set_addresses(nb_idl, port_id, txn):
    txn.add(nb_idl.lsp_set_addresses(port_id, []))
    txn.add(nb_idl.db_set('Logical_Switch_Port', port_id, ('addresses', [])))


def flag_is_other(port):
    port['security_groups_enabled'] = False


def attributes_from_options(parsed_args):
    # A client passing on the user's own flag.
    attrs = {}
    if parsed_args.no_port_security:
        attrs['port_security_enabled'] = False
    return attrs


def build_port(network_id, insecure=False):
    body = {'network_id': network_id}
    if insecure:
        body['port_security_enabled'] = False
    return body
