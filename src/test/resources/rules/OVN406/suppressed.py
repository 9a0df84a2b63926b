from neutron.common.ovn import constants as ovn_const
from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


def groups(conn, name):
    nb = impl_idl_ovn.OvsdbNbOvnIdl(conn)
    a = [nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)]  # noqa: OVN406
    a.append(nb.lookup('Port_Group', name))
    b = [nb.lookup('Port_Group', ovn_const.OVN_DROP_PORT_GROUP_NAME)]  # security-review: ignore[OVN403]  # expect: OVN406:10
    b.append(nb.lookup('Port_Group', name))
    return a, b
