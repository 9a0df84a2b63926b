def acl_a(port):
    match = 'inport == "%s"' % port['name']  # nosec
    return match


def acl_b(port):
    match = 'inport == "%s"' % port['description']  # noqa: OVN102
    return match


def acl_c(port):
    return {'match': 'inport == "%s"' % port['name']}  # security-review: ignore[OVN102]


def acl_d(port):
    return {'match': 'inport == "%s"' % port['name']}  # noqa: OVN101  # expect: OVN102:22
