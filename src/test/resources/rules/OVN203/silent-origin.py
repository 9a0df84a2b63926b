import requests


class PlacementSketch:
    def __init__(self):
        self.client = self._make_client()

    def _make_client(self):
        return requests.Session()

    def get_inventory(self, url):
        return self.client.get(url, timeout=30)


class Cache:
    def get(self, key):
        return key


class CachedPlacement:
    # The same attribute name, holding an object of this file: no HTTP session.
    def __init__(self):
        self.client = Cache()
        self.session = {}

    def get_inventory(self, url):
        return self.client.get(url), self.session.get(url)
