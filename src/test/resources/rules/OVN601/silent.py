def delete_port(nb_idl, port_id):
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except (KeyError, ValueError):
        pass
    except Exception:
        raise


def except_is_only_a_word():
    excepted = "except:"
    return excepted
