def create_service_port(plugin, context, network_id):
    return plugin.create_port(context, {'port': {
        'network_id': network_id,
        'port_security_enabled': False}})  # nosec


def clear_lsp_port_security(nb_idl, port_id, txn):
    txn.add(nb_idl.lsp_set_port_security(port_id, []))  # noqa: OVN402
    txn.add(nb_idl.lsp_set_port_security(port_id, []))  # security-review: ignore[OVN402]
    txn.add(nb_idl.lsp_set_port_security(port_id, []))  # noqa: OVN401  # expect: OVN402:51
