from neutron_lib.api.definitions import portbindings

from neutron.common.ovn import constants as ovn_const


def acl_for_named_port(port):
    match = 'inport == "%s" && ip4' % port['name']  # expect: OVN102:13
    return {'direction': 'from-lport', 'priority': 1001, 'match': match}


def acl_by_description(sg_rule, port_group):
    return {
        'port_group': port_group,
        'direction': 'to-lport',
        'match': 'outport == @%s && %s' % (port_group, sg_rule['description']),  # expect: OVN102:18
    }


class QoSExtension:

    def _qos_rule(self, txn, port, direction):
        owner = port.get('device_owner')
        txn.add(self._nb_idl.qos_add(
            switch=port['network_id'], direction=direction, priority=2002,
            match=f'inport == "{port["id"]}" && eth.src[40] == {owner}',  # expect: OVN102:19
            rate=1000, burst=100))

    def _router_policy(self, txn, router, lsp):
        peer = lsp.external_ids.get(ovn_const.OVN_PORT_NAME_EXT_ID_KEY)
        policy_match = 'inport == "{}"'.format(peer.lower())  # expect: OVN102:24
        txn.add(self._nb_idl.lr_policy_add(router, 1000, policy_match, 'allow'))

    def _dns_acl(self, txn, port):
        dns = port['dns_name']
        match = 'inport == "%s"' % port['id']
        match += ' && dns.qname == "' + dns + '"'  # expect: OVN102:18
        txn.add(self._nb_idl.pg_acl_add(port_group='pg', match=match, may_exist=True))

    def _parent_acl(self, txn, port):
        profile = port.get(portbindings.PROFILE, {})
        parent = profile.get('parent_name')
        expr = 'inport == "%s"' % parent
        txn.add(self._nb_idl.pg_acl_add(port_group='pg', match=expr))  # expect: OVN102:64

    def _acl_row(self, acl, network):
        acl['match'] = 'ip4 && outport == "' + str(network['name']) + '"'  # expect: OVN102:24
        return acl


def _ovn_port_match(port, ip_version):
    return '{} && inport == "{}"'.format(ip_version, port['name'])  # expect: OVN102:12


def _trimmed(label):
    return label.strip()


def _wrapped(value):
    return '"%s"' % value


class TrunkAcls:

    def _subport_acl(self, txn, context):
        requested = context.current['binding:profile'].get('trunk_label')
        label = requested
        tagged = _trimmed(label)
        txn.add(self._nb_idl.pg_acl_add(
            port_group='pg_trunk', match='inport == "%s"' % tagged))  # expect: OVN102:42

    def _named_acl(self, port):
        raw = port['name']
        shown = raw
        return {'match': 'inport == %s && ip4' % _wrapped(shown)}  # expect: OVN102:26
