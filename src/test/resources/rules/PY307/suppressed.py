import paramiko


def a(client):
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # nosec


def b(client):
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # nosec B507


def c(client):
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # noqa: S507


def d(client):
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # security-review: ignore[PY307]


def e(client):
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # nosec B601  # expect: PY307:40
