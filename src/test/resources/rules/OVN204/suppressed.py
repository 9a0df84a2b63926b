import tenacity


@tenacity.retry  # nosec
def one(nb_idl):
    return nb_idl


@tenacity.retry(reraise=True)  # noqa: OVN204
def two(nb_idl):
    return nb_idl


@tenacity.retry(wait=tenacity.wait_fixed(1))  # security-review: ignore[OVN204]
def three(nb_idl):
    return nb_idl


@tenacity.retry(wait=tenacity.wait_fixed(1))  # nosec B113  # expect: OVN204:2
def four(nb_idl):
    return nb_idl
