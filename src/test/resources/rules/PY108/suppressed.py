import subprocess


def a():
    return subprocess.check_output(['ovs-vsctl', 'show'])  # nosec


def b():
    return subprocess.check_output(['ovs-vsctl', 'show'])  # noqa: S607


def c():
    return subprocess.check_output(['ovs-vsctl', 'show'])  # nosec B607


def d():
    return subprocess.check_output(['ovs-vsctl', 'show'])  # security-review: ignore[PY108]


def e():
    return subprocess.check_output(['ovs-vsctl', 'show'])  # noqa: S603  # expect: PY108:37
