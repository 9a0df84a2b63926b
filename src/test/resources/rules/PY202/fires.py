import os
import tempfile
from tempfile import mktemp as make_name


def write_hosts(entries):
    path = tempfile.mktemp(suffix='.hosts')  # expect: PY202:12
    with open(path, 'w') as f:
        f.write('\n'.join(entries))
    return path


def dump_flows(bridge):
    target = make_name(prefix='flows-', dir='/var/lib/neutron')  # expect: PY202:14
    bridge.dump_flows_to(target)


def legacy_name():
    return os.tempnam('/var/lib/neutron', 'ovn')  # expect: PY202:12
