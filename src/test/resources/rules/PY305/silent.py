import urllib.parse
import urllib.request

import requests

NOVA_URL = 'http://169.254.169.254/openstack'


def literal():
    return urllib.request.urlopen('https://example.org/data.json', timeout=10)


def formatted(host, port):
    return urllib.request.urlopen('http://%s:%s/' % (host, port), timeout=10)


def fstring(host):
    return urllib.request.urlopen(f'https://{host}/v2/', timeout=10)


def concatenated(path):
    return urllib.request.urlopen('http://127.0.0.1:8775/' + path, timeout=10)


def local_variable(host):
    url = 'https://{}/latest'.format(host)
    return urllib.request.urlopen(url, timeout=10)


def module_constant():
    return urllib.request.urlopen(NOVA_URL, timeout=10)


def request_object(host, body):
    req = urllib.request.Request('https://%s/' % host, data=body)
    return urllib.request.urlopen(req, timeout=10)


def checked(url):
    if urllib.parse.urlparse(url).scheme not in ('http', 'https'):
        raise ValueError(url)
    return urllib.request.urlopen(url, timeout=10)


def checked_prefix(url):
    if not url.startswith(('http://', 'https://')):
        raise ValueError(url)
    return urllib.request.urlopen(url, timeout=10)


def with_requests(url):
    return requests.get(url, timeout=10)


def quoted(value):
    return urllib.parse.quote(value)


def checked_after(url):
    resp = urllib.request.urlopen(url, timeout=10)
    if not url.startswith('https://'):
        raise ValueError(url)
    return resp


def validated(url, token):
    # A validator that refuses the URL before it is opened.
    if not allowed_uri(url):
        raise ValueError(url)
    request = urllib.request.Request(url, headers={'X-Auth-Token': token})
    return urllib.request.build_opener().open(request)


def allowed_uri(url):
    return urllib.parse.urlparse(url).scheme in ('http', 'https')


class ArrayApi:
    def __init__(self, address):
        self.login_url = 'https://' + address + '/login'
        self.api_url = 'https://{}/api'.format(address)

    def login(self, body):
        return urllib.request.urlopen(urllib.request.Request(self.login_url, body), timeout=10)

    def get(self):
        return urllib.request.urlopen(self.api_url, timeout=10)
