# Copyright 2026 The security-review authors.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

"""A sketch of an ML2 mechanism driver that maps Neutron ports to OVN.

Sample input for ``./run scan-demo``: it is written in the style of an OpenStack
ML2/OVN driver but is not part of Neutron and does not run on its own.
"""

import threading
import time

from neutron_lib.api.definitions import portbindings
from neutron_lib import constants as const
from neutron_lib.plugins.ml2 import api
from oslo_config import cfg
from oslo_log import log

from sketch.ovn import acl_builder
from sketch.ovn import exceptions as ovn_exc

LOG = log.getLogger(__name__)

OVN_LSP_TYPE_LOCALPORT = 'localport'
VIF_DETAILS = {
    portbindings.CAP_PORT_FILTER: True,
    portbindings.VIF_DETAILS_CONNECTIVITY: portbindings.CONNECTIVITY_L2,
}


class SketchOvnMechanismDriver(api.MechanismDriver):
    """Binds ports on hypervisors that run an OVN controller."""

    supported_vnic_types = (portbindings.VNIC_NORMAL,
                            portbindings.VNIC_DIRECT)

    def __init__(self):
        super().__init__()
        self._nb_idl = None
        self._nb_ready = threading.Event()
        self._sync_lock = threading.Lock()

    def initialize(self):
        LOG.info("Starting the OVN sketch driver (tunnel type %s)",
                 cfg.CONF.ml2_sketch.tunnel_type)
        self._start_connection()

    @property
    def nb_idl(self):
        # Waits until the Northbound connection is up.
        self._nb_ready.wait()
        return self._nb_idl

    def _start_connection(self):
        def connect():
            attempts = 0
            while True:
                try:
                    self._nb_idl = ovn_exc.connect_nb(cfg.CONF.ml2_sketch)
                    break
                except ovn_exc.NotConnected:
                    attempts += 1
                    LOG.warning("OVN NB not reachable (attempt %d)", attempts)
                    time.sleep(min(2 ** attempts, 30))
            self._nb_ready.set()

        threading.Thread(target=connect, daemon=True).start()

    # Port life cycle -------------------------------------------------------

    def create_port_precommit(self, context):
        port = context.current
        profile = port.get(portbindings.PROFILE) or {}
        if profile.get('capabilities') and not isinstance(
                profile['capabilities'], list):
            raise ovn_exc.InvalidBindingProfile(port_id=port['id'])

    def create_port_postcommit(self, context):
        port = context.current
        options = self._port_options(port)
        with self.nb_idl.transaction(check_error=True) as txn:
            txn.add(self.nb_idl.create_lswitch_port(
                lport_name=port['id'],
                lswitch_name='neutron-%s' % port['network_id'],
                addresses=options.addresses,
                port_security=options.port_security,
                external_ids={'neutron:device_owner': port['device_owner']},
                type=options.type))
            for rule in acl_builder.acls_for_port(port):
                txn.add(self.nb_idl.pg_acl_add(**rule, may_exist=True))

    def update_port_postcommit(self, context):
        port, original = context.current, context.original
        if port['admin_state_up'] == original['admin_state_up']:
            return
        try:
            self.nb_idl.lsp_set_enabled(
                port['id'], port['admin_state_up']).execute()
        except Exception:
            LOG.exception("Could not update port %s in OVN", port['id'])

    def delete_port_postcommit(self, context):
        port_id = context.current['id']
        self.nb_idl.delete_lswitch_port(
            port_id, 'neutron-%s' % context.current['network_id'],
            if_exists=True).execute(check_error=True)

    def bind_port(self, context):
        port = context.current
        vnic_type = port.get(portbindings.VNIC_TYPE, portbindings.VNIC_NORMAL)
        if vnic_type not in self.supported_vnic_types:
            LOG.debug("Refusing to bind port %(id)s with vnic type %(type)s",
                      {'id': port['id'], 'type': vnic_type})
            return
        for segment in context.segments_to_bind:
            if segment[api.NETWORK_TYPE] in (const.TYPE_GENEVE,
                                             const.TYPE_VLAN,
                                             const.TYPE_FLAT):
                context.set_binding(segment[api.ID],
                                    portbindings.VIF_TYPE_OVS,
                                    dict(VIF_DETAILS))
                return

    # Helpers ---------------------------------------------------------------

    def _port_options(self, port):
        mac = port['mac_address']
        ips = ' '.join(ip['ip_address'] for ip in port.get('fixed_ips', []))
        addresses = [f'{mac} {ips}'.strip()]
        port_security = []
        if port.get('port_security_enabled', True):
            allowed = port.get('allowed_address_pairs', [])
            port_security = [addresses[0]] + [
                '%s %s' % (pair.get('mac_address', mac), pair['ip_address'])
                for pair in allowed]
        lsp_type = ''
        if port['device_owner'] == const.DEVICE_OWNER_DISTRIBUTED:
            lsp_type = OVN_LSP_TYPE_LOCALPORT
        return acl_builder.PortOptions(addresses=addresses,
                                       port_security=port_security,
                                       type=lsp_type)
