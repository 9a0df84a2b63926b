from Crypto.Cipher import AES
from Crypto.Cipher import ARC4
from Crypto.Cipher import DES
from Cryptodome.Cipher import Blowfish
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.ciphers import modes


def encrypt_switch_password(key, password):
    cipher = DES.new(key, DES.MODE_CBC)  # expect: PY302:14
    return cipher.encrypt(password)


def stream(key, data):
    return ARC4.new(key).encrypt(data)  # expect: PY302:12


def blowfish(key, data):
    return Blowfish.new(key, Blowfish.MODE_CBC).encrypt(data)  # expect: PY302:12


def aes_ecb(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(data)  # expect: PY302:25


def aes_ecb_keyword(key, data):
    return AES.new(key, mode=AES.MODE_ECB).encrypt(data)  # expect: PY302:30


def hazmat_ecb(key):
    return Cipher(algorithms.AES(key), modes.ECB())  # expect: PY302:40


def hazmat_rc4(key):
    return Cipher(algorithms.ARC4(key), mode=None)  # expect: PY302:19


def hazmat_3des(key, iv):
    return Cipher(algorithms.TripleDES(key), modes.CBC(iv))  # expect: PY302:19
