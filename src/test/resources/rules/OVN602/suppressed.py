def delete(nb_idl, port_id):
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except Exception:  # nosec
        pass
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except Exception:  # noqa: S110
        pass
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except Exception:  # nosec B110
        pass
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except Exception:  # security-review: ignore[OVN602]
        pass
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except Exception:  # noqa: E722  # expect: OVN602:5
        pass
