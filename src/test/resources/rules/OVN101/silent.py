import copy

from neutron_lib.api.definitions import portbindings
from oslo_log import log

from neutron.common.ovn import constants as ovn_const
from neutron.common.ovn import utils

LOG = log.getLogger(__name__)


class OVNClient:

    def _get_vtep_options(self, port):
        # The validation helper is called: everything read later is checked.
        bp_info = utils.validate_and_get_data_from_binding_profile(port)
        profile = port.get(portbindings.PROFILE, {})
        switch = profile.get('vtep-physical-switch')
        return {'vtep-physical-switch': switch, 'tag': bp_info.bp_param.get('tag')}

    def _validated_elsewhere(self, port):
        self._validate_port_profile(port)
        return self._nb_idl.lookup('Logical_Switch_Port', port[portbindings.PROFILE]['parent_name'])

    def _is_migrating(self, port, host):
        # Only compared.
        dest = port.get(portbindings.PROFILE, {}).get('migrating_to')
        if dest is not None and dest == host:
            LOG.debug("Port %s is migrating to %s", port['id'], dest)
            return True
        return port[portbindings.PROFILE].get('migrating_to') == host

    def _has_migrating_attr(self, port):
        return ovn_const.MIGRATING_ATTR in port[portbindings.PROFILE].keys()

    def _allocation(self, context):
        try:
            allocation = context.current['binding:profile']['allocation']
        except KeyError:
            return False
        return self._placement.update(allocation)

    def _capabilities(self, port):
        # An accessor hands the value to its callers.
        return port.get(portbindings.PROFILE, {}).get('capabilities', [])

    def _is_switchdev(self, port):
        return 'switchdev' in port.get(portbindings.PROFILE, {}).get('capabilities', [])

    def _tag(self, port):
        profile = port.get(portbindings.PROFILE, {})
        tag = profile.get('tag')
        if not isinstance(tag, int):
            raise ValueError(tag)
        return self._nb_idl.set_tag(port['id'], tag)

    def _checked_key(self, port):
        profile = port[portbindings.PROFILE]
        if 'parent_name' not in profile:
            return None
        return self._nb_idl.lookup('Logical_Switch_Port', profile['parent_name'])

    def _trusted(self, port):
        profile = port.get(portbindings.PROFILE, {})
        LOG.info("Port %s trusted: %s", port['id'], profile.get('trusted'))
        if profile.get('trusted'):
            return True
        return False

    def _write_profile(self, port, host):
        # Writing into the profile is not reading from it.
        port[portbindings.PROFILE]['migrating_to'] = host
        profile = copy.deepcopy(port[portbindings.PROFILE])
        del profile['migrating_to']
        return profile

    def _vif_details(self, port):
        # Not the binding profile.
        details = port.get(portbindings.VIF_DETAILS, {})
        return details.get('bridge_name')

    def _device_profile(self, port):
        profile = port.get('device_profile')
        return self._cyborg.get(profile['name'])

    def _unused(self, port):
        pci_slot = port.get(portbindings.PROFILE, {}).get('pci_slot')
        return None
