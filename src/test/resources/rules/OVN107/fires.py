from neutron.common.ovn import constants as ovn_const


def pick_stateful(dhcp_options_rows):
    for opts in dhcp_options_rows:
        if opts['options'].get(ovn_const.DHCPV6_STATELESS_OPT) != 'true':  # expect: OVN107:12
            return opts
    return None


def check_learn_fdb(nb_idl, port, enabled):
    learn = port.options.get(ovn_const.LSP_OPTIONS_LOCALNET_LEARN_FDB)
    if enabled and learn == 'false':  # expect: OVN107:20
        nb_idl.db_set('Logical_Switch_Port', port.name, ('options', {'localnet_learn_fdb': 'true'}))


def check_broadcast(switch, enabled):
    current = switch.other_config.get(ovn_const.LS_OPTIONS_BROADCAST_ARPS_ROUTERS)
    expected = 'true' if enabled else 'false'
    return current == expected  # expect: OVN107:12


def mcast_flood(row):
    return 'True' == row.options['mcast_flood']  # expect: OVN107:12
