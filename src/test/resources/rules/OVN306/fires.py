from neutron_lib import context as n_context
from neutron_lib import context
from ovsdbapp.backend.ovs_idl import event as row_event


class PortStatusEvent(row_event.RowEvent):
    def __init__(self, driver):
        super().__init__((self.ROW_UPDATE,), 'Logical_Switch_Port', None)
        self.driver = driver
        self.admin_context = n_context.get_admin_context()  # expect: OVN306:9

    def run(self, event, row, old):
        self.driver.set_port_status_up(self.admin_context, row.name)


class RouterPortSync:
    def __init__(self, plugin):
        self._plugin = plugin
        self._ctx = context.get_admin_context()  # expect: OVN306:9

    def match_fn(self, event, row, old):
        return self._plugin.get_port(self._ctx, row.name) is not None

    def sync(self, rows):
        for row in rows:
            self._plugin.update_port_status(self._ctx, row.name, 'ACTIVE')
