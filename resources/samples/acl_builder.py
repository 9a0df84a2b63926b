# Copyright 2026 The security-review authors.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

"""Builds OVN ACL rows from Neutron security group rules.

Sample input for ``./run scan-demo``, in the style of an ML2/OVN helper module.
"""

from __future__ import annotations

import dataclasses
import functools

import netaddr

ACL_PRIORITY_ALLOW = 1002
ACL_PRIORITY_DROP = 1001
PORT_GROUP_DROP = 'neutron_pg_drop'

_PROTOCOLS = {'tcp': 6, 'udp': 17, 'icmp': 1, 'sctp': 132}


@dataclasses.dataclass(frozen=True)
class PortOptions:
    addresses: list[str]
    port_security: list[str]
    type: str = ''


def pg_name(security_group_id: str) -> str:
    """OVN port group names allow no '-': 'pg_' plus the id with '_'."""
    return 'pg_' + security_group_id.replace('-', '_')


@functools.lru_cache(maxsize=128)
def _ip_version_prefix(cidr: str) -> tuple[str, str]:
    net = netaddr.IPNetwork(cidr)
    return ('ip4', str(net.cidr)) if net.version == 4 else ('ip6', str(net.cidr))


def match_for_rule(rule: dict, port_group: str) -> str:
    """Returns the OVN match expression of one security group rule."""
    direction = 'outport' if rule['direction'] == 'ingress' else 'inport'
    parts = [f'{direction} == @{port_group}']
    ethertype = 'ip4' if rule.get('ethertype', 'IPv4') == 'IPv4' else 'ip6'
    parts.append(ethertype)

    if (cidr := rule.get('remote_ip_prefix')) is not None:
        version, normalised = _ip_version_prefix(cidr)
        side = 'src' if rule['direction'] == 'ingress' else 'dst'
        parts.append(f'{version}.{side} == {normalised}')

    match rule.get('protocol'):
        case None | 'any':
            pass
        case 'icmp' | 'ipv6-icmp' as proto:
            parts.append('icmp4' if ethertype == 'ip4' else 'icmp6')
            if (icmp_type := rule.get('port_range_min')) is not None:
                parts.append('%s.type == %d' % (parts[-1], int(icmp_type)))
        case str(proto) if proto in _PROTOCOLS:
            lo, hi = rule.get('port_range_min'), rule.get('port_range_max')
            if lo is not None and lo == hi:
                parts.append(f'{proto}.dst == {int(lo)}')
            elif lo is not None:
                parts.append(f'{proto}.dst >= {int(lo)} && '
                             f'{proto}.dst <= {int(hi)}')
            else:
                parts.append(proto)
        case other:
            parts.append('ip.proto == %d' % int(other))
    return ' && '.join(parts)


def acls_for_port(port: dict, *, log_enabled: bool = False):
    """Yields the keyword arguments of pg_acl_add() for a port's groups."""
    for sg_id in port.get('security_groups', []):
        for rule in port.get('security_group_rules', {}).get(sg_id, ()):
            yield {
                'port_group': pg_name(sg_id),
                'direction': ('to-lport' if rule['direction'] == 'ingress'
                              else 'from-lport'),
                'priority': ACL_PRIORITY_ALLOW,
                'match': match_for_rule(rule, pg_name(sg_id)),
                'action': 'allow-related',
                'log': log_enabled,
                'name': rule['id'],
            }
