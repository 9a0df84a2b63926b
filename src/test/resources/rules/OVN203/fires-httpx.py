# httpx times out after 5 s by default: only an explicit timeout=None turns that off.
import httpx
from httpx import AsyncClient


def post_event(url, body):
    return httpx.post(url, json=body, timeout=None)  # expect: OVN203:12


def fetch_quietly(url):
    return httpx.get(url, timeout=httpx.Timeout(None))  # expect: OVN203:12


def fetch_from(base, path):
    # Turns the default off for every request the client makes.
    with httpx.Client(base_url=base, timeout=None) as client:  # expect: OVN203:10
        return client.get(path)


class NotifierSketch:
    def __init__(self, base):
        self._client = httpx.Client(base_url=base)

    def notify(self, path, body):
        return self._client.put(path, json=body, timeout=None)  # expect: OVN203:16


async def stream_from(base, path):
    async with AsyncClient(base_url=base) as client:
        return await client.request('GET', path, timeout=None)  # expect: OVN203:22
