from neutron_lib.api.definitions import address_scope

FIXTURE_SUPPORTED_API_EXTENSIONS = [
    address_scope.ALIAS,
]
