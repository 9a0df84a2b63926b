class FixtureSync:

    def set_port_up(self, port_id):
        # Moved, reformatted; the unchecked call was unchecked before too.
        self._nb_idl.lsp_set_options(port_id).execute()
        self._nb_idl.lsp_set_up(
            port_id, True
        ).execute(check_error=True)

    def delete_acls(self, pg_name, acls, check=True):
        with self._nb_idl.transaction(check_error=check) as txn:
            for acl in acls:
                txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))

    def wait_for_chassis(self, chassis):
        # The timeout changed, it is still there.
        return self._sb_idl.wait_for_chassis(chassis, timeout=60)

    def stop(self):
        self._checking_thread.join(5)
        self._checking_thread.join(timeout=self._timeout)

    def update_ports(self, ports):
        # The transaction moved into a helper that still checks errors.
        self._update_ports(ports)

    def _update_ports(self, ports):
        with self._nb_idl.transaction() as txn:
            for port in ports:
                txn.add(self._nb_idl.lsp_set_up(port, True))

    def delete_router(self, name):
        # The call is gone.
        self._routers.pop(name, None)
