def delete_port(nb_idl, port_id):
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except:  # expect: OVN601:5
        pass


def sync(nb_idl):
    for row in nb_idl.tables['Logical_Switch_Port'].rows.values():
        try:
            row.verify('external_ids')
        except ValueError:
            continue
        except:  # expect: OVN601:9
            raise
