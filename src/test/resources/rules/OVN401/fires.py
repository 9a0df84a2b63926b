from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils

SERVICE_PRIORITY = 1011


def allow_all_for_trusted_pg(nb_idl, pg_name, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='to-lport', priority=SERVICE_PRIORITY,
        action=ovn_const.ACL_ACTION_ALLOW_STATELESS,
        match='outport == @%s' % pg_name,  # expect: OVN401:15
        may_exist=True))


def allow_egress_positional(nb_idl, pg_name):
    nb_idl.pg_acl_add(
        pg_name, 'from-lport', 1002,
        f'inport == @{pg_name} && ip4',  # expect: OVN401:9
        ovn_const.ACL_ACTION_ALLOW_RELATED).execute(check_error=True)


def allow_everything_on_switch(nb_idl, network_id):
    nb_idl.acl_add(utils.ovn_name(network_id), 'to-lport', 1002,
                   'ip', 'allow-related').execute(check_error=True)  # expect: OVN401:20


def per_port_allow_acl(port):
    return {"lswitch": utils.ovn_name(port['network_id']),
            "lport": port['id'],
            "priority": ovn_const.ACL_PRIORITY_ALLOW,
            "action": ovn_const.ACL_ACTION_ALLOW,
            "direction": 'to-lport',
            "match": 'outport == "{}"'.format(port['id']),  # expect: OVN401:22
            "external_ids": {'neutron:lport': port['id']}}


def allow_any(pg_name, stateful):
    action = ('allow-related' if stateful else 'allow-stateless')
    match = '1'
    return {"port_group": pg_name, "priority": 1002, "action": action,
            "direction": 'from-lport', "match": match}  # expect: OVN401:49


def promiscuous_acls(nb_idl, pg_name, other_pg, txn):
    for direction, match in [
        ("to-lport", "outport == @%s" % pg_name),  # expect: OVN401:22
        ("from-lport", "inport == @%s && (ip4.src == $%s_ip4)" % (
            pg_name, other_pg)),
    ]:
        txn.add(nb_idl.pg_acl_add(
            port_group=pg_name, priority=SERVICE_PRIORITY,
            action=ovn_const.ACL_ACTION_ALLOW_STATELESS,
            direction=direction, match=match, may_exist=True))


def allow_ipv6(nb_idl, pg_name, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='from-lport', priority=1002,
        action='allow', match='( ip6 )', may_exist=True))  # expect: OVN401:31
