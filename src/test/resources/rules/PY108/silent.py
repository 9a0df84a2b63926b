import os
import subprocess

from neutron.agent.linux import utils as agent_utils


def show():
    return subprocess.check_output(['/usr/bin/ovs-vsctl', 'show'])


def relative():
    return subprocess.check_output(['./tools/check.sh'])


def agent(device):
    # rootwrap resolves the program in its exec_dirs.
    return agent_utils.execute(['ip', 'link', 'set', device, 'up'], run_as_root=True)


def variable(cmd):
    return subprocess.check_output(cmd)


def absolute_shell():
    os.system('/bin/sync')


def absolute_tuple():
    return subprocess.check_output(('/usr/bin/ovs-vsctl', 'show'))
