import ftplib
import telnetlib
from ftplib import FTP
from telnetlib import Telnet as T


def configure_switch(switch_ip, password):
    conn = telnetlib.Telnet(switch_ip, 23, timeout=30)  # expect: PY306:12
    conn.write(password.encode() + b'\n')
    return conn


def aliased(switch_ip):
    return T(switch_ip, timeout=30)  # expect: PY306:12


def fetch_config(host, user, password):
    ftp = ftplib.FTP(host, timeout=30)  # expect: PY306:11
    ftp.login(user, password)
    return ftp


def fetch_from(host):
    return FTP(host)  # expect: PY306:12
