import netaddr
from oslo_config import cfg

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


class LogicalPorts:

    def _create_lsp(self, txn, port):
        # MAC and IP addresses the API validated, joined with spaces.
        addresses = [port['mac_address']]
        for ip in port.get('fixed_ips', []):
            addresses.append(ip['ip_address'])
        txn.add(self._nb_idl.create_lswitch_port(
            lport_name=port['id'],
            lswitch_name=port['network_id'],
            addresses=[' '.join([port['mac_address']] +
                                [ip['ip_address'] for ip in port['fixed_ips']])],
            port_security=['%s %s' % (port['mac_address'],
                                      netaddr.IPAddress(port['fixed_ips'][0]['ip_address']))],
            external_ids={'neutron:port_name': port['name']}))

    def _chassis_options(self, port, host):
        options = {}
        bp_info = utils.validate_and_get_data_from_binding_profile(port)
        options[ovn_const.LSP_OPTIONS_REQUESTED_CHASSIS_KEY] = host
        options['mcast_flood'] = 'true'
        return options, bp_info

    def _description_kept(self, port):
        # external_ids other than the ones OVN parses are opaque strings.
        return {'external_ids': {'neutron:description': port['description']}}


def subnet_dhcp_options(subnet):
    servers = ', '.join(s for s in subnet['dns_nameservers'])
    return {'cidr': subnet['cidr'],
            'options': {'dns_server': '{%s}' % servers,
                        'router': subnet['gateway_ip'],
                        'domain_name': '"%s"' % cfg.CONF.dns_domain}}


def validated_hostname(port, subnet):
    name = validate_dns_name(port['dns_name'])
    return {'cidr': subnet['cidr'], 'options': {'hostname': '"%s"' % name}}


def escaped_bootfile(port):
    opts = {}
    for extra in port.get('extra_dhcp_opts', []):
        opts['bootfile_name'] = json_quote(extra['opt_value'])
    return opts


def uuid_options(port):
    return {'options': {'requested-chassis': port['id']}}


def validate_dns_name(name):
    return name


def json_quote(value):
    return '"%s"' % value.replace('\\', '\\\\').replace('"', '\\"')


def checked_dhcp_options(port, option_names):
    found = {}
    for extra in port.get('extra_dhcp_opts', []):
        value = validate_dhcp_value(extra['opt_value'])
        found[option_names[extra['opt_name']]] = value
    return found


def dhcp_option_names(port):
    # The option's name is looked up in a mapping; its value is not stored.
    return {extra['opt_name']: extra['ip_version'] for extra in port.get('extra_dhcp_opts', [])}


def validate_dhcp_value(value):
    return value
