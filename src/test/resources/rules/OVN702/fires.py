# changed-paths: neutron/common/ovn/extensions.py, neutron/tests/unit/common/ovn/test_acl.py
from neutron_lib.api.definitions import address_group
from neutron_lib.api.definitions import address_scope
from neutron_lib.api.definitions import agent as agent_def
from neutron_lib.api.definitions import port_security as psec
from neutron_lib.api.definitions import security_groups_default_rules
from neutron_lib.api.definitions import stateful_security_group

SG_LOGGING = 'security-group-logging'
FIXTURE_SUPPORTED_API_EXTENSIONS_L3 = [
    'router',
    'allowed-address-pairs',  # expect: OVN702:5
]
FIXTURE_SUPPORTED_API_EXTENSIONS = [
    address_group.ALIAS,  # expect: OVN702:5
    address_scope.ALIAS,
    agent_def.ALIAS,
    psec.ALIAS,  # expect: OVN702:5
    # The default rules only change the API and the DB, not the ACLs.
    security_groups_default_rules.ALIAS,
]
fixture_supported_extensions_extra = (
    'security-group',  # expect: OVN702:5
    SG_LOGGING,  # expect: OVN702:5
)
FIXTURE_SUPPORTED_API_EXTENSIONS += [stateful_security_group.ALIAS]  # expect: OVN702:38
