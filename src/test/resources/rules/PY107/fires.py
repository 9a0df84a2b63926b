import os
import subprocess


def run_trace(args):
    return subprocess.run(args, check=True)  # expect: PY107:12


def dump(bridge):
    return subprocess.check_output(['ovs-ofctl', 'dump-flows', bridge])  # expect: PY107:12


def respawn(path, argv):
    os.execv(path, argv)  # expect: PY107:5


def spawn(binary):
    return os.spawnlp(os.P_WAIT, binary, binary, '--version')  # expect: PY107:12


def dump_tuple(bridge):
    return subprocess.check_output(('ovs-ofctl', 'dump-flows', bridge))  # expect: PY107:12
