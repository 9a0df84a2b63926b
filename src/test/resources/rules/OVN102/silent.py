import netaddr
import re

from neutron_lib import constants as const

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils

NAME_RE = re.compile(r'^[a-z0-9-]+$')


def acl_direction(r, port=None, port_group=None):
    if r['direction'] == const.INGRESS_DIRECTION:
        portdir = 'outport'
    else:
        portdir = 'inport'
    if port:
        return '{} == "{}"'.format(portdir, port['id'])
    return f'{portdir} == @{port_group}'


def acl_protocol_and_ports(r, icmp):
    match = ''
    protocol = r.get('protocol')
    min_port = r.get('port_range_min')
    if protocol:
        match += ' && %s' % protocol
        match += ' && %s.dst == %d' % (protocol, min_port)
    return match


def acl_remote_ip_prefix(r, ip_version):
    cidr = netaddr.IPNetwork(r['remote_ip_prefix'])
    return {'match': ' && {}.src == {}'.format(ip_version, cidr)}


def drop_all_ip_traffic_for_port(port):
    lswitch = utils.ovn_name(port['network_id'])
    return {'lswitch': lswitch,
            'match': '{} == "{}" && ip'.format('inport', port['id']),
            'external_ids': {'neutron:port_name': port['name']}}


def named_acl(port):
    # The name goes into external_ids (an OVSDB string, safe), the match uses the id.
    name = port['name']
    match = 'inport == "%s"' % port['id']
    return {'match': match, 'name': name, 'external_ids': {'name': name}}


def normalised(port):
    name = utils.ovn_name(port['name'])
    match = 'inport == "%s"' % name
    return match


def validated(port):
    owner = port['device_owner']
    validate_device_owner(owner)
    return {'match': 'inport == "%s" && %s' % (port['id'], owner)}


def regex_checked(port):
    name = port['name']
    if not NAME_RE.match(name):
        raise ValueError(name)
    return {'match': 'inport == "%s"' % name}


def allow_listed(port):
    owner = port['device_owner']
    if owner not in (const.DEVICE_OWNER_DHCP, const.DEVICE_OWNER_DISTRIBUTED):
        return None
    return {'match': 'inport == "%s" && %s' % (port['id'], owner)}


def reassigned(port):
    name = port['name']
    name = port['id']
    match = 'inport == "%s"' % name
    return match


def log_message(port):
    # Not a match: a message that mentions the name.
    msg = 'Port %s has no match' % port['name']
    return msg


def compared_match(port, wanted):
    name_match = port['name'] == wanted
    return name_match


def escaped(port):
    match = 'inport == %s' % json_quote(port['name'])
    return match


def from_parameters(port_id, ip_address):
    # Parameters are not known to be tenant strings.
    match = f'inport == "{port_id}" && ip4.src == {ip_address}'
    return match


def self_description(self):
    match = 'inport == "%s"' % self.description
    return match


def json_quote(value):
    return '"%s"' % value.replace('"', '\\"')


def _parsed_address(value):
    return netaddr.IPAddress(value)


def _checked_label(value):
    validate_trunk_label(value)
    return value.strip()


class TrunkAcls:

    def _subport_acl(self, txn, context):
        requested = context.current['binding:profile'].get('ip_address')
        address = requested
        parsed = _parsed_address(address)
        txn.add(self._nb_idl.pg_acl_add(
            port_group='pg_trunk', match='ip4.src == %s' % parsed))

    def _subport_label_acl(self, txn, context):
        requested = context.current['binding:profile'].get('trunk_label')
        label = requested
        checked = _checked_label(label)
        txn.add(self._nb_idl.pg_acl_add(
            port_group='pg_trunk', match='inport == "%s"' % checked))

    def _named_acl(self, port):
        raw = port['name']
        shown = netaddr.IPAddress(raw)
        return {'match': 'ip4.src == %s' % shown}
