import subprocess

from oslo_concurrency import processutils


def _a(cmd):
    return subprocess.call(cmd, shell=True)  # nosec


def _b(cmd):
    return subprocess.call(cmd, shell=True)  # nosec B602


def _c(cmd):
    return subprocess.call(cmd, shell=True)  # noqa: S602


def _d(cmd):
    return processutils.execute(cmd, shell=True)  # noqa: S604


def _e(cmd):
    return subprocess.call(cmd, shell=True)  # security-review: ignore[PY104]


def _f(cmd):
    return subprocess.call(cmd, shell=True)  # noqa: S603  # expect: PY104:12
