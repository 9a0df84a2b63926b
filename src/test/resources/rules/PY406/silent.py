import os
import pathlib
import stat
import stat as st
from stat import S_IWOTH as OTHERS_WRITE

CFG_MODE = 0o640


def write_cfg(path):
    os.chmod(path, 0o600)
    os.chmod(path, CFG_MODE)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP)


def scripts(path):
    # Group execute is the normal mode of scripts and directories (Ruff flags it).
    os.chmod(path, 0o755)
    os.chmod(path, 0o750)


def group_shared(path):
    os.chmod(path, 0o660)
    os.chmod(path, 0o2770)


def decimal_spelling(path):
    # 420 is 0o644, written in decimal on purpose.
    os.chmod(path, 420)


def dynamic(path, mode):
    os.chmod(path, mode)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def restricted(path):
    os.chmod(path, 0o777 & ~0o022 & ~0o005)


def mkdirs(path):
    # Filtered through the umask; 0o777 is the default.
    os.makedirs(path, mode=0o777, exist_ok=True)
    os.mkdir(path, 0o777)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o666)
    os.close(fd)


def umasks():
    old = os.umask(0o022)
    os.umask(0o077)
    os.umask(old)


def path_chmod(path):
    pathlib.Path(path).chmod(0o644)


def helper_chmod(utils, path):
    # Another signature: left alone.
    utils.chmod(path, 0o777)


def aliased_restricted(path):
    os.chmod(path, st.S_IRWXU | st.S_IRGRP)
    os.chmod(path, 0o777 & ~OTHERS_WRITE & ~st.S_IWGRP)
    os.umask(st.S_IRWXG | st.S_IRWXO)
    os.umask(~st.S_IRWXU & 0o777)


def aliased_mkdirs(path):
    # Filtered through the umask, as above.
    os.makedirs(path, st.S_IRWXU | st.S_IRWXG | st.S_IRWXO)
