from neutron_lib import exceptions as n_exc
from oslo_log import log as logging
from oslo_utils import excutils
from ovsdbapp.backend.ovs_idl import idlutils

LOG = logging.getLogger(__name__)


class OVNMechanismDriver:
    def create_port_postcommit(self, context):
        port = context.current
        try:
            self._ovn_client.create_port(context.plugin_context, port)
        except Exception:
            with excutils.save_and_reraise_exception():
                LOG.exception("Failed to create port %s in OVN", port['id'])

    def update_port_precommit(self, context):
        try:
            self._validate(context.current)
        except Exception as e:
            LOG.error("Invalid port %s: %s", context.current['id'], e)
            raise n_exc.InvalidInput(error_message=str(e)) from e

    def delete_port_postcommit(self, context):
        try:
            self._ovn_client.delete_port(context.plugin_context, context.current['id'])
        except idlutils.RowNotFound:
            LOG.debug("Port %s already gone", context.current['id'])

    def update_network_postcommit(self, context):
        try:
            self._ovn_client.update_network(context.plugin_context, context.current)
        except Exception:
            LOG.exception("Update failed")
            raise

    def delete_network_postcommit(self, context):
        def _best_effort():
            # A helper defined in the hook is not the hook.
            try:
                self._cleanup(context.current['id'])
            except Exception:
                LOG.exception("Cleanup failed")

        _best_effort()

    def update_port_status(self, context):
        try:
            self._set_status(context)
        except Exception:
            LOG.exception("Status update failed")

    def _update_port_in_ovn(self, port):
        try:
            self._ovn_client.update_port(port)
        except Exception:
            LOG.exception("Failed")
