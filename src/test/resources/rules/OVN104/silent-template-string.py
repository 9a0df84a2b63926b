# A template string (Python 3.14) is a Template, not text formatted from an address: `in` against
# a string refuses it with a TypeError, so no substring test happens.


def is_pool_member(fip, pool_members):
    for member in pool_members.split(','):
        if t"{fip['fixed_ip_address']}:" in member:
            return True
    return False
