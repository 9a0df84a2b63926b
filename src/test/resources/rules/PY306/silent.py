import ftplib

import paramiko


def secure_ftp(host, user, password):
    ftp = ftplib.FTP_TLS(host, timeout=30)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp


def retrieve(ftp, name):
    try:
        return ftp.retrbinary('RETR ' + name, print)
    except ftplib.all_errors:
        raise ftplib.error_perm('cannot fetch %s' % name)


def ssh(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, timeout=30)
    return client


class Telnet:
    pass


def local_class():
    return Telnet()
