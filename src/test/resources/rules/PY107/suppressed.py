import os
import subprocess


def a(args):
    return subprocess.run(args)  # nosec


def b(args):
    return subprocess.run(args)  # noqa: S603


def c(path, args):
    os.execv(path, args)  # noqa: S606


def d(args):
    return subprocess.run(args)  # security-review: ignore[PY107]


def e(args):
    return subprocess.run(args)  # noqa: S607  # expect: PY107:12
