import os


def _a(cmd):
    os.system(cmd)  # nosec


def _b(cmd):
    os.system(cmd)  # nosec B605


def _c(cmd):
    os.system(cmd)  # noqa: S605


def _d(cmd):
    os.system(cmd)  # security-review: ignore[PY105]


def _e(cmd):
    os.system(cmd)  # noqa: S602  # expect: PY105:5
