import commands
import os
import subprocess

from eventlet.green import os as green_os

BASE = 'ip'
_ip = 'ip'


def _set_mtu(device, mtu):
    os.system('ip link set %s mtu %d' % (device, mtu))  # expect: PY105:5


def _routes(namespace):
    return os.popen('ip netns exec {} ip route'.format(namespace)).read()  # expect: PY105:12


def _arp(address):
    return subprocess.getoutput(f'arping -c 1 {address}')  # expect: PY105:12


def _status(cmd):
    return commands.getstatusoutput(cmd)  # expect: PY105:12


def _green(bridge):
    cmd = 'ovs-vsctl del-br ' + bridge
    green_os.system(cmd)  # expect: PY105:5


def _link(device):
    cmd = BASE + ' link show ' + device
    return os.popen(cmd).read()  # expect: PY105:12


def _address(device):
    return os.popen(_ip + ' -o addr show dev ' + device).read()  # expect: PY105:12
