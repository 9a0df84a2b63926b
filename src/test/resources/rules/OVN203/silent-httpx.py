# httpx calls keep httpx's 5 s default unless they pass timeout=None.
import httpx


def post_event(url, body):
    return httpx.post(url, json=body)


def fetch(url, seconds):
    return httpx.get(url, timeout=seconds)


def fetch_configured(url, conf):
    return httpx.get(url, timeout=httpx.Timeout(conf.http_timeout))


class NotifierSketch:
    def __init__(self, base, seconds):
        self._client = httpx.Client(base_url=base, timeout=seconds)

    def notify(self, path, body):
        return self._client.put(path, json=body)


async def fetch_async(base, path):
    async with httpx.AsyncClient(base_url=base) as client:
        return await client.get(path)
