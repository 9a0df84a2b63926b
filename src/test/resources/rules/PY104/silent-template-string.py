# A template string (Python 3.14) is not a formatted command line: whatever runs it sees the
# interpolated values apart and can quote each one.
import subprocess


def show_link(runner, device):
    runner.run(t"ip link show {device}", shell=True)


def show_addresses(device):
    command = t"ip addr show dev {device}"
    return subprocess.run(command, shell=True, check=True)
