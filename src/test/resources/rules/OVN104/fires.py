import ipaddress

import netaddr


def is_pool_member(fip, pool_members):
    for member in pool_members.split(','):
        if '%s:' % fip['fixed_ip_address'] in member:  # expect: OVN104:12
            return True
    return False


def in_address_string(port, lsp_addresses):
    joined = ' '.join(lsp_addresses)
    return port['fixed_ips'][0]['ip_address'] in joined  # expect: OVN104:12


def is_link_local(port):
    ip = port['fixed_ips'][0]['ip_address']
    return ip.startswith('fe80:')  # expect: OVN104:12


def same_network(subnet, prefix):
    return str(netaddr.IPNetwork(prefix)).endswith(subnet['cidr'])  # expect: OVN104:12


def is_gateway(subnet, port):
    for ip in port['fixed_ips']:
        if ip['ip_address'] == subnet['cidr']:  # expect: OVN104:12
            return True
    return False


def is_gateway_object(subnet, port):
    gateway = netaddr.IPAddress(subnet['gateway_ip'])
    return port['fixed_ips'][0]['ip_address'] != gateway  # expect: OVN104:12


def remote_prefix_match(rule, ip_version):
    return ' && %s.src == %s' % (ip_version, rule['remote_ip_prefix'])  # expect: OVN104:46


def parsed_prefix_match(rule):
    net = netaddr.IPNetwork(rule['remote_ip_prefix'])
    return f'outport == @pg && ip4.dst == {net}'  # expect: OVN104:44


def interface_match(address):
    iface = ipaddress.ip_interface(address)
    return 'ip6.src == %s' % iface  # expect: OVN104:30


def virtual_parents(self, virtual_ip, port, switch):
    return [lsp.name for lsp in switch.ports for entry in lsp.port_security
            if lsp.name != port['id'] and virtual_ip in entry]  # expect: OVN104:43


def first_address_has(lsp, wanted):
    return wanted in lsp.addresses[0]  # expect: OVN104:12
