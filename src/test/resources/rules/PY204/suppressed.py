def a(client):
    return client.connect(password='a-s3cr3t')  # nosec


def b(client):
    return client.connect(password='b-s3cr3t')  # noqa: S106


def c(client):
    return client.connect(password='c-s3cr3t')  # nosec B106


def d(client):
    return client.connect(password='d-s3cr3t')  # security-review: ignore[PY204]


ADMIN_PASSWORD = 'e-s3cr3t'  # noqa: S105


def f(client):
    return client.connect(password='f-s3cr3t')  # noqa: S108  # expect: PY204:36
