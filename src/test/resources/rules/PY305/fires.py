import urllib.request
from urllib import request
from urllib.request import urlopen

from six.moves.urllib import request as six_request


def fetch_metadata(url):
    with urllib.request.urlopen(url, timeout=10) as resp:  # expect: PY305:10
        return resp.read()


def fetch_image(image):
    return urlopen(image['location'], timeout=10).read()  # expect: PY305:12


def download(conf, path):
    request.urlretrieve(conf.ovn.bootstrap_url, path)  # expect: PY305:5


def build_request(endpoint, body):
    req = urllib.request.Request(endpoint, data=body)
    return urllib.request.urlopen(req, timeout=10)  # expect: PY305:12


def templated(scheme, host):
    url = '%s://%s/openstack' % (scheme, host)
    return urllib.request.urlopen(url, timeout=10)  # expect: PY305:12


def six_fetch(url):
    return six_request.urlopen(url, timeout=10)  # expect: PY305:12


def legacy(url):
    return urllib.request.URLopener().open(url)  # expect: PY305:12


class Client:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def get(self):
        # Whatever scheme the caller's endpoint has.
        return urllib.request.urlopen(self.endpoint, timeout=10)  # expect: PY305:16


def warned_only(url, log):
    if not url.lower().startswith('http'):
        log.warning('odd URL %s', url)
    req = urllib.request.Request(url)  # expect: PY305:11
    return urllib.request.build_opener().open(req)
