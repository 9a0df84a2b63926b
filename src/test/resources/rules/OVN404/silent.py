import json
import os
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


def placement_get(adapter, url):
    # A method of an object the file does not show: its verify flag may mean anything.
    return adapter.get(url, verify=False)


class DiskFiles:
    def list_files(self, path, verify=True):
        return [path] if verify else []

    def cleanup(self, path, manager):
        self.list_files(path, verify=False)
        manager.list_files(path, verify=False)


def operator_switch(conf, url):
    # The deployment's own switch picks the branch.
    if conf.insecure:
        verify = False
    else:
        verify = conf.ca_file or True
    requests.get(url, verify=verify)
    if not conf.verify_ssl:
        return requests.get(url, verify=False)
    return requests.get(url, verify=conf.ca_file)


def socket_for(sock, insecure, ca_file):
    if insecure is True:
        return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED, ca_certs=ca_file)


class Uploader:
    def __init__(self, disable_validation=False):
        self.skip_checks = disable_validation

    def context(self):
        context = None
        if self.skip_checks:
            context = ssl._create_unverified_context()
        return context

    def mode(self, conf):
        return ssl.CERT_NONE if conf.no_verify else ssl.CERT_REQUIRED


def server_contexts(cert, key, conf):
    # A server that asks its clients for no certificate: the normal default.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.verify_mode = ssl.CERT_NONE
    other = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    other.check_hostname = False
    options = {'server_side': True, 'certfile': cert, 'cert_reqs': ssl.CERT_NONE}
    return ssl.wrap_socket(conf.sock, server_side=True, cert_reqs=ssl.CERT_NONE), options


def fingerprint(address):
    # Runs only when the deployment's settings turn verification off.
    app = json.loads(os.environ.get('APP_SETTINGS'))
    if app.get('verify_ca', True) or not address:
        return None
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx
