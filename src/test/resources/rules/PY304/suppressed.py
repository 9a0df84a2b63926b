import ssl


def a():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # nosec


def b():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # nosec B502


def c(sock):
    return ssl.wrap_socket(sock)  # noqa: S504


def d(version=ssl.PROTOCOL_TLSv1):  # noqa: S503
    return version


def e():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # security-review: ignore[PY304]


def f():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa: S501  # expect: PY304:27
