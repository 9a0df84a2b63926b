import os
import subprocess

SYNC = 'sync'


def _sync():
    os.system('sync')
    os.system(SYNC)


def _uptime():
    return subprocess.getoutput('uptime')


def _local():
    cmd = 'ip -o link show'
    return os.popen(cmd).read()


def _not_a_shell(path):
    return os.path.exists(path)


class Shell(object):
    def system(self, cmd):
        return self._run(cmd)


def _method(shell, cmd):
    return shell.system(cmd)
