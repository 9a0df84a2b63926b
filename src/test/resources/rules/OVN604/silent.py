class OVNClient:
    def _sync_port_group(self, pg_name):
        try:
            self._nb_idl.pg_add(pg_name, may_exist=True).execute(check_error=True)
        finally:
            self._pending.discard(pg_name)
        return pg_name

    def _loop_in_finally(self, port_groups):
        try:
            self._nb_idl.close()
        finally:
            for pg in port_groups:
                if pg in self._pending:
                    continue
                if pg is None:
                    break
                self._done.add(pg)

    def _function_in_finally(self):
        try:
            self._nb_idl.close()
        finally:
            def _cb():
                return True

            self._callback = _cb
            self._key = lambda x: x

    def _return_in_try(self):
        try:
            return self._nb_idl.close()
        except ValueError:
            return None
        else:
            return 1
        finally:
            self._closed = True

    def _loop_around(self, rows):
        for row in rows:
            try:
                if row is None:
                    continue
                self._check(row)
            except ValueError:
                break
            finally:
                self._seen.add(row)
