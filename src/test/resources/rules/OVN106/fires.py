from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class LoadBalancerHelper:
    def __init__(self, conn, l3_plugin):
        self.nb = impl_idl_ovn.OvsdbNbOvnIdl(conn)
        self.l3 = l3_plugin

    def attach_by_description(self, context, port):
        routers = self.l3.get_routers(
            context.elevated(), filters={'name': [port['description']]})  # expect: OVN106:51
        self.l3.add_router_interface(context, routers[0]['id'], {'port_id': port['id']})

    def balancer_for(self, port):
        # The tenant's port name picks the OVN load balancer to update.
        lb = self.nb.lookup('Load_Balancer', port['name'])  # expect: OVN106:46
        self.nb.db_set('Load_Balancer', lb.uuid, ('vips', {})).execute(check_error=True)

    def groups_named_like(self, rows, router):
        prefix = router['name']
        return [r for r in rows if r.name.startswith(prefix)]  # expect: OVN106:54

    def security_group_named(self, groups, sg_rule):
        for group in groups:
            if group['name'] == sg_rule['description']:  # expect: OVN106:33
                return group
        return None
