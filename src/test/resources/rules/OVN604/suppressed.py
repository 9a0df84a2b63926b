def close(nb_idl):
    try:
        nb_idl.close()
    finally:
        return True  # nosec
    try:
        nb_idl.close()
    finally:
        return True  # noqa: B012
    try:
        nb_idl.close()
    finally:
        return True  # security-review: ignore[OVN604]
    try:
        nb_idl.close()
    finally:
        return True  # noqa: B110  # expect: OVN604:9
