from neutron_lib.api.definitions import address_group
from neutron_lib.api.definitions import address_scope
from neutron_lib.api.definitions import agent as agent_def
from neutron_lib.api.definitions import allowedaddresspairs
from neutron_lib.api.definitions import port_security
from neutron_lib.api.definitions import rbac_security_groups
from neutron_lib.api.definitions import security_groups_shared_filtering

FIXTURE_SUPPORTED_API_EXTENSIONS_L3 = [
    'router',
]
# Reordered, moved between lists, strings turned into the aliases they name, an import alias
# renamed, and security group extensions that only change the API.
FIXTURE_SUPPORTED_API_EXTENSIONS = (
    agent_def.ALIAS,
    allowedaddresspairs.ALIAS,
    address_scope.ALIAS,
    'security_group',
    port_security.ALIAS,
    rbac_security_groups.ALIAS,
    security_groups_shared_filtering.ALIAS,
)
# Not a supported-extension list.
FIXTURE_DISABLED_API_EXTENSIONS = [
    address_group.ALIAS,
]


def supported_extensions():
    # Not at module level.
    FIXTURE_SUPPORTED_API_EXTENSIONS_LOCAL = ['address-group']
    return FIXTURE_SUPPORTED_API_EXTENSIONS_LOCAL
