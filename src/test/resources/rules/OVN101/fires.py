import copy

from neutron_lib.api.definitions import portbindings
from oslo_log import log

from neutron.common.ovn import constants as ovn_const

LOG = log.getLogger(__name__)


class OVNClient:

    def _get_vtep_options(self, port):
        profile = port.get(portbindings.PROFILE, {})
        switch = profile.get('vtep-physical-switch')  # expect: OVN101:18
        return {'vtep-physical-switch': switch}

    def _get_parent_name(self, port):
        parent = port[portbindings.PROFILE]['parent_name']  # expect: OVN101:18
        return self._nb_idl.lookup('Logical_Switch_Port', parent)

    def _set_requested_chassis(self, options, port):
        chassis = port['binding:host_id']
        dest = port.get(portbindings.PROFILE, {}).get(ovn_const.MIGRATING_ATTR)  # expect: OVN101:16
        if dest:
            chassis += ',%s' % dest
        options['requested-chassis'] = chassis
        return options

    def _pci_info(self, context):
        bp = copy.deepcopy(context.current['binding:profile'])
        LOG.debug("Binding PCI device %s", bp.get('pci_slot'))
        self._agent.bind_vf(bp['pci_slot'], bp.get('physical_network'))  # expect: OVN101:29, OVN101:45

    def _allocations(self, port):
        profile = port.get(portbindings.PROFILE) or {}
        for rp_uuid in profile.get('allocation', {}).values():  # expect: OVN101:24
            self._placement.update(rp_uuid)

    def _vf_lookup(self, port):
        binding_profile = port[ovn_const.OVN_PORT_BINDING_PROFILE]
        return {
            'vf_num': binding_profile['vf_num'],  # expect: OVN101:23
            'tag': binding_profile.get('tag'),  # expect: OVN101:20
        }
