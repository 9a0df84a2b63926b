import ftplib
import telnetlib


def a(host):
    return telnetlib.Telnet(host)  # nosec


def b(host):
    return telnetlib.Telnet(host)  # nosec B312


def c(host):
    return ftplib.FTP(host)  # noqa: S321


def d(host):
    return ftplib.FTP(host)  # noqa: S402


def e(host):
    return ftplib.FTP(host)  # security-review: ignore[PY306]


def f(host):
    return ftplib.FTP(host)  # noqa: S310  # expect: PY306:12
