from ovsdbapp.backend.ovs_idl import idlutils


class OVNClient:
    def _delete_lsp(self, port_id):
        try:
            self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
        except Exception:  # expect: OVN602:9
            pass

    def _sync_port_groups(self, port_groups):
        for pg in port_groups:
            try:
                self._nb_idl.pg_add(pg, may_exist=True).execute(check_error=True)
            except Exception as e:  # expect: OVN602:13
                continue

    def _get_chassis(self, name):
        try:
            return self._sb_idl.lookup('Chassis', name)
        except (idlutils.RowNotFound, Exception):  # expect: OVN602:9
            return None

    def _is_ovn_available(self):
        try:
            self._nb_idl.get_lswitch('neutron-x').execute(check_error=True)
        except BaseException:  # expect: OVN602:9
            return False
        return True

    def _external_ids(self, row):
        try:
            return dict(row.external_ids)
        except Exception:  # expect: OVN602:9
            return {}

    def _cleanup(self):
        try:
            self._nb_idl.close()
        except Exception:  # expect: OVN602:9
            """Best effort."""
            return

    def _tolerant(self, errors, row):
        try:
            self._apply(row)
        except (errors[0], Exception):  # expect: OVN602:9
            return []
