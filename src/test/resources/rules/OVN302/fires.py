from neutron_lib.callbacks import events
from neutron_lib.callbacks import registry
from neutron_lib.callbacks import resources
from neutron_lib.plugins.ml2 import api

from neutron.db import ovn_revision_numbers_db
from neutron.common.ovn import constants as ovn_const


class OVNMechanismDriver(api.MechanismDriver):

    def create_network_precommit(self, context):
        network = context.current
        ovn_revision_numbers_db.create_initial_revision(
            context.plugin_context, network['id'], ovn_const.TYPE_NETWORKS)
        self._ovn_client.create_network(context.plugin_context, network)  # expect: OVN302:9

    def update_port_precommit(self, context):
        port = context.current
        self._nb_ovn.lsp_set_addresses(  # expect: OVN302:9
            port['id'], addresses=[port['mac_address']]).execute(check_error=True)

    def delete_port_precommit(self, context):
        port = context.current
        with self._nb_ovn.transaction(check_error=True) as txn:  # expect: OVN302:14
            txn.add(self._nb_ovn.lsp_del(port['id'], if_exists=True))
            # Inside the flagged transaction: reported once, above.
            self._ovn_client.delete_port(context.plugin_context, port['id'], txn=txn)

    def _delete_security_group_precommit(self, resource, event, trigger, payload):
        rules = self._plugin.get_security_group_rules(
            payload.context, filters={'remote_group_id': [payload.resource_id]})
        for rule in rules:
            self._ovn_client.delete_security_group_rule(  # expect: OVN302:13
                payload.context, rule)

    @registry.receives(resources.ROUTER, [events.PRECOMMIT_CREATE])
    def _on_router_create(self, resource, event, trigger, payload):
        router = payload.states[0]
        self.l3plugin._ovn_client.create_router(payload.context, router)  # expect: OVN302:9

    def update_subnet_precommit(self, context):
        self.sb_ovn.db_set(  # expect: OVN302:9
            'Chassis', context.host, ('external_ids', {'subnet': context.current['id']})
        ).execute(check_error=True)


from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import ovn_client


class OVNL3Sketch:
    # The OVN client and an API kept under names that say nothing: their origin says.
    def __init__(self, nb_api, sb_api):
        self._writer = ovn_client.OVNClient(nb_api, sb_api)
        self.northd = nb_api

    def create_floatingip_precommit(self, context, floatingip):
        self._writer.create_floatingip(context, floatingip)  # expect: OVN302:9
