# A template string (Python 3.14) is a Template, not an argument built from values: whatever runs
# the list sees each interpolated value apart.
import subprocess


def dump(bridge):
    return subprocess.check_output(['ovs-ofctl', 'dump-flows', t"br-{bridge}"])


def show(device):
    return subprocess.run(('ip', 'link', 'show', t"{device}"), check=True)
