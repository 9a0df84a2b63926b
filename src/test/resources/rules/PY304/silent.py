import ssl

from OpenSSL import SSL


def context():
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def server():
    return ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)


def default(sock, host):
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx.wrap_socket(sock, server_hostname=host)


def pinned(sock):
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)


def negotiate():
    return SSL.Context(SSL.SSLv23_METHOD)


def legacy_negotiate():
    return ssl.SSLContext(ssl.PROTOCOL_SSLv23)


def is_old(ctx):
    if ctx.protocol == ssl.PROTOCOL_TLSv1:
        return True
    return ctx.protocol in (ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_1)


def eventlet_wrap(sock, wrapper):
    return wrapper.wrap_socket(sock)
