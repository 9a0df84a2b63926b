import os


def open_up(path):
    os.chmod(path, 0o777)  # nosec
    os.chmod(path, 0o777)  # nosec B103
    os.chmod(path, 0o777)  # noqa: S103
    os.chmod(path, 0o777)  # security-review: ignore[PY406]
    os.chmod(path, 0o777)  # noqa: S104  # expect: PY406:20
