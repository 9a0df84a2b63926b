# A template string (Python 3.14) is a Template, not a value in OVN syntax: nothing is formatted
# into the column here; whatever turns the Template into text sees each interpolated value apart.


def create_port(nb_idl, txn, port, label):
    txn.add(nb_idl.create_lswitch_port(
        lport_name=port['id'],
        lswitch_name=port['network_id'],
        addresses=[t"{port['mac_address']} {label}"]))


def virtual_parents(port):
    return {'options': {'virtual-parents': t"{port['name']}"}}
