from neutron_lib.api.definitions import port_security as psec

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils


class FixtureClient:

    def _get_allowed_addresses_from_port(self, port):
        if not port.get(psec.PORTSECURITY):
            return [], []
        if utils.is_lsp_trusted(port) or port.get('device_owner'):  # expect: OVN703:12
            return [], []
        if port.get('binding:vnic_type') == 'direct':
            return [], []  # expect: OVN703:13
        addresses = [port['mac_address']]
        return addresses, [ip['ip_address'] for ip in port['fixed_ips']]

    def _get_port_addresses(self, port, port_security):
        addresses = [port['mac_address']]
        if port_security:
            addresses.extend(self._pairs(port))
        else:
            addresses.append(ovn_const.UNKNOWN_ADDR)  # expect: OVN703:13
        return addresses

    def create_port(self, port):
        sg_ids = utils.get_lsp_security_groups(port)
        if not utils.is_lsp_trusted(port) or utils.is_port_security_enabled(port):  # expect: OVN703:12
            self._add_port_to_drop_port_group(port)
        for sg in sg_ids:
            self._add_to_port_group(sg, port)
        mode = 'strict' if port['port_security_enabled'] else 'open'  # expect: OVN703:28
        return mode

    def sync_ports(self, ports):
        for port in ports:
            assert utils.is_port_security_enabled(port)  # expect: OVN703:20
            self._sync(port)
        return True

    def _is_filtered(self, port):
        return not utils.is_lsp_trusted(port)  # expect: OVN703:16

    def _set_addresses(self, port):
        self._nb.set_lswitch_port(port['id'], addresses=['unknown'])  # expect: OVN703:47
