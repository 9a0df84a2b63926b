# A template string (Python 3.14) is a Template, not match text: nothing is formatted into a
# match here; whatever turns the Template into text sees each interpolated value apart.


def acl_for_port(port):
    return {
        'direction': 'from-lport',
        'match': t'inport == "{port["name"]}" && ip4',
    }


def add_qos(nb_idl, txn, port):
    txn.add(nb_idl.qos_add(switch=port['network_id'], direction='from-lport',
                           priority=2002, match=t'inport == "{port["id"]}"'))
