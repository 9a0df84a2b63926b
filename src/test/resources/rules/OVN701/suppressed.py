from neutron_lib.plugins.ml2 import api

from neutron.common.ovn import utils as ovn_utils


class FixtureMechanismDriver(api.MechanismDriver):

    def create_port_precommit(self, context):  # security-review: ignore[OVN701]
        port = context.current
        self._validate_port_extra_dhcp_opts(port)
        self._remember(context)

    def update_port_precommit(self, context):  # noqa: OVN701
        port = context.current
        self._validate_port_extra_dhcp_opts(port)

    def bind_port(self, context):  # nosec
        self._bind(context)

    def update_port_binding(self, context, binding):  # nosec B110  # expect: OVN701:9
        self._store(binding)

    def create_port_postcommit(self, context):
        self._validate_dns(context.current)
        self._client.create_port(context._plugin_context, context.current)

    def delete_port_precommit(self, context):
        self._validate_port_delete(context.current)


class OtherDriver(api.MechanismDriver):

    def update_port_precommit(self, context):
        self._validate_segments(context.current)
