import os
import tempfile

from neutron._i18n import _
from oslo_config import cfg
from oslo_log import log as logging

LOG = logging.getLogger(__name__)

OPTS = [
    cfg.StrOpt('state_path', default='/var/lib/neutron',
               help=_('Where to store state, never /tmp.')),
    cfg.StrOpt('ovn_mode', default='/tmp',  # a value, not a path option
               help=_('Mode.')),
]

SKIPPED_MOUNTS = ['/tmp', '/var/tmp', '/dev/shm']


def scratch_dir():
    # A random name inside /tmp is what tempfile is for.
    return tempfile.mkdtemp(prefix='ovn-', dir='/tmp')


def is_temporary(path):
    return path.startswith('/tmp/') or path == '/var/tmp'


def warn(path):
    LOG.warning('Refusing to use %s under /tmp', path)
    LOG.warning('/tmp is full')


def message():
    return _('/tmp/foo could not be removed')


def not_tmp():
    with open('/tmpfs/ovn.state') as f:
        return f.read()


def shell_hint():
    return 'rm -rf /tmp/ovn-*'


def mode_name():
    mode = '/tmp'
    return mode


SCRATCH = '/tmp'


def is_scratch(path):
    # The constant reaches a comparison, not a path use.
    return path.startswith(SCRATCH)
