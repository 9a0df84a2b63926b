import paramiko
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import rsa


def make_ovsdb_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: PY303:69


def make_positional():
    return rsa.generate_private_key(65537, 512)  # expect: PY303:44


def make_dsa():
    return dsa.generate_private_key(key_size=1024)  # expect: PY303:46


def make_ec():
    return ec.generate_private_key(ec.SECP192R1())  # expect: PY303:36


def make_ec_class():
    return ec.generate_private_key(curve=ec.SECT163K1)  # expect: PY303:42


def make_pycrypto():
    return RSA.generate(1024)  # expect: PY303:25


def make_ssh_key():
    return paramiko.RSAKey.generate(bits=1024)  # expect: PY303:42


def make_dss():
    return paramiko.DSSKey.generate()  # expect: PY303:12


LEGACY_BITS = 1024


def make_legacy_key():
    return RSA.generate(LEGACY_BITS)  # expect: PY303:25
