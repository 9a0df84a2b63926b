import ssl
import urllib.parse
import urllib.request

from keystoneauth1 import session as ks_session
from novaclient import client as nova_client
import requests


def fetch_metadata(url, headers, body):
    return requests.request('GET', url, headers=headers, data=body,
                            verify=False, timeout=60)  # expect: OVN404:29


def make_session(auth):
    return ks_session.Session(auth=auth, verify=False)  # expect: OVN404:42


def make_nova(sess, region):
    return nova_client.Client('2.1', session=sess, region_name=region,
                              insecure=True)  # expect: OVN404:31


def open_designate(url):
    ctx = ssl._create_unverified_context()  # expect: OVN404:11
    return urllib.request.urlopen(url, context=ctx, timeout=30)


def patch_default_context():
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: OVN404:41


def ovsdb_ssl_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False  # expect: OVN404:5
    ctx.verify_mode = ssl.CERT_NONE  # expect: OVN404:5
    ctx.load_cert_chain(cert, key)
    return ctx


def wrap(sock):
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)  # expect: OVN404:34


def catalog_get(url):
    verify = False
    return requests.get(url, verify=verify)  # expect: OVN404:30


class ArrayClient:
    def __init__(self, host):
        self.host = host
        self.http = requests.Session()

    def call(self, method, path, body=None):
        url = 'https://%s/%s' % (self.host, path)
        # Both branches switch it off: the method chooses nothing about TLS.
        if method == 'post':
            return self.http.post(url, json=body, verify=False)  # expect: OVN404:51
        return self.http.get(url, verify=False)  # expect: OVN404:35


def connect_manager(conf):
    # No CA configured means no verification at all, instead of the system's CA bundle.
    if conf.ca_file:
        return nova_client.Client('2.1', cacert=conf.ca_file)
    else:
        return requests.get(conf.url, verify=False)  # expect: OVN404:39


def probe_https(url):
    # The scheme is computed from the URL: nothing the operator chose.
    if urllib.parse.urlparse(url).scheme != 'https':
        return None
    return requests.get(url, verify=False)  # expect: OVN404:30
