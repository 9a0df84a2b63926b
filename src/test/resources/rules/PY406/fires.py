import os
import pathlib
import stat
import stat as st
from stat import S_IWOTH
from stat import S_IRWXO as ALL_OTHERS

HAPROXY_CFG_MODE = 0o666


def write_haproxy_cfg(path, content):
    with open(path, "w") as f:
        f.write(content)
    os.chmod(path, 0o777)  # expect: PY406:20


def write_metadata_socket(sock_path):
    os.chmod(sock_path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IROTH | S_IWOTH)  # expect: PY406:25


def write_pid(path):
    os.chmod(path, HAPROXY_CFG_MODE)  # expect: PY406:20


def make_helper_setuid(path):
    os.chmod(path, stat.S_ISUID | stat.S_IRWXU)  # expect: PY406:20


def share_dir(path):
    pathlib.Path(path).chmod(0o1777)  # expect: PY406:30


def fix_perms(fd):
    os.fchmod(fd, mode=0o646)  # expect: PY406:24


def typo_mode(path):
    os.chmod(path, 755)  # expect: PY406:20


def daemonize():
    os.setsid()
    os.umask(0)  # expect: PY406:14


SOCKET_MODE = stat.S_IRWXU | stat.S_IRWXO


def write_socket(path):
    os.chmod(path, SOCKET_MODE)  # expect: PY406:20


def write_local_mode(path):
    mode = 0o777
    os.chmod(path, mode)  # expect: PY406:20


def aliased_module(path):
    # Constants resolve through the import, whatever it is called.
    os.chmod(path, st.S_IRWXU | st.S_IWOTH)  # expect: PY406:20


def aliased_constant(path):
    os.chmod(path, st.S_IRWXU + ALL_OTHERS)  # expect: PY406:20


def masked_but_open(path):
    os.chmod(path, (st.S_IRWXU | st.S_IRWXG | st.S_IRWXO) & ~st.S_IXOTH)  # expect: PY406:20


def aliased_umask():
    os.umask(st.S_IWGRP | st.S_IXOTH)  # expect: PY406:14
