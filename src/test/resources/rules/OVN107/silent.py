from oslo_utils import strutils

from neutron.common.ovn import constants as ovn_const


def pick_stateful(dhcp_options_rows):
    for opts in dhcp_options_rows:
        stateless = opts['options'].get(ovn_const.DHCPV6_STATELESS_OPT, '')
        if not strutils.bool_from_string(stateless):
            return opts
    return None


def check_learn_fdb(port):
    learn = port.options.get(ovn_const.LSP_OPTIONS_LOCALNET_LEARN_FDB, '')
    return learn.lower() == 'true'


def port_type(row):
    # Not a boolean: a word OVN compares exactly.
    return row.options.get('network_name') == 'physnet1'


class Settings:
    def __init__(self, options):
        self.options = options

    def debug(self):
        return self.options.get('debug') == 'true'


def plain_dict(settings):
    return settings.get('enabled') == 'true'


def is_gateway_port(row):
    # external_ids is Neutron's own record, compared with what Neutron wrote.
    return row.external_ids.get('neutron:is_ext_gw') == 'True'
