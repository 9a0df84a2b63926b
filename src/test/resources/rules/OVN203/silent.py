import http.client
import urllib.request

import httplib2
import requests

TIMEOUT = 30


def notify_nova(url, events, headers, conf):
    return requests.post(url, json=events, headers=headers, timeout=conf.http_timeout)


def fetch(url, **kwargs):
    # The timeout may be in kwargs.
    return requests.get(url, **kwargs)


def with_session(url):
    session = requests.Session()
    return session.get(url, timeout=(3.05, TIMEOUT))


def not_requests(ports, port_id, client):
    # dict.get, a keystoneauth or novaclient session, a DB query: not requests.
    ports.get(port_id)
    client.get('/servers')
    return client.session.post('/os-server-external-events', json={})


def legacy_fetch(url):
    with urllib.request.urlopen(url, None, TIMEOUT) as response:
        return response.read()


def legacy_conn(host):
    conn = http.client.HTTPSConnection(host, 443, timeout=TIMEOUT)
    return conn, httplib2.Http(timeout=TIMEOUT)
