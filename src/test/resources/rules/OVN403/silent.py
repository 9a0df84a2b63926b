from neutron.common.ovn import acl as ovn_acl
from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


def create_security_group(nb_idl, security_group):
    with nb_idl.transaction(check_error=True) as txn:
        name = utils.ovn_port_group_name(security_group['id'])
        txn.add(nb_idl.pg_add(name=name, acls=[],
                              external_ids={'neutron:security_group_id':
                                            security_group['id']}))


def create_pvlan_group(nb_idl, pg_name, txn):
    txn.add(nb_idl.pg_add(name=pg_name, acls=[]))
    txn.add(nb_idl.pg_add(name='pvlan_pg_drop', acls=[]))


def create_drop_with_acls(nb_idl, txn):
    pg_name = ovn_const.OVN_DROP_PORT_GROUP_NAME
    acls = ovn_acl.add_acls_for_drop_port_group(pg_name)
    txn.add(nb_idl.pg_add(name=pg_name, acls=acls))


def add_ports(nb_idl, port_id, txn):
    txn.add(nb_idl.pg_add_ports(ovn_const.OVN_DROP_PORT_GROUP_NAME, port_id))


def sync_port_groups(nb_idl, txn):
    # The ACLs are added in sync_acls() below, in the same module.
    txn.add(nb_idl.pg_add(name=ovn_const.OVN_DROP_PORT_GROUP_NAME, acls=[]))


def sync_acls(nb_idl, txn):
    for acl in ovn_acl.add_acls_for_drop_port_group(
            ovn_const.OVN_DROP_PORT_GROUP_NAME):
        txn.add(nb_idl.pg_acl_add(**acl, may_exist=True))
