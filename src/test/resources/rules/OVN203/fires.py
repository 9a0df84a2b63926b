import http.client
import urllib.request

import httplib2
import requests
from requests import post as http_post


def notify_nova(url, events, headers):
    return requests.post(url, json=events, headers=headers)  # expect: OVN203:12


def fetch_metadata(url, headers, verify_cert):
    resp = requests.request(  # expect: OVN203:12
        method='GET', url=url, headers=headers, verify=verify_cert)
    return resp.content


def probe(url):
    return requests.head(url, timeout=None)  # expect: OVN203:12


def webhook(url, body):
    return http_post(url, data=body)  # expect: OVN203:12


def with_session(url, token):
    session = requests.Session()
    session.headers['X-Auth-Token'] = token
    return session.get(url)  # expect: OVN203:12


def with_context_session(url):
    with requests.Session() as s:
        return s.delete(url)  # expect: OVN203:16


class PlacementClientSketch:
    def __init__(self):
        self._session = requests.Session()

    def put_inventory(self, url, inventory):
        return self._session.put(url, json=inventory)  # expect: OVN203:16


def legacy_fetch(url):
    with urllib.request.urlopen(url) as response:  # expect: OVN203:10
        return response.read()


def legacy_conn(host):
    conn = http.client.HTTPSConnection(host, 443)  # expect: OVN203:12
    client = httplib2.Http()  # expect: OVN203:14
    return conn, client


class PlacementSketch:
    # A session made by a helper and kept on self: its origin says it is one.
    def __init__(self):
        self.client = self._make_client()

    def _make_client(self):
        return requests.Session()

    def get_inventory(self, url):
        return self.client.get(url)  # expect: OVN203:16
