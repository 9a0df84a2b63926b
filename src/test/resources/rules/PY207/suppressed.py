import tarfile


def a(tar, dest):
    tar.extractall(dest)  # nosec


def b(tar, dest):
    tar.extractall(dest)  # noqa: S202


def c(tar, dest):
    tar.extractall(dest)  # nosec B202


def d(tar, dest):
    tar.extractall(dest)  # security-review: ignore[PY207]


def e(tar, dest):
    tar.extractall(dest)  # noqa: S306  # expect: PY207:5
