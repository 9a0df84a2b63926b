import random
import string
from random import choice


def _generate_vrrp_password(length=8):
    chars = string.ascii_letters + string.digits
    return ''.join(random.choice(chars) for _ in range(length))  # expect: PY309:20


def new_token():
    token = '%032x' % random.getrandbits(128)  # expect: PY309:23
    return token


def keepalived_config(router):
    return {
        'auth_type': 'PASS',
        'auth_password': ''.join(choice(string.hexdigits) for _ in range(8)),  # expect: PY309:34
    }


def set_secret(router):
    router.set_shared_secret(random.randint(0, 2**32))  # expect: PY309:30


def nonce_for(request):
    request.nonce = random.random()  # expect: PY309:21


def make_api_key():
    chars = [random.choice(string.ascii_letters) for _ in range(32)]  # expect: PY309:14
    api_key = ''.join(chars)
    return api_key


def create_user(client, name):
    return client.create(name=name, password=str(random.randrange(10**8)))  # expect: PY309:50


def rand_password(length=15):
    upper = random.choice(string.ascii_uppercase)  # expect: PY309:13
    digit = random.choice(string.digits)  # expect: PY309:13
    pre = upper + digit
    password = pre + ''.join(random.choice(string.ascii_letters) for x in range(length))  # expect: PY309:30
    return password


def _new_api_key():
    raw: str = ''.join(random.choices(string.hexdigits, k=32))  # expect: PY309:24
    api_key = raw.lower()
    return api_key


def session_token():
    sessionToken = random.getrandbits(64)  # expect: PY309:20
    return sessionToken
