from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class OVNMechanismDriver:
    def create_port_postcommit(self, context):
        try:
            self._ovn_client.create_port(context.plugin_context, context.current)
        except Exception:  # nosec
            LOG.exception("Failed")
        try:
            self._ovn_client.create_port(context.plugin_context, context.current)
        except Exception:  # security-review: ignore[OVN603]
            LOG.exception("Failed")
        try:
            self._ovn_client.create_port(context.plugin_context, context.current)
        except Exception:  # noqa: OVN603
            LOG.exception("Failed")
        try:
            self._ovn_client.create_port(context.plugin_context, context.current)
        except Exception:  # nosec B110  # expect: OVN603:9
            LOG.exception("Failed")
