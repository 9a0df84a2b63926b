from neutron_lib.api.definitions import address_group
from neutron_lib.api.definitions import address_scope
from neutron_lib.api.definitions import agent as agent_def
from neutron_lib.api.definitions import port_security as psec
from neutron_lib.api.definitions import security_groups_default_rules
from neutron_lib.api.definitions import stateful_security_group

FIXTURE_SUPPORTED_API_EXTENSIONS_L3 = [
    'router',
]
FIXTURE_SUPPORTED_API_EXTENSIONS = [
    address_group.ALIAS,  # nosec
    address_scope.ALIAS,
    agent_def.ALIAS,
    psec.ALIAS,  # security-review: ignore[OVN702]
    stateful_security_group.ALIAS,  # noqa: S101  # expect: OVN702:5
]
