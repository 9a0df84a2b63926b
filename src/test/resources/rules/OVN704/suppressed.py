class FixtureSync:

    def delete_acls(self, pg_name, acls):
        with self._nb_idl.transaction() as txn:  # nosec
            for acl in acls:
                txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))

    def set_port_up(self, port_id):
        self._nb_idl.lsp_set_up(port_id, True).execute(check_error=False)  # noqa: OVN704
        self._nb_idl.lsp_set_options(port_id).execute()

    def wait_for_chassis(self, chassis):
        return self._sb_idl.wait_for_chassis(chassis)  # security-review: ignore[OVN704]

    def stop(self):
        self._checking_thread.join()  # nosec B113  # expect: OVN704:9
