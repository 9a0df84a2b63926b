import crypt
import hashlib
import hashlib as hl
from hashlib import sha1

from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes
from oslo_utils import secretutils


def _port_cache_key(port):
    return hashlib.md5(port['id'].encode()).hexdigest()  # expect: PY301:12


def sign_instance_id(secret, instance_id):
    return hashlib.sha1(secret + instance_id).hexdigest()  # expect: PY301:12


def _lsp_fingerprint(port):
    digest = hl.md5(str(port).encode())  # expect: PY301:14
    return digest.hexdigest()


def _name_for(network_id):
    return 'ovn-' + hl.md5(network_id.encode()).hexdigest()[:10]  # expect: PY301:21


def verify_signature(secret, body, signature):
    return sha1(secret + body).hexdigest() == signature  # expect: PY301:12


def check_password(stored, password):
    h = hashlib.new('MD5')  # expect: PY301:21
    h.update(password.encode())
    return h.hexdigest() == stored


def legacy_sha(data):
    return hashlib.new(name='sha1', data=data).digest()  # expect: PY301:29


def oslo_md5(body):
    return secretutils.md5(body).hexdigest()  # expect: PY301:12


def pycrypto_md5(data):
    return MD5.new(data).hexdigest()  # expect: PY301:12


def sign_payload(private_key, padding, data):
    return private_key.sign(data, padding.PKCS1v15(), hashes.SHA1())  # expect: PY301:55


def hash_password(password):
    return crypt.crypt(password, crypt.METHOD_MD5)  # expect: PY301:34


DIGEST = 'md5'


def digest_by_constant(data):
    return hashlib.new(DIGEST, data).hexdigest()  # expect: PY301:24


def image_checksum(data):
    # A checksum guards integrity: a security use, whatever its name.
    return hashlib.sha1(data).hexdigest()  # expect: PY301:12
