import random


def a():
    token = random.getrandbits(64)  # nosec
    return token


def b():
    token = random.getrandbits(64)  # nosec B311
    return token


def c():
    token = random.getrandbits(64)  # noqa: S311
    return token


def d():
    token = random.getrandbits(64)  # security-review: ignore[PY309]
    return token


def e():
    token = random.getrandbits(64)  # noqa: S324  # expect: PY309:13
    return token
