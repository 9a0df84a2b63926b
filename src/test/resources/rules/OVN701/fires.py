from neutron_lib.plugins.ml2 import api

from neutron.common.ovn import utils as ovn_utils


def validate_levels(levels):
    if not levels:
        raise ValueError('no binding levels')


class FixtureMechanismDriver(api.MechanismDriver):

    def create_port_precommit(self, context):  # expect: OVN701:9
        port = context.current
        self._validate_port_extra_dhcp_opts(port)
        self._remember(context)

    def update_port_precommit(self, context):  # expect: OVN701:9
        port = context.current
        self._validate_port_extra_dhcp_opts(port)
        if self._needs_provisioning(port, context.host):
            self._block_provisioning(context, port['id'])

    def bind_port(self, context):  # expect: OVN701:9
        port = context.current
        for segment in context.segments_to_bind:
            if self._segment_ok(segment):
                context.set_binding(segment['id'], 'ovs', {})
                return

    def _update_port_binding_levels(self, context, levels):  # expect: OVN701:9
        context.levels = levels

    async def delete_network_precommit(self, context):  # expect: OVN701:15
        def check():
            self._check_no_ports(context.current)
        check()
