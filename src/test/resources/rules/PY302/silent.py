import os

from Crypto.Cipher import AES
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.ciphers import modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class Blowfish:
    @staticmethod
    def new(key):
        return key


def gcm(key, data):
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)


def hazmat_cbc(key, iv):
    return Cipher(algorithms.AES(key), modes.CBC(iv))


def aead(key, data):
    return AESGCM(key).encrypt(os.urandom(12), data, None)


def fernet(key, data):
    return Fernet(key).encrypt(data)


def lookalike(self, key):
    self.des = Blowfish.new(key)
    return self.des


def mode_name(mode):
    return mode == 'ECB'
