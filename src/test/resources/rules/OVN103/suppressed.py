def host_a(port, subnet):
    return {'options': {'hostname': port['dns_name']}}  # nosec


def host_b(port, subnet):
    return {'options': {'hostname': port['dns_name']}}  # noqa: OVN103


def host_c(port, subnet):
    return {'options': {'hostname': port['dns_name']}}  # noqa: OVN102  # expect: OVN103:37
