from neutron_lib.plugins.ml2 import api

from neutron.common.ovn import utils as ovn_utils


class FixtureMechanismDriver(api.MechanismDriver):

    def update_port_precommit(self, context):
        port = context.current
        # The checks are reordered and reformatted, and one helper moved to utils.
        ovn_utils.validate_port_extra_dhcp_opts(
            port)
        self._validate_ignored_port(
            port,
            context.original,
        )

    def create_port_precommit(self, context):
        port = context.current

        def checks():
            ovn_utils.validate_and_get_data_from_binding_profile(port)
            self._validate_port_extra_dhcp_opts(port)

        checks()
        self._remember(context)

    def bind_port(self, context):
        vnic_type = context.current.get('binding:vnic_type')
        self._bind(context) if self._validate_vnic_type(vnic_type) else None

    def update_port_binding(self, context, binding):
        # The helper was renamed.
        self._validate_port_supports_multiple_bindings(context.current)
        self._store(binding)

    def create_port_postcommit(self, context):
        # Not a precommit hook nor a binding path.
        self._client.create_port(context._plugin_context, context.current)

    def delete_port_precommit_v2(self, context):
        # A method of another name: nothing to compare it with.
        self._client.delete_port(context.current)


class OtherDriver(api.MechanismDriver):

    def update_port_precommit(self, context):
        self._validate_segments(context.current)


class ThirdDriver(api.MechanismDriver):

    def update_port_precommit(self, context):
        # A class of another name that never validated.
        self._client.update_port(context.current)
