import subprocess
import subprocess as sp

from eventlet.green import subprocess as green_subprocess
from oslo_concurrency import processutils

from neutron.agent.linux import utils as agent_utils

RUN_IN_SHELL = True


def _flush_conntrack(namespace, address):
    subprocess.check_call(  # expect: PY104:5
        'ip netns exec %s conntrack -D -d %s' % (namespace, address),
        shell=True)


def _list_ports(bridge):
    cmd = 'ovs-vsctl list-ports {}'.format(bridge)
    return sp.check_output(cmd, shell=True)  # expect: PY104:12


def _set_mtu(device, mtu):
    green_subprocess.Popen(f'ip link set {device} mtu {mtu}', shell=True)  # expect: PY104:5


def _run_user_hook(hook):
    return subprocess.run(hook, shell=True, check=True)  # expect: PY104:12


def _delete_namespace(namespace):
    processutils.execute('ip netns delete ' + namespace,  # expect: PY104:5
                         shell=True, run_as_root=True)


def _flows(bridge):
    return agent_utils.execute(  # expect: PY104:12
        ['ovs-ofctl dump-flows %s | grep -v NXST' % bridge], shell=True)


def _joined(cmd):
    return subprocess.call(' '.join(cmd), shell=True)  # expect: PY104:12


def _maybe_shell(device, use_shell):
    return subprocess.call('ip link show %s' % device, shell=use_shell)  # expect: PY104:12


class _Runner(object):
    def run(self, script):
        return self._ssh.run(script, shell=True)  # expect: PY104:16


def _shell_by_constant(cmd):
    return subprocess.call(cmd, shell=RUN_IN_SHELL)  # expect: PY104:12


def _ping_tuple(host):
    # A tuple argv is an argv as a list is: its first element is the script.
    return subprocess.call(('ping -c 1 ' + host,), shell=True)  # expect: PY104:12
