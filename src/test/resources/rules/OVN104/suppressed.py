def link_local_a(port):
    return port['fixed_ips'][0]['ip_address'].startswith('fe80:')  # nosec


def link_local_b(port):
    return port['fixed_ips'][0]['ip_address'].startswith('fe80:')  # noqa: OVN104


def link_local_c(port):
    return port['fixed_ips'][0]['ip_address'].startswith('fe80:')  # noqa: OVN103  # expect: OVN104:12
