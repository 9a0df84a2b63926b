import random
import secrets
import string
import time


def start_with_jitter(interval):
    time.sleep(random.randint(0, interval))


def pick_agents(agents, count):
    return random.sample(agents, count)


def spread(hosts):
    random.shuffle(hosts)
    return hosts


def backoff(attempt):
    delay = min(60, 2 ** attempt) + random.uniform(0, 1)
    return delay


def choose_key(cache):
    key = random.choice(list(cache))
    return cache[key]


def _generate_password(length=8):
    chars = string.ascii_letters + string.digits
    return ''.join(secrets.choice(chars) for _ in range(length))


def system_token():
    rng = random.SystemRandom()
    token = ''.join(rng.choice(string.hexdigits) for _ in range(32))
    return token


def random_name(prefix):
    return prefix + ''.join(random.choice(string.ascii_lowercase) for _ in range(8))


def token_bucket_delay(tokens):
    # Names with "token" in a non-secret sense do not see the random value here.
    wait = random.random() * tokens
    return wait


def fetch_token(session):
    delay = random.uniform(0, 1)
    time.sleep(delay)
    token = session.get_token()
    return token


def pick_configured_key(keys):
    # An id that picks one of the configured keys is no secret.
    auth_key_id = random.choice(sorted(keys))
    auth_key = keys[auth_key_id]
    return auth_key
