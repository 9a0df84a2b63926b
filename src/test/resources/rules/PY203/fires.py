import logging
import os
import shutil

from oslo_concurrency import lockutils
from oslo_config import cfg

METADATA_SOCKET_DIR = '/tmp/ovn-metadata'  # expect: PY203:23

OPTS = [
    cfg.StrOpt('ovn_trace_log_dir', default='/var/tmp/ovn-trace',  # expect: PY203:45
               help='Where to keep trace output.'),
]


def write_pid(pid):
    with open('/tmp/ovn-metadata-agent.pid', 'w') as f:  # expect: PY203:15
        f.write(str(pid))


def dump_db(name, data):
    path = os.path.join('/tmp', name)  # expect: PY203:25
    with open(path, 'w') as f:
        f.write(data)


def socket_for(network_id):
    sock_path = f'/tmp/ovn-{network_id}.sock'  # expect: PY203:19
    return sock_path


def copy_flows(src, bridge):
    shutil.copy(src, '/dev/shm/flows-%s' % bridge)  # expect: PY203:22


def setup_locks(conf):
    lockutils.set_defaults(lock_path='/tmp')  # expect: PY203:38
    conf.set_override('dnsmasq_base_log_dir', '/tmp/dnsmasq')  # expect: PY203:47


def export(data, target_dir='/tmp/ovn-export'):  # expect: PY203:29
    os.makedirs(target_dir, exist_ok=True)


def debug_handler():
    return logging.FileHandler('/tmp/ovn-debug.log')  # expect: PY203:32


class Trace:
    def __init__(self):
        self.output_file = '/tmp/trace.out'  # expect: PY203:28


TRACE = '/tmp/ovn-trace.log'  # expect: PY203:9


def open_trace():
    # The fixed path reaches open() through a name bound once: reported once, at its literal.
    with open(TRACE, 'a') as f:
        return f
    return open(TRACE)
