# changed-paths: neutron/common/ovn/extensions.py, neutron/common/ovn/acl.py
from neutron_lib.api.definitions import address_scope
from neutron_lib.api.definitions import stateful_security_group

# The same change builds the ACLs for the new extension.
FIXTURE_SUPPORTED_API_EXTENSIONS = [
    address_scope.ALIAS,
    stateful_security_group.ALIAS,
    'port-security',
]
