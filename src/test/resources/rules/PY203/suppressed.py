def a(pid):
    with open('/tmp/a.pid', 'w') as f:  # nosec
        f.write(pid)


def b(pid):
    with open('/tmp/b.pid', 'w') as f:  # noqa: S108
        f.write(pid)


def c(pid):
    with open('/tmp/c.pid', 'w') as f:  # nosec B108
        f.write(pid)


def d(pid):
    with open('/tmp/d.pid', 'w') as f:  # security-review: ignore[PY203]
        f.write(pid)


def e(pid):
    with open('/tmp/e.pid', 'w') as f:  # noqa: S306  # expect: PY203:15
        f.write(pid)
