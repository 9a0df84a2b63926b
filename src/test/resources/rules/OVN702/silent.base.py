from neutron_lib.api.definitions import address_scope
from neutron_lib.api.definitions import agent as agent_def
from neutron_lib.api.definitions import port_security as psec

FIXTURE_SUPPORTED_API_EXTENSIONS_L3 = [
    'router',
    'allowed-address-pairs',
]
FIXTURE_SUPPORTED_API_EXTENSIONS = [
    address_scope.ALIAS,
    agent_def.ALIAS,
    psec.ALIAS,
    'security-group',
]
