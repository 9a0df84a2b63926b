from neutron.plugins.ml2.drivers.ovn.mech_driver.ovsdb import impl_idl_ovn


class LoadBalancerHelper:
    def __init__(self, conn, l3_plugin):
        self.nb = impl_idl_ovn.OvsdbNbOvnIdl(conn)
        self.l3 = l3_plugin

    def attach_by_name_of_own_project(self, context, port):
        # The query is tied to the caller's project.
        routers = self.l3.get_routers(
            context, filters={'name': [port['name']], 'project_id': [context.project_id]})
        return routers

    def balancer_for(self, port):
        # Selected by id, the name Neutron itself gives the row.
        return self.nb.lookup('Load_Balancer', 'neutron-' + port['id'])

    def switch_of(self, lsp):
        # Neutron wrote this value into the OVN row: the switch's own neutron-<uuid> name.
        net_name = lsp.external_ids['neutron:network_name']
        return self.nb.lookup('Logical_Switch', net_name)

    def labelled(self, rows, port):
        # A comparison that selects nothing: not in a loop or a comprehension condition.
        same = rows[0].name == port['name']
        return same

    def operator_named(self, rows, wanted):
        # Nothing says the wanted name is a tenant's.
        return [r for r in rows if r.name == wanted]
