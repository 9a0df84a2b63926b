from neutron_lib.api.definitions import port_security as psec

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


class FixtureClient:

    def _get_allowed_addresses_from_port(self, port):
        if not port.get(psec.PORTSECURITY):
            return [], []
        if utils.is_lsp_trusted(port):
            return [], []
        addresses = [port['mac_address']]
        return addresses, [ip['ip_address'] for ip in port['fixed_ips']]

    def _get_port_addresses(self, port, port_security):
        addresses = [port['mac_address']]
        if port_security:
            addresses.extend(self._pairs(port))
        return addresses

    def create_port(self, port):
        sg_ids = utils.get_lsp_security_groups(port)
        if not utils.is_lsp_trusted(port) and utils.is_port_security_enabled(port):
            self._add_port_to_drop_port_group(port)
        for sg in sg_ids:
            self._add_to_port_group(sg, port)

    def sync_ports(self, ports):
        for port in ports:
            self._sync(port)
        return True
