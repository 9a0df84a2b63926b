import ipaddress

import netaddr


def is_pool_member(fip, pool_members):
    wanted = netaddr.IPAddress(fip['fixed_ip_address'])
    for member in pool_members.split(','):
        if netaddr.IPAddress(member.rsplit(':', 1)[0]) == wanted:
            return True
    return False


def in_address_list(port, ips):
    # Membership of whole entries in a list, not a substring test.
    return port['fixed_ips'][0]['ip_address'] in ips


def in_parsed_network(port, subnet):
    ip = netaddr.IPAddress(port['fixed_ips'][0]['ip_address'])
    return ip in netaddr.IPNetwork(subnet['cidr'])


def same_address(port, fip):
    return port['fixed_ips'][0]['ip_address'] == fip['fixed_ip_address']


def key_test(fixed_ip):
    return 'ip_address' in fixed_ip


def mac_prefix(port):
    # MAC addresses have one spelling once lowered; not an IP comparison.
    return port['mac_address'].lower().startswith('00:00:5e:00:01')


def unknown_strings(host, name):
    return host.startswith(name) or host in name


def normalised_match(rule, ip_version):
    return ' && %s.src == %s' % (ip_version, rule['normalized_cidr'])


def cidr_match(rule):
    net = netaddr.IPNetwork(rule['remote_ip_prefix']).cidr
    return f'outport == @pg && ip4.dst == {net}'


def strict_match(rule):
    net = ipaddress.ip_network(rule['remote_ip_prefix'], strict=False)
    return 'ip4.dst == %s' % net


def subnet_match(subnet):
    return 'ip4.src == %s && ip4.dst == %s' % (subnet['cidr'], subnet['gateway_ip'])


def log_line(rule):
    # Not a match: a message.
    return 'Rule %s uses prefix %s' % (rule['id'], rule['remote_ip_prefix'])


def has_unknown(lsp):
    # Membership of a whole entry in the column's list.
    return 'unknown' in lsp.addresses or 'router' in lsp.addresses[0]


def parsed_entries(lsp, wanted):
    ips = [netaddr.IPAddress(x) for entry in lsp.port_security for x in entry.split()[1:]]
    return netaddr.IPAddress(wanted) in ips


def same_interface_network(subnet, address):
    iface = ipaddress.ip_interface(address)
    # An interface's network is a prefix: prefix against prefix, both as text.
    return str(subnet['cidr']) == str(iface.network)
