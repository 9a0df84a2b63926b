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

    def _set_options(self, port_id, options):
        try:
            with self._nb_idl.transaction(check_error=True) as txn:
                txn.add(self._nb_idl.lsp_set_options(port_id, **options))
        except BaseException:  # expect: OVN602:9
            return

    def _add_acl(self, pg_name, acl):
        try:
            self._nb_idl.pg_acl_add(pg_name, **acl).execute(check_error=True)
        except (idlutils.RowNotFound, Exception):  # expect: OVN602:9
            """Already there."""
            return True


class Placement:
    def _check_tenant_owns(self, context, network):
        if network["tenant_id"] != context.project_id:
            raise ValueError("network of another project")

    def _check_not_shared(self, network):
        if network.get("shared"):
            raise ValueError("shared network")

    def attach(self, context, network, port):
        # A lookup error in the check lets the port through.
        try:
            self._check_tenant_owns(context, network)
        except Exception:  # expect: OVN602:9
            pass
        port["network_id"] = network["id"]

    def reject_shared(self, networks):
        # Success of the check is the rejection, so every failure means "not shared".
        for network in networks:
            try:
                self._check_not_shared(network)
            except Exception:  # expect: OVN602:13
                continue
            else:
                raise RuntimeError("a shared network is not allowed here")

    def is_allowed(self, context, network):
        try:
            self._check_tenant_owns(context, network)
        except Exception:  # expect: OVN602:9
            return True
        return True
