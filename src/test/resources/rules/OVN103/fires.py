from neutron_lib.api.definitions import portbindings

from neutron.common.ovn import constants as ovn_const


class LogicalPorts:

    def _create_lsp(self, txn, port):
        label = port['name']
        txn.add(self._nb_idl.create_lswitch_port(
            lport_name=port['id'],
            lswitch_name=port['network_id'],
            addresses=['%s %s' % (port['mac_address'], label)],  # expect: OVN103:24
            port_security=[]))

    def _set_security(self, port):
        entry = ' '.join([port['mac_address'], port['description']])
        self._nb_idl.db_set(
            'Logical_Switch_Port', port['id'],
            ('port_security', entry)).execute(check_error=True)  # expect: OVN103:31

    def _chassis_options(self, port, host):
        options = {}
        wanted = port.get(portbindings.PROFILE, {}).get('target_host')
        options[ovn_const.LSP_OPTIONS_REQUESTED_CHASSIS_KEY] = '%s,%s' % (host, wanted)  # expect: OVN103:64
        return options

    def _virtual_parents(self, parents, port):
        return {'options': {'virtual-parents': ','.join(parents + [port['name']])}}  # expect: OVN103:48


def port_dhcp_options(port, subnet):
    opts = {}
    for extra in port.get('extra_dhcp_opts', []):
        if extra['opt_name'] == 'bootfile-name':
            # Quoted, but a quote inside the value still ends the string.
            opts['bootfile_name'] = '"%s"' % extra['opt_value']  # expect: OVN103:37
    return {'cidr': subnet['cidr'], 'options': opts}


def host_dhcp_options(port, subnet):
    return {'cidr': subnet['cidr'],
            'options': {'hostname': port['dns_name'],  # expect: OVN103:37
                        'router': subnet['gateway_ip']}}


def load_balancer_vips(lb_row, member):
    backend = lb_row.external_ids.get('neutron:member_backend')
    return {'vips': {'%s:80' % member['ip_address']: backend}}  # expect: OVN103:54


def lsp_dhcp_options(port, ip_version, option_names):
    found = {}
    for extra in port.get('extra_dhcp_opts', []):
        if extra['ip_version'] == ip_version:
            found[option_names[extra['opt_name']]] = extra['opt_value']  # expect: OVN103:54
    return found


def wrapped_routes(port):
    routes = {}
    for extra in port.get('extra_dhcp_opts', []):
        routes[extra['opt_name']] = '{%s}' % extra['opt_value']  # expect: OVN103:37
    return routes


def migrating_chassis(port, host):
    target = port.get(
        portbindings.PROFILE, {}).get('migrating_to')
    return {'requested-chassis': host + ',' + target}  # expect: OVN103:34
