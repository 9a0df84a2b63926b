class FixtureSync:

    def delete_acls(self, pg_name, acls):
        with self._nb_idl.transaction() as txn:  # expect: OVN704:14
            for acl in acls:
                txn.add(self._nb_idl.pg_acl_del(pg_name, **acl))

    def set_port_up(self, port_id):
        self._nb_idl.lsp_set_up(port_id, True).execute(check_error=False)  # expect: OVN704:9

    def wait_for_chassis(self, chassis):
        return self._sb_idl.wait_for_chassis(chassis)  # expect: OVN704:16

    def stop(self):
        self._checking_thread.join(timeout=None)  # expect: OVN704:9


def cleanup(nb_idl, names):
    with nb_idl.transaction(check_error=False) as txn:  # expect: OVN704:10
        for name in names:
            txn.add(nb_idl.ls_del(name, if_exists=True))


TOLERANT = False


class FixtureMaintenance:

    @retrying()  # expect: OVN704:6
    def check_for_ha_chassis(self):
        self._nb_idl.ha_chassis_group_sync().execute(check_error=True)

    def check_for_port_groups(self):
        self._nb_idl.pg_sync().execute(check_error=TOLERANT)  # expect: OVN704:9
