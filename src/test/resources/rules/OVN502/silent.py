from neutron_lib.api.definitions import portbindings
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class OVNMechanismDriver:
    def update_port_postcommit(self, context):
        port = context.current
        # Identifiers and single fields are fine.
        LOG.info("Port %s updated", port['id'])
        LOG.warning("Port %(id)s has VNIC type %(vnic)s",
                    {'id': context.current['id'],
                     'vnic': port[portbindings.VNIC_TYPE]})
        LOG.info("Host changed to %s", context.host)
        # Debug messages may carry the whole dict.
        LOG.debug("Port %s updated", port)
        LOG.debug("Binding profile %s", port.get(portbindings.PROFILE))
        # The driver context prints as an object reference.
        LOG.info("Context %s", context)
        # Derived values are not the whole dict.
        LOG.info("Port %s has %d fixed IPs", port['id'], len(port['fixed_ips']))

    def delete_lsp(self, port):
        # "port" here is an id: nothing uses it as a dict.
        LOG.info("Deleting logical switch port %s", port)

    def ovs_port(self, port):
        # An OVS port object, not a dict.
        LOG.info("OVS port %s has ofport %s", port, port.ofport)

    def not_logging(self, notifier, context):
        notifier.info(context.plugin_context, 'port.update', context.current)

    def corrupt_profile(self, binding):
        # A binding object's serialized profile, logged on purpose when it cannot be parsed.
        LOG.error("Serialized profile %(value)s for port %(port)s is invalid",
                  {'value': binding.profile, 'port': binding.port_id})

    def dynamic_level(self, level, context):
        LOG.log(level, "Port %s", context.current)
