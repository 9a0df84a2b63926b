from neutron_lib import context as n_context
from oslo_context import context as oslo_context


class PerCallContext:
    def __init__(self, driver):
        self.driver = driver

    def run(self, event, row, old):
        admin_context = n_context.get_admin_context()
        self.driver.set_port_status_up(admin_context, row.name)


class IdentityOnly:
    def __init__(self, plugin):
        # No session: the context only says who acts.
        self.context = n_context.get_admin_context_without_session()

    def notify(self, payload):
        self.plugin.notify(self.context, payload)


class UsedOnlyWhileBuilding:
    def __init__(self, plugin):
        self.context = n_context.get_admin_context()
        self.networks = plugin.get_networks(self.context)

    def count(self):
        return len(self.networks)


class OtherProjectContext:
    def __init__(self):
        self.context = oslo_context.get_admin_context()

    def run(self):
        return self.context.to_dict()


def module_level(plugin):
    ctx = n_context.get_admin_context()
    return plugin.get_ports(ctx)
