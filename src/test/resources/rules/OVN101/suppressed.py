from neutron_lib.api.definitions import portbindings


def parent_lsp(nb_idl, port):
    parent = port[portbindings.PROFILE]['parent_name']  # nosec
    return nb_idl.lookup('Logical_Switch_Port', parent)


def vf_num(port):
    profile = port.get(portbindings.PROFILE, {})
    return {'vf_num': profile['vf_num']}  # noqa: OVN101


def pci_slot(agent, port):
    agent.bind_vf(port['binding:profile']['pci_slot'])  # security-review: ignore[OVN101]


def physnet(agent, port):
    agent.bind_vf(port['binding:profile']['physical_network'])  # noqa: OVN102  # expect: OVN101:19
