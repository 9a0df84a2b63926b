import ssl

from keystoneauth1 import session as ks_session
from oslo_config import cfg
import requests
import urllib3


def fetch_metadata(conf, url, headers):
    insecure = conf.nova_metadata_insecure
    if conf.auth_ca_cert and not insecure:
        verify_cert = conf.auth_ca_cert
    else:
        verify_cert = not insecure
    return requests.request('GET', url, headers=headers, verify=verify_cert,
                            timeout=60)


def make_session(auth, conf):
    return ks_session.Session(auth=auth, verify=not conf.insecure)


def nova_client(sess):
    return sess.get('/servers', insecure=cfg.CONF.nova.insecure)


def is_unverified(ctx):
    if ctx.verify_mode == ssl.CERT_NONE:
        return True
    return ctx.check_hostname is False


def secure_context(ca_file):
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    return ctx


def verify_ok(sess, url):
    return sess.get(url, verify=True)


def quiet():
    # Only a hint: the warning is hidden, verification itself is untouched.
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def row_verify(row):
    row.verify('external_ids')


def catalog_get(url, conf):
    verify = False
    if conf.ca_file:
        verify = conf.ca_file
    return requests.get(url, verify=verify)
