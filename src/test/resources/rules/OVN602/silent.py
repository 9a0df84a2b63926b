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
            self._nb_idl.close()
        except Exception:
            pass

    def _bare(self):
        # OVN601 reports this one.
        try:
            self._nb_idl.close()
        except:  # noqa: E722
            pass


class Exception2(Exception):
    pass


def not_broad():
    try:
        return 1
    except Exception2:
        pass
