from neutron.common.ovn import constants as ovn_const


def allow_all(nb_idl, pg_name, txn):
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='to-lport', priority=1002,
        action=ovn_const.ACL_ACTION_ALLOW_RELATED,
        match='outport == @%s' % pg_name,  # nosec
        may_exist=True))
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='from-lport', priority=1002,
        action=ovn_const.ACL_ACTION_ALLOW_RELATED,
        match='inport == @%s' % pg_name,  # noqa: OVN401
        may_exist=True))
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='from-lport', priority=1002,
        action=ovn_const.ACL_ACTION_ALLOW_RELATED,
        match='ip4',  # security-review: ignore[OVN401]
        may_exist=True))
    txn.add(nb_idl.pg_acl_add(
        port_group=pg_name, direction='from-lport', priority=1002,
        action=ovn_const.ACL_ACTION_ALLOW_RELATED,
        match='ip6',  # security-review: ignore[OVN402]  # expect: OVN401:15
        may_exist=True))
