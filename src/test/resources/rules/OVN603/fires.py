from neutron_lib import exceptions as n_exc
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class OVNMechanismDriver:
    def create_port_postcommit(self, context):
        port = context.current
        try:
            self._ovn_client.create_port(context.plugin_context, port)
        except Exception:  # expect: OVN603:9
            LOG.exception("Failed to create port %s in OVN", port['id'])

    def update_port_precommit(self, context):
        try:
            self._validate(context.current)
        except Exception as e:  # expect: OVN603:9
            LOG.error("Invalid port %s: %s", context.current['id'], e)
            return

    def delete_network_postcommit(self, context):
        try:
            self._ovn_client.delete_network(context.plugin_context,
                                            context.current['id'])
        except BaseException:  # expect: OVN603:9
            pass

    def update_subnet_postcommit(self, context):
        for port in context.current.get('ports', []):
            try:
                self._ovn_client.update_port(port)
            except (n_exc.PortNotFound, Exception):  # expect: OVN603:13
                continue

    def create_security_group_rule_precommit(self, context, rule):
        try:
            self._ovn_client.create_acl(rule)
        except:  # noqa: E722  # expect: OVN603:9
            self._failed = True

    def delete_port_precommit(self, context):
        try:
            self._ovn_client.delete_port(context.current["id"])
        except (self._ignored(), Exception):  # expect: OVN603:9
            pass
