from neutron_lib.api.definitions import portbindings
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class OVNMechanismDriver:
    def update_port_postcommit(self, context):
        port = context.current
        original_port = context.original
        if port[portbindings.VNIC_TYPE] not in self.supported_vnic_types:
            LOG.warning("Unsupported port %s", port)  # expect: OVN502:48
        LOG.info("Port updated from %(old)s to %(new)s",
                 {'old': original_port,  # expect: OVN502:26
                  'new': port['id']})

    def create_port_postcommit(self, context):
        LOG.info("Created port %s", context.current)  # expect: OVN502:37
        LOG.error("Port %s failed", str(context.original))  # expect: OVN502:41

    def bind_port(self, context):
        profile = context.current.get(portbindings.PROFILE)
        LOG.info("Binding port %s with profile %s",
                 context.current['id'], profile)  # expect: OVN502:41
        LOG.warning(f"Cannot bind {context.current[portbindings.PROFILE]}")  # expect: OVN502:36

    def update_network_postcommit(self, context):
        network = context.network.current
        LOG.exception("Failed to update network %s" % network)  # expect: OVN502:55

    def _check_binding(self, port):
        LOG.error("Invalid binding profile %s for %s",
                  port.get('binding:profile'), port['id'])  # expect: OVN502:19
        LOG.log(logging.WARNING, "Port %s", self._port_context.current)  # expect: OVN502:45


def sync_port(plugin_context, port):
    if port.get('device_owner'):
        LOG.critical("Port %s out of sync", port)  # expect: OVN502:45


def report_binding(context):
    # A logged Template prints as its repr, with the whole dict in it.
    LOG.warning(t"Cannot bind port {context.current}")  # expect: OVN502:37
