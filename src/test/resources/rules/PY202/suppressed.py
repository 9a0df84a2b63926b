import tempfile


def a():
    return tempfile.mktemp()  # nosec


def b():
    return tempfile.mktemp()  # noqa: S306


def c():
    return tempfile.mktemp()  # nosec B306


def d():
    return tempfile.mktemp()  # security-review: ignore[PY202]


def e():
    return tempfile.mktemp()  # noqa: S108  # expect: PY202:12
