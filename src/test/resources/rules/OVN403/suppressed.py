from neutron.common.ovn import constants as ovn_const


def recreate(nb_idl, txn):
    txn.add(nb_idl.pg_add(name=ovn_const.OVN_DROP_PORT_GROUP_NAME))  # nosec
    txn.add(nb_idl.pg_add(name=ovn_const.OVN_DROP_PORT_GROUP_NAME))  # noqa: OVN403
    txn.add(nb_idl.pg_add(  # security-review: ignore[OVN403]
        name=ovn_const.OVN_DROP_PORT_GROUP_NAME))
    txn.add(nb_idl.pg_add(name=ovn_const.OVN_DROP_PORT_GROUP_NAME))  # nosec B104  # expect: OVN403:13
