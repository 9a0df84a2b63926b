import paramiko


def a(client, name):
    return client.exec_command('ip link show ' + name)  # nosec


def b(client, name):
    return client.exec_command('ip link show ' + name)  # nosec B601


def c(client, name):
    return client.exec_command('ip link show ' + name)  # noqa: S601


def d(client, name):
    return client.exec_command('ip link show ' + name)  # security-review: ignore[PY308]


def e(client, name):
    return client.exec_command('ip link show ' + name)  # noqa: S602  # expect: PY308:32


def connect():
    return paramiko.SSHClient()
