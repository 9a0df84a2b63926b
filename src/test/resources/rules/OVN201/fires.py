import time

from eventlet import greenthread
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class ChassisWatcher:
    def __init__(self, sb_idl, nb_idl):
        self._sb_idl = sb_idl
        self._nb_idl = nb_idl

    def wait_for_binding(self, port_id):
        while True:  # expect: OVN201:9
            row = self._sb_idl.lookup('Port_Binding', port_id, default=None)
            if row is not None and row.chassis:
                return row
            time.sleep(1)

    def wait_for_gateway(self, router_id):
        while not self._gateway_scheduled(router_id):  # expect: OVN201:9
            LOG.debug("Router %s has no gateway chassis yet", router_id)
            greenthread.sleep(2)

    def wait_for_nb(self):
        while not self._nb_idl.is_connected:  # expect: OVN201:9
            time.sleep(0.5)

    def set_lsp_options(self, port_id, options):
        while True:  # expect: OVN201:9
            try:
                with self._nb_idl.transaction(check_error=True) as txn:
                    txn.add(self._nb_idl.lsp_set_options(port_id, **options))
                break
            except RuntimeError:
                LOG.warning("NB transaction failed for %s, retrying", port_id)
                self._sleep(1)
                continue

    def wait_for_chassis_up(self, chassis_name):
        while 1:  # expect: OVN201:9
            chassis = self._sb_idl.lookup('Chassis', chassis_name, default=None)
            if chassis is None:
                raise LookupError(chassis_name)
            if chassis.external_ids.get('up') == 'true':
                break
            time.sleep(3)

    def _gateway_scheduled(self, router_id):
        return bool(self._nb_idl.get_lrouter(router_id))
