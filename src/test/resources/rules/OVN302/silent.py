import copy

from neutron_lib.callbacks import events
from neutron_lib.callbacks import registry
from neutron_lib.callbacks import resources
from neutron_lib.plugins.ml2 import api

from neutron.common.ovn import utils as ovn_utils
from neutron.db import ovn_revision_numbers_db
from neutron.db import provisioning_blocks
from neutron.common.ovn import constants as ovn_const


class OVNMechanismDriver(api.MechanismDriver):

    def create_port_precommit(self, context):
        port = context.current
        if ovn_utils.is_lsp_ignored(port):
            return
        ovn_utils.validate_and_get_data_from_binding_profile(port)
        # Reads of the local IDL replica: no round trip to the NB/SB server.
        if self.sb_ovn.chassis_exists(context.host):
            provisioning_blocks.add_provisioning_component(
                context.plugin_context, port['id'], resources.PORT, 'L2')
        lsp = self._nb_ovn.lookup('Logical_Switch_Port', port['id'], default=None)
        if lsp is None:
            self._nb_ovn.lsp_get(port['id']).execute(check_error=True)
        ovn_revision_numbers_db.create_initial_revision(
            context.plugin_context, port['id'], ovn_const.TYPE_PORTS,
            std_attr_id=port['standard_attr_id'])

    def create_port_postcommit(self, context):
        port = copy.deepcopy(context.current)
        self._ovn_client.create_port(context.plugin_context, port)
        with self._nb_ovn.transaction(check_error=True) as txn:
            txn.add(self._nb_ovn.lsp_set_up(port['id'], True))

    def update_port_postcommit(self, context):
        self._ovn_client.update_port(context.plugin_context, context.current,
                                     port_object=context.original)

    @registry.receives(resources.ROUTER, [events.AFTER_CREATE])
    def _process_router_create(self, resource, event, trigger, payload):
        self.l3plugin._ovn_client.create_router(payload.context, payload.states[0])

    def _process_router_create_precommit(self, resource, event, trigger, payload):
        context = payload.context
        context.session.flush()
        router_db = payload.metadata['router_db']
        ovn_revision_numbers_db.create_initial_revision(
            context, payload.resource_id, ovn_const.TYPE_ROUTERS,
            std_attr_id=router_db.standard_attr_id)
        # Neutron DB writes are what precommit is for.
        context.session.add(router_db)
        self._plugin.update_port(context, payload.resource_id, {})

    def create_subnet_precommit(self, context):
        # An OVN client read.
        self._ovn_client.get_subnet_dhcp_options(context.current['id'])

        def later():
            # A closure run after the commit: not the precommit hook's body.
            self._ovn_client.create_subnet(context.plugin_context, context.current)
        self._defer(later)


class SyncMechanismDriver(OVNMechanismDriver):
    # The sync tool overrides the hooks to do nothing.
    def create_port_precommit(self, context):
        pass

    def create_port_postcommit(self, context):
        self.ovn_client.create_port(context.plugin_context, context.current)
