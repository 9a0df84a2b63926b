from oslo_config import cfg

OVN_MANAGER_PASSWORD = 'ovn-s3cr3t'  # expect: PY204:24

OPTS = [
    cfg.StrOpt('ha_vrrp_auth_password', default='neutron-vrrp',  # expect: PY204:49
               secret=True),
]


def connect_manager(client, host, **kwargs):
    return client.connect(host, user='admin', password='s3cr3t')  # expect: PY204:56


def nova_session(loader, auth_url, admin_token='ADMIN'):  # expect: PY204:48
    return loader.load(auth_url, token=admin_token)


def check_proxy_secret(shared_secret):
    if shared_secret == 'changeme':  # expect: PY204:25
        raise ValueError('default secret')


class KeystoneClient:
    def __init__(self):
        self.adminPassword = 'password123'  # expect: PY204:30


def auth_headers():
    return {'X-Auth-Token': 'f00dcafe'}  # expect: PY204:29


def set_conf(conf):
    conf['metadata_proxy_shared_secret'] = 'metadata'  # expect: PY204:44


def manager_key():
    private_key = ('-----BEGIN RSA PRIVATE KEY-----\n'  # expect: PY204:20
                   'MIIEowIBAAKCAQEA\n')
    return private_key


def proxy_conf(conf):
    conf(metadata_proxy_shared_secret='secret')  # expect: PY204:39
    return connect_manager(conf, 'ovsdb', password='password')  # expect: PY204:52


class VendorClient:
    def __init__(self):
        self.AuthToken = 'a81f3c0de2'  # expect: PY204:26
        admin_password = 'secret'  # expect: PY204:26
        self.login(adminPassword=admin_password)  # expect: PY204:34
