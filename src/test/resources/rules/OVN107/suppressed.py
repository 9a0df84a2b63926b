def written_by_us(port):
    return port.options.get('neutron:written') == 'true'  # noqa: OVN107


def still_flagged(port):
    return port.options.get('mcast_flood') == 'true'  # noqa: OVN106  # expect: OVN107:12
