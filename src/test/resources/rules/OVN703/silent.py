from neutron_lib.api.definitions import port_security as psec

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


class FixtureClient:

    def create_port(self, port):
        # Moved up, conditions rewrapped; another condition changed.
        if (not utils.is_lsp_trusted(port) and
                utils.is_port_security_enabled(port)):
            self._add_port_to_drop_port_group(port)
        if port.get('name') and port.get('description'):
            self._name(port)

    def _get_allowed_addresses_from_port(self, port):
        if not port.get(psec.PORTSECURITY):
            return [], []
        if utils.is_lsp_trusted(port):  # a comment
            return ([], [])
        addresses = [port['mac_address']]
        addresses.extend(self._pairs(port))
        return [], []

    def _get_port_addresses(self, port, port_security):
        addresses = [port["mac_address"]]
        if not port_security:
            addresses.append(
                ovn_const.UNKNOWN_ADDR)
        return addresses

    def _is_filtered(self, port):
        # A new helper with a condition moved from create_port.
        return not utils.is_lsp_trusted(port) and utils.is_port_security_enabled(port)

    def create_provnet_port(self, network_id, segment, tag):
        cmd = self._nb.create_lswitch_port(
            lport_name=segment['id'],
            lswitch_name=network_id,
            addresses=[ovn_const.UNKNOWN_ADDR],
            type=ovn_const.LSP_TYPE_LOCALNET,
            tag_request=tag)
        return cmd

    def create_bgp_localnet(self, name):
        self.columns = {'type': 'localnet', 'addresses': [ovn_const.UNKNOWN_ADDR]}

    def update_virtual_port(self, port):
        addresses = [ovn_const.UNKNOWN_ADDR]
        self._nb.set_lswitch_port(port['id'], addresses=addresses, type='virtual',
                                  external_ids={})

    def metadata_ips(self, port):
        if port.mac == [ovn_const.UNKNOWN_ADDR]:
            return []
        return ovn_const.UNKNOWN_ADDR in port.addresses and [] or port.addresses

    def port_status(self, port):
        if port.get('status') == 'unknown':
            return 'unknown'
        return 'down'

    def sync(self, ports):
        if not ports:
            return [], []
        return ports, []
