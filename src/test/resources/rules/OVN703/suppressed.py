from neutron_lib.api.definitions import port_security as psec

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


class FixtureClient:

    def _get_allowed_addresses_from_port(self, port):
        if not port.get(psec.PORTSECURITY):
            return [], []
        if utils.is_lsp_trusted(port) or port.get('device_owner'):  # nosec
            return [], []
        addresses = [port['mac_address']]
        return addresses, []

    def _get_port_addresses(self, port, port_security):
        addresses = [port['mac_address'], ovn_const.UNKNOWN_ADDR]  # noqa: OVN703
        return addresses

    def create_port(self, port):
        if not utils.is_lsp_trusted(port):  # security-review: ignore[OVN703]
            self._add_port_to_drop_port_group(port)
        if utils.is_port_security_enabled(port):  # nosec B101  # expect: OVN703:12
            self._name(port)
