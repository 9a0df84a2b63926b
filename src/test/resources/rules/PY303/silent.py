import paramiko
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.asymmetric import rsa
from oslo_config import cfg


def make_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def make_configured():
    return rsa.generate_private_key(65537, cfg.CONF.ovn.key_size)


def make_ec():
    return ec.generate_private_key(ec.SECP256R1())


def make_ed():
    return ed25519.Ed25519PrivateKey.generate()


def make_pycrypto():
    return RSA.generate(4096)


def make_ssh_key():
    return paramiko.RSAKey.generate(bits=2048)


def unrelated(generator):
    return generator.generate(1024)
