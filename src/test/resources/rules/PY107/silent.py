import os
import subprocess

OVS_VSCTL = '/usr/bin/ovs-vsctl'


def show():
    return subprocess.check_output(['ovs-vsctl', 'show'])


def show_constant():
    return subprocess.check_output([OVS_VSCTL, '--timeout', '10', 'show'])


def version():
    os.spawnlp(os.P_WAIT, 'ovs-vsctl', 'ovs-vsctl', '--version')


def bash(script):
    # PY106 reports this one.
    return subprocess.run(['bash', '-c', script])


def shell(cmd):
    # PY104's.
    return subprocess.run(cmd, shell=True)


def fixed_tuple():
    return subprocess.check_output(('/usr/bin/ovs-vsctl', 'show'))
