class OVNClient:
    def _sync_port_group(self, pg_name):
        try:
            self._nb_idl.pg_add(pg_name, may_exist=True).execute(check_error=True)
        finally:
            self._pending.discard(pg_name)
            return pg_name  # expect: OVN604:13

    def _sync_all(self, port_groups):
        for pg in port_groups:
            try:
                self._nb_idl.pg_add(pg, may_exist=True).execute(check_error=True)
            finally:
                if pg in self._pending:
                    continue  # expect: OVN604:21
                self._done.add(pg)

    def _wait(self):
        while True:
            try:
                self._idl.run()
            finally:
                with self._lock:
                    break  # expect: OVN604:21

    def _nested_try(self):
        try:
            self._nb_idl.close()
        finally:
            try:
                self._sb_idl.close()
            except ValueError:
                return False  # expect: OVN604:17

    def _loop_else(self, rows):
        while rows:
            try:
                rows.pop()
            finally:
                for row in rows:
                    self._check(row)
                else:
                    break  # expect: OVN604:21
