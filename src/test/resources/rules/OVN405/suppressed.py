import socket


def listeners(port):
    a = socket.socket()
    a.bind(('0.0.0.0', port))  # nosec
    b = socket.socket()
    b.bind(('0.0.0.0', port))  # nosec B104
    c = socket.socket()
    c.bind(('0.0.0.0', port))  # noqa: S104
    d = socket.socket()
    d.bind(('0.0.0.0', port))  # security-review: ignore[OVN405]
    e = socket.socket()
    e.bind(('0.0.0.0', port))  # noqa: S501  # expect: OVN405:13
    return a, b, c, d, e
