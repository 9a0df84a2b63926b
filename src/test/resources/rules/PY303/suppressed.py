from cryptography.hazmat.primitives.asymmetric import rsa


def a():
    return rsa.generate_private_key(65537, 1024)  # nosec


def b():
    return rsa.generate_private_key(65537, 1024)  # nosec B505


def c():
    return rsa.generate_private_key(65537, 1024)  # noqa: S505


def d():
    return rsa.generate_private_key(65537, 1024)  # security-review: ignore[PY303]


def e():
    return rsa.generate_private_key(65537, 1024)  # nosec B324  # expect: PY303:44
