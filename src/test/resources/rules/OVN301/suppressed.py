def delete_port_groups(nb_idl, names):
    with nb_idl.transaction(check_error=False) as txn:  # nosec
        for name in names:
            txn.add(nb_idl.pg_del(name, if_exists=True))
    with nb_idl.transaction(check_error=False) as txn:  # security-review: ignore[OVN301]
        for name in names:
            txn.add(nb_idl.pg_del(name, if_exists=True))
    with nb_idl.transaction() as txn:  # noqa: OVN301
        for name in names:
            txn.add(nb_idl.pg_del(name, if_exists=True))
    with nb_idl.transaction(check_error=False) as txn:  # noqa: OVN303  # expect: OVN301:10
        for name in names:
            txn.add(nb_idl.pg_del(name, if_exists=True))
