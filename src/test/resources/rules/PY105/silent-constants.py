import os

BASE = 'ip'
_ip = 'ip'
_link_show = _ip + ' link show'


def _links():
    cmd = BASE + ' link show'
    return os.popen(cmd).read()


def _addresses():
    return os.popen(_ip + ' -o addr show').read()


def _module_command():
    return os.popen(_link_show).read()
