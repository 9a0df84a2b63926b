from Crypto.Cipher import AES
from Crypto.Cipher import DES
from cryptography.hazmat.primitives.ciphers import modes


def a(key):
    return DES.new(key, DES.MODE_CBC)  # nosec


def b(key):
    return AES.new(key, AES.MODE_ECB)  # nosec B305


def c():
    return modes.ECB()  # noqa: S305


def d(key):
    return DES.new(key, DES.MODE_CBC)  # security-review: ignore[PY302]


def e(key):
    return DES.new(key, DES.MODE_CBC)  # noqa: S324  # expect: PY302:12
