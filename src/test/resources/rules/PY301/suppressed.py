import hashlib


def a(data):
    return hashlib.md5(data).hexdigest()  # nosec


def b(data):
    return hashlib.md5(data).hexdigest()  # nosec B324


def c(data):
    return hashlib.sha1(data).hexdigest()  # noqa: S324


def d(data):
    return hashlib.sha1(data).hexdigest()  # security-review: ignore[PY301]


def e(data):
    return hashlib.sha1(data).hexdigest()  # noqa: S311  # expect: PY301:12
