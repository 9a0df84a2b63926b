import subprocess

from neutron.agent.linux import utils as agent_utils

OVS_SHOW = 'ovs-vsctl show'


def _show():
    return subprocess.check_output('ovs-vsctl show | head -n 20', shell=True)


def _show_constant():
    return subprocess.check_output(OVS_SHOW, shell=True)


def _show_local():
    cmd = 'ovn-nbctl --timeout=10 show'
    return subprocess.check_output(cmd, shell=True)


def _literal_concat():
    return subprocess.call('ip netns ' + 'list', shell=True)


def _argv(namespace, address):
    return subprocess.check_call(
        ['ip', 'netns', 'exec', namespace, 'conntrack', '-D', '-d', address])


def _no_shell(cmd):
    return subprocess.check_call(cmd, shell=False)


def _agent(device):
    return agent_utils.execute(['ip', 'link', 'set', device, 'up'], run_as_root=True)


def _unknown_shell(cmd, use_shell):
    # shell= is a variable and the command is a parameter: nothing is built here.
    return subprocess.call(cmd, shell=use_shell)


def _setting_only(mock):
    mock.configure(shell=True)


def _flush_tables():
    for table in range(100, 110):
        # A range() index is a number: nothing to inject.
        subprocess.call('ip route flush table %d 2>/dev/null' % table, shell=True)


def _tuple_literal_script():
    return subprocess.call(('ovs-vsctl show',), shell=True)
