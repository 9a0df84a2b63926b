import os
import subprocess


def show():
    return subprocess.check_output(
        ['ovs-vsctl', 'show'])  # expect: PY108:10


def sync():
    os.system('sync; sync')  # expect: PY108:15


def version():
    os.spawnlp(os.P_WAIT, 'ovn-nbctl', 'ovn-nbctl', '--version')  # expect: PY108:27


def dump():
    return subprocess.run('ovs-ofctl', check=True)  # expect: PY108:27


def show_tuple():
    return subprocess.check_output(('ovs-vsctl', '--version'))  # expect: PY108:37
