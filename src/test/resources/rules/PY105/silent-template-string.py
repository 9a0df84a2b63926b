# A template string (Python 3.14) is a Template, not a command line: no value is formatted into a
# string for the shell; whatever runs it sees each interpolated value apart and can quote it.
import os
import subprocess


def set_mtu(device, mtu):
    os.system(t"ip link set {device} mtu {mtu}")


def probe(address):
    command = t"arping -c 1 {address}"
    return subprocess.getoutput(command)
