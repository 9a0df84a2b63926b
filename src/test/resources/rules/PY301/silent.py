import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from oslo_utils import secretutils


def _port_cache_key(port):
    return hashlib.md5(port['id'].encode(), usedforsecurity=False).hexdigest()


def etag(body):
    return secretutils.md5(body, usedforsecurity=False).hexdigest()


def legacy(data):
    return hashlib.new('sha1', data, usedforsecurity=False).hexdigest()


def scheduler_weight(name):
    return int(hashlib.sha512(name.encode()).hexdigest(), 16)


def sign(secret, instance_id):
    return hmac.new(secret, instance_id, hashlib.sha256).hexdigest()


def legacy_hmac(secret, msg):
    # HMAC does not rely on collision resistance; a reference is not a call.
    return hmac.new(secret, msg, hashlib.sha1).hexdigest()


def by_name(algorithm, data):
    return hashlib.new(algorithm, data).hexdigest()


def blake(address):
    return hashlib.blake2b(address.encode(), digest_size=20).hexdigest()


def modern_digest(cert):
    return cert.fingerprint(hashes.SHA256())


class Hasher:
    def md5(self, data):
        return data

    def run(self, data):
        return self.md5(data)


def get_cache_fname(image_id):
    # SHA-1 only names a cache file: FIPS allows it and nothing relies on it.
    return hashlib.sha1(image_id.encode('utf-8')).hexdigest()


def cert_fingerprint(cert):
    return cert.fingerprint(hashes.SHA1())


def expected_length():
    return hashlib.sha1().digest_size * 2


NOT_FOR_SECURITY = False


def flag_through_constant(data):
    return hashlib.md5(data, usedforsecurity=NOT_FOR_SECURITY).hexdigest()
