import sys

from oslo_log import log as logging
from oslo_utils import excutils

LOG = logging.getLogger(__name__)


def delete_port(nb_idl, port_id):
    try:
        nb_idl.lsp_del(port_id).execute(check_error=True)
    except (KeyError, ValueError):
        pass
    except Exception:
        raise


def except_is_only_a_word():
    excepted = "except:"
    return excepted


# A bare except that re-raises on every path swallows nothing.


def release_on_error(lock, work):
    try:
        work()
    except:
        lock.release()
        raise


def log_and_reraise(conn):
    try:
        conn.serve()
    except:
        LOG.error("connection %s failed", conn)
        raise


def cancel_and_reraise(task):
    try:
        task.run()
    except:
        with excutils.save_and_reraise_exception():
            task.cancel()


def rollback_then_reraise(txn, rows):
    try:
        txn.apply(rows)
    except:
        for row in rows:
            if row.dirty:
                continue
            row.reset()
        raise


# The author acknowledged E722 on the clause with a bare noqa.


def top_level_guard(app, env):
    try:
        return app(env)
    except:  # noqa
        LOG.exception("request failed")
        return None


def forward_to_generator(gen):
    try:
        next(gen)
    except:  # noqa
        gen.throw(*sys.exc_info())
