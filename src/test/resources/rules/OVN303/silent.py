class MetadataAgent:

    def update_chassis_private(self, row):
        self.sb_idl.db_set(
            'Chassis_Private', self.chassis,
            ('external_ids', {'neutron:ovn-metadata-sb-cfg': str(row.nb_cfg)})
        ).execute(check_error=True)

    def reads(self, port):
        # Reads look at the local IDL replica: nothing to check.
        ext_ids = self.ovs_idl.db_get('Open_vSwitch', '.', 'external_ids').execute()
        bridges = set(self.ovs_idl.list_br().execute())
        up = self._nb_idl.lsp_get_up(port).execute()
        rows = self._nb_idl.db_find_rows('Port_Group', ('name', '=', 'pg')).execute()
        exists = self.ovs_idl.br_exists('br-int').execute()
        bridge = self.ovs_idl.iface_to_br(port).execute()
        return ext_ids, bridges, up, rows, exists, bridge

    def in_a_transaction(self, ports):
        with self._nb_idl.transaction(check_error=True) as txn:
            txn.add(self._nb_idl.pg_add_ports('pg', ports))
            # ovsdbapp reuses the open transaction: its check_error applies.
            self._nb_idl.pg_del_ports('pg_old', ports).execute()

    def caller_decides(self, port, check_error):
        self._nb_idl.lsp_del(port).execute(check_error=check_error)

    def forwarded(self, port, **kwargs):
        self._nb_idl.lsp_del(port).execute(**kwargs)


def not_ovsdb(cursor, deferred, processutils, ip_wrapper, cmd):
    cursor.execute("DELETE FROM ports")
    deferred.execute()
    ip_wrapper.netns.execute(cmd, run_as_root=True)
    processutils.execute('ovs-vsctl', 'del-br', 'br-ex')
    # A command object executed later: we cannot tell its verb.
    command = make_command()
    command.execute()


def make_command():
    return None


def keywords_execute_takes(nb_idl, port):
    nb_idl.lsp_del(port).execute(check_error=True, log_errors=False)
    nb_idl.lsp_get(port).execute(check_error=True, timeout=5)
