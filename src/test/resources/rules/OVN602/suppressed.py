def close(nb_idl):
    try:
        nb_idl.close()
    except Exception:  # nosec
        pass
    try:
        nb_idl.close()
    except Exception:  # noqa: S110
        pass
    try:
        nb_idl.close()
    except Exception:  # nosec B110
        pass
    try:
        nb_idl.close()
    except Exception:  # security-review: ignore[OVN602]
        pass
    try:
        nb_idl.close()
    except Exception:  # noqa: E722  # expect: OVN602:5
        pass
