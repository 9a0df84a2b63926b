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
        return addresses, []

    def _get_port_addresses(self, port, port_security):
        addresses = [port['mac_address']]
        if not port_security:
            addresses.append(ovn_const.UNKNOWN_ADDR)
        return addresses

    def create_port(self, port):
        if not utils.is_lsp_trusted(port) and utils.is_port_security_enabled(port):
            self._add_port_to_drop_port_group(port)
        if port.get('name'):
            self._name(port)

    def create_provnet_port(self, network_id, segment, tag):
        cmd = self._nb.create_lswitch_port(
            lport_name=segment['id'],
            lswitch_name=network_id,
            addresses=[ovn_const.UNKNOWN_ADDR],
            type=ovn_const.LSP_TYPE_LOCALNET,
            tag=tag)
        return cmd

    def update_virtual_port(self, port):
        addresses = [ovn_const.UNKNOWN_ADDR]
        self._nb.set_lswitch_port(port['id'], addresses=addresses, type='virtual')

    def port_status(self, port):
        return 'down'
