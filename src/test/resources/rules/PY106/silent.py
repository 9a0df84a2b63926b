import subprocess

from oslo_concurrency import processutils

from neutron.agent.linux import ip_lib
from neutron.agent.linux import utils as agent_utils


def _add_address(device, ip, prefixlen):
    agent_utils.execute(['ip', 'addr', 'add', '%s/%s' % (ip, prefixlen),
                         'dev', device], run_as_root=True)


def _netns(namespace, address):
    ip_wrapper = ip_lib.IPWrapper(namespace=namespace)
    ip_wrapper.netns.execute(['conntrack', '-D', '-d', address],
                             check_exit_code=True, privsep_exec=True)


def _sysctl(namespace, key, value):
    cmd = ['ip', 'netns', 'exec', namespace, 'sysctl', '-w', '%s=%s' % (key, value)]
    agent_utils.execute(cmd, run_as_root=True)


def _positional(path, value):
    # The script is a literal; values reach it as positional parameters.
    agent_utils.execute(['sh', '-c', 'echo "$1" > "$2"', 'sh', value, path],
                        run_as_root=True)


def _varargs(cmd):
    return processutils.execute(*cmd, log_errors=processutils.LOG_FINAL_ERROR)


def _passed_in(cmd):
    return agent_utils.execute(cmd, run_as_root=True)


def _split_config(conf):
    return subprocess.check_output(conf.helper_command.split())


def _program_path(binary):
    return subprocess.check_output('/usr/bin/%s' % binary)


def _literal_split():
    return subprocess.check_output('ovs-vsctl list-br'.split())


def _self_execute(self, cmd):
    return self.execute(('ip link set %s up' % cmd).split())


def _shell_true(device):
    # shell=True is PY104's.
    return subprocess.call('ip link show %s' % device, shell=True)


def _tuple_argv(namespace, device):
    argv = ('ip', 'netns', 'exec', namespace, 'ip', 'link', 'set', device, 'up')
    return subprocess.check_output(argv)
