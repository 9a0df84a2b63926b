class FixtureSync:

    def delete_acls(self, pg_name, acls):
        with self._nb_idl.transaction(check_error=True) as txn:
            for acl in acls:
                txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))

    def set_port_up(self, port_id):
        self._nb_idl.lsp_set_up(port_id, True).execute(check_error=True)

    def wait_for_chassis(self, chassis):
        return self._sb_idl.wait_for_chassis(chassis, timeout=30)

    def stop(self):
        self._checking_thread.join(timeout=5)


def cleanup(nb_idl, names):
    with nb_idl.transaction(check_error=True) as txn:
        for name in names:
            txn.add(nb_idl.ls_del(name, if_exists=True))


class FixtureMaintenance:

    @retrying(timeout=60)
    def check_for_ha_chassis(self):
        self._nb_idl.ha_chassis_group_sync().execute(check_error=True)

    def check_for_port_groups(self):
        self._nb_idl.pg_sync().execute(check_error=True)
