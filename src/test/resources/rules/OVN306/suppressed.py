from neutron_lib import context as n_context


class CachedForAStartupProbe:
    def __init__(self, plugin):
        self.plugin = plugin
        self.admin_context = n_context.get_admin_context()  # noqa: OVN306

    def probe(self):
        return self.plugin.get_networks(self.admin_context, limit=1)


class StillFlagged:
    def __init__(self, plugin):
        self.plugin = plugin
        self.admin_context = n_context.get_admin_context()  # noqa: OVN305  # expect: OVN306:9

    def probe(self):
        return self.plugin.get_networks(self.admin_context, limit=1)
