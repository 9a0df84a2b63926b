import os
import shlex
import subprocess

from oslo_concurrency import processutils

from neutron.agent.linux import ip_lib
from neutron.agent.linux import utils as agent_utils
from neutron.privileged.agent.linux import utils as priv_utils


def _set_sysctl(namespace, key, value):
    cmd = ['ip', 'netns', 'exec', namespace,
           'sh', '-c', 'echo %s > /proc/sys/%s' % (value, key)]
    agent_utils.execute(cmd, run_as_root=True, privsep_exec=True)  # expect: PY106:5


def _add_route(namespace, cidr, gateway):
    ip_wrapper = ip_lib.IPWrapper(namespace=namespace)
    ip_wrapper.netns.execute(  # expect: PY106:5
        ('ip route replace %s via %s' % (cidr, gateway)).split(),
        run_as_root=True)


def _set_tag(port_name, tag):
    agent_utils.execute(  # expect: PY106:5
        'ovs-vsctl set Port %s tag=%s' % (port_name, tag), run_as_root=True)


def _trace(datapath, match):
    return subprocess.check_output(  # expect: PY106:12
        shlex.split('ovn-trace %s "%s"' % (datapath, match)))


def _bash(script):
    return processutils.execute('bash', '-c', script)  # expect: PY106:12


def _flows(bridge):
    return subprocess.run(['/bin/bash', '-ec', f'ovs-ofctl dump-flows {bridge}'])  # expect: PY106:12


def _spawn(device):
    os.execvp('sh', ['sh', '-c', 'ip link del ' + device])  # expect: PY106:5


def _prefix(namespace, cmd):
    argv = ['ip', 'netns', 'exec', namespace] + ('conntrack -D -s %s' % cmd).split()
    priv_utils.execute_process(argv)  # expect: PY106:5


def _joined(args):
    return subprocess.check_output(' '.join(args))  # expect: PY106:12


def _tuple_shell(namespace, cmd):
    argv = ('ip', 'netns', 'exec', namespace, 'sh', '-c', cmd)
    return subprocess.check_output(argv)  # expect: PY106:12
