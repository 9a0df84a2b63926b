from neutron_lib.plugins.ml2 import api

from neutron.common.ovn import utils as ovn_utils


class FixtureMechanismDriver(api.MechanismDriver):

    def create_port_precommit(self, context):
        port = context.current
        ovn_utils.validate_and_get_data_from_binding_profile(port)
        self._validate_port_extra_dhcp_opts(port)
        self._remember(context)

    def update_port_precommit(self, context):
        port = context.current
        self._validate_ignored_port(port, context.original)
        self._validate_port_extra_dhcp_opts(port)

    def bind_port(self, context):
        self._validate_vnic_type(context.current.get('binding:vnic_type'))
        self._bind(context)

    def update_port_binding(self, context, binding):
        self._validate_compute_port(context.current)
        self._store(binding)

    def create_port_postcommit(self, context):
        self._validate_dns(context.current)
        self._client.create_port(context._plugin_context, context.current)

    def delete_port_precommit(self, context):
        self._validate_port_delete(context.current)


class OtherDriver(api.MechanismDriver):

    def update_port_precommit(self, context):
        self._validate_segments(context.current)
