from oslo_log import log as logging
from oslo_utils import excutils
from ovsdbapp.backend.ovs_idl import idlutils

LOG = logging.getLogger(__name__)


class OVNClient:
    def _delete_lsp(self, port_id):
        try:
            self._nb_idl.lsp_del(port_id).execute(check_error=True)
        except idlutils.RowNotFound:
            pass  # narrow: expected
        except Exception:
            LOG.exception("Failed to delete port %s", port_id)

    def _update_lsp(self, port_id):
        try:
            self._nb_idl.lsp_set_options(port_id).execute(check_error=True)
        except Exception:
            with excutils.save_and_reraise_exception():
                LOG.error("Failed to update port %s", port_id)

    def _probe(self):
        ok = True
        try:
            self._nb_idl.get_lswitch('x').execute(check_error=True)
        except Exception:
            ok = False
        return ok

    def _reraise(self):
        try:
            self._nb_idl.close()
        except Exception:
            raise

    def _uses_error(self, errors):
        try:
            self._nb_idl.close()
        except Exception as e:
            errors.append(e)

    def _tuple(self):
        try:
            self._nb_idl.close()
        except (KeyError, ValueError):
            pass

    def create_port_postcommit(self, context):
        # OVN603 reports this one.
        try:
            self._nb_idl.lsp_del('p').execute(check_error=True)
        except Exception:
            pass

    def _bare(self):
        # OVN601 reports this one.
        try:
            self._nb_idl.lsp_del('p').execute(check_error=True)
        except:  # noqa: E722
            pass

    # Nothing whose failure matters: the try body only computes a value, reads, or closes.

    def _get_chassis(self, name):
        try:
            return self._sb_idl.lookup('Chassis', name)
        except (idlutils.RowNotFound, Exception):
            return None

    def _external_ids(self, row):
        try:
            return dict(row.external_ids)
        except Exception:
            return {}

    def _cleanup(self):
        try:
            self._nb_idl.close()
        except Exception:
            """Best effort."""
            return

    def _first_parsable(self, texts):
        for text in texts:
            try:
                return int(text)
            except Exception:
                pass
        return None

    # A write, but the author says why the failure does not matter.

    def _drop_stale_lsp(self, port_id):
        try:
            self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
        except Exception:
            # The maintenance task deletes leftovers on its next run.
            pass

    def _drop_stale_lsp_waived(self, port_id):
        try:
            self._nb_idl.lsp_del(port_id, if_exists=True).execute(check_error=True)
        except Exception:  # noqa
            pass

    # A write on a path that already failed or is cleaning up: best effort.

    def _create_lsp(self, port):
        try:
            self._nb_idl.lsp_add(port["network_id"], port["id"]).execute(check_error=True)
        except Exception:
            try:
                self._nb_idl.lsp_del(port["id"], if_exists=True).execute(check_error=True)
            except Exception:
                pass
            raise

    def _with_lock(self, lock, port_id):
        try:
            self._nb_idl.lsp_set_up(port_id).execute(check_error=True)
        finally:
            try:
                self._nb_idl.db_remove("Logical_Switch_Port", port_id, "options").execute()
            except Exception:
                pass

    # A write whose failure the caller learns from the returned value.

    def _try_add_acl(self, pg_name, acl):
        try:
            self._nb_idl.pg_acl_add(pg_name, **acl).execute(check_error=True)
        except Exception:
            return False
        return True


class Exception2(Exception):
    pass


def not_broad():
    try:
        return 1
    except Exception2:
        pass


class Checks:
    def _check_quota(self, context, count):
        if count > context.quota:
            raise ValueError("over quota")

    def _lookup(self, context, name):
        if not name:
            raise ValueError("no name")
        return context.find(name)

    def is_within_quota(self, context, count):
        # A probe: the handler answers "no", the failure closes the door.
        try:
            self._check_quota(context, count)
        except Exception:
            return False
        return True

    def count_valid(self, context, counts):
        # The handler skips the item that failed its check.
        valid = 0
        for count in counts:
            try:
                self._check_quota(context, count)
            except Exception:
                continue
            valid += 1
        return valid

    def within_quota_flag(self, context, count):
        # Success is recorded after the check: the failure leaves the flag unset.
        ok = False
        try:
            self._check_quota(context, count)
            ok = True
        except Exception:
            pass
        return ok

    def within_quota_else(self, context, count):
        ok = False
        try:
            self._check_quota(context, count)
        except Exception:
            pass
        else:
            ok = True
        return ok

    def find(self, context, name):
        # The callee answers with a value: it is no check.
        try:
            self._lookup(context, name)
        except Exception:
            pass
