import socket
import ssl
from ssl import PROTOCOL_TLSv1_1

from OpenSSL import SSL


def connect_ovsdb(host, port):
    sock = socket.create_connection((host, port))
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)  # expect: PY304:46


def context():
    return ssl.SSLContext(ssl.PROTOCOL_SSLv3)  # expect: PY304:27


def imported_name():
    return ssl.SSLContext(PROTOCOL_TLSv1_1)  # expect: PY304:27


def pyopenssl_context():
    return SSL.Context(method=SSL.TLSv1_METHOD)  # expect: PY304:31


def connect(host, port, ssl_version=ssl.PROTOCOL_TLSv1):  # expect: PY304:37
    return ssl.SSLContext(ssl_version)


def connect_kw(host, *, method=SSL.SSLv3_METHOD):  # expect: PY304:32
    return SSL.Context(method)


def wrap(sock):
    return ssl.wrap_socket(sock)  # expect: PY304:12


def floor():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: PY304:27
    return ctx


PROTOCOLS = {
    'tlsv1': ssl.PROTOCOL_TLSv1,  # expect: PY304:14
    'tlsv1_2': ssl.PROTOCOL_TLSv1_2,
}
