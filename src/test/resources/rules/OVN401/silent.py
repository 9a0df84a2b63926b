from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


def drop_acls(pg_name):
    acls = []
    for direction, p in (('from-lport', 'inport'), ('to-lport', 'outport')):
        acls.append({"port_group": pg_name,
                     "priority": ovn_const.ACL_PRIORITY_DROP,
                     "action": ovn_const.ACL_ACTION_DROP,
                     "direction": direction,
                     "match": f'{p} == @{pg_name} && ip'})
    return acls


def reject_all(nb_idl, pg_name):
    nb_idl.pg_acl_add(pg_name, 'to-lport', 1002, 'outport == @%s' % pg_name,
                      ovn_const.ACL_ACTION_REJECT).execute(check_error=True)


def sg_rule_acl(port_group, rule, stateful, match):
    if stateful:
        action = ovn_const.ACL_ACTION_ALLOW_RELATED
    else:
        action = ovn_const.ACL_ACTION_ALLOW_STATELESS
    return {"port_group": port_group,
            "priority": ovn_const.ACL_PRIORITY_ALLOW,
            "action": action,
            "direction": 'to-lport',
            "match": match}


def sg_rule_match(pg_name, rule):
    match = 'outport == @%s' % pg_name
    match += ' && ip4'
    match += ' && tcp.dst == %d' % rule['port_range_min']
    return {"action": ovn_const.ACL_ACTION_ALLOW_RELATED, "match": match}


def dhcp_request_acl(port, subnet):
    return {"lswitch": utils.ovn_name(port['network_id']),
            "lport": port['id'],
            "priority": ovn_const.ACL_PRIORITY_ALLOW,
            "action": ovn_const.ACL_ACTION_ALLOW,
            "direction": 'from-lport',
            "match": ('inport == "%s" && ip4 && '
                      'ip4.dst == {255.255.255.255, %s} && '
                      'udp && udp.src == 68 && udp.dst == 67'
                      ) % (port['id'], subnet['cidr'])}


def community_acl(nb_idl, pg_name, src_pg, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, priority=1012,
        action=ovn_const.ACL_ACTION_ALLOW_STATELESS, direction="to-lport",
        match=("outport == @%(dst)s && (inport == @%(src)s || "
               "ip4.src == $%(src)s_ip4)" % {"dst": pg_name, "src": src_pg}),
        may_exist=True))


def delete_acl(nb_idl, pg_name, txn):
    # Deleting an ACL names its match but allows nothing.
    txn.add(nb_idl.pg_acl_del(pg_name, direction="from-lport",
                              priority=1011, match="inport == @%s" % pg_name))


def two_placeholders(nb_idl, pg_name, extra, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='to-lport', priority=1002,
        action='allow-related', match='outport == @%s%s' % (pg_name, extra)))


def action_unknown(nb_idl, pg_name, action, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='to-lport', priority=1002,
        action=action, match='outport == @%s' % pg_name))


def qos_rule(nb_idl, ls_name):
    # QoS rows have an action dict, not an ACL action.
    return nb_idl.qos_add(ls_name, 'from-lport', 2002, 'inport == "p1"',
                          action={'dscp': 10})


def flow(br):
    br.install_flow(table_id=0, priority=10, match='ip', actions='normal')


def port_group_only_match_is_a_string():
    return {"match": "inport == @pg", "description": "allow"}
