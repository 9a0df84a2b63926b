from neutron._i18n import _
from oslo_config import cfg
from oslo_utils import strutils

PASSWORD = 'password'
TOKEN_HEADER = 'X-Auth-Token'
AUTH_TOKEN = 'X-Auth-Token'
AUTH_PLUGIN_PASSWORD = 'v3password'
OS_PASSWORD = 'OS_PASSWORD'
MASK_PASSWORD = '***'
_SANITIZED = {'password': '***', 'token': '<redacted>'}

OPTS = [
    cfg.StrOpt('password', secret=True,
               help=_('Password of the service user.')),
    cfg.StrOpt('metadata_proxy_shared_secret', default='', secret=True),
    cfg.StrOpt('password_file', default='/etc/neutron/ovn.passwd'),
]


def connect(client, host, conf, password=None, token=''):
    return client.connect(host, password=conf.password, token=token)


def describe(password_type='plain', token_type='bearer', use_token='yes'):
    return password_type, token_type, use_token


def render(conf):
    password_template = '%(password)s'
    secret = '{}'.format(conf.secret)
    password = _('Password')
    return password_template, secret, password


def masked(body):
    password = 'REDACTED'
    token = '${OS_TOKEN}'
    secret_key_file = '/etc/neutron/secret.key'
    return strutils.mask_password(body), password, token, secret_key_file


def key_path(conf):
    private_key = '/etc/ssl/private/ovn.key'
    return private_key


def is_password_auth(auth_type):
    return auth_type == 'password'


def reason():
    token = 'The token has expired, request a new one'
    return token


def bypass_mode():
    bypass = 'all'
    compass = 'north'
    return bypass, compass


def sample_values():
    private_key = 'north_pk'
    token = 'fake-token'
    password = 'dummy_password'
    return private_key, token, password


# Names of fields, not their values: a namespaced element, an extra-spec key, a metadata key.
ACCESS_TOKEN_ELEMENT = '{urn:vendor:api}AccessToken'
KMIP_SECRET_KEY = 'vendor:kmip_secret_key'
CHAP_SECRET_KEY = 'VENDOR_TARGET_CHAP_SECRET'

# Tables of labels or types: many entries, every value a literal.
COLUMNS = {
    'id': 'ID',
    'name': 'Name',
    'peer': 'Peer',
    'psk': 'Pre-shared Key',
    'mtu': 'MTU',
}
FIELD_TYPES = {
    'name': 'str',
    'size': 'int',
    'encrypted': 'bool',
    'secret_key': 'str',
    'crc': 'bool',
}


def hide(body):
    # Masking placeholders put in place of the secret.
    if 'password' in body:
        body['password'] = '**HIDDEN**'
    return body


def token_or_unknown(token):
    if token is None:
        token = 'Unknown'
    return token


def label():
    psk = 'Pre-shared Key'
    return psk


# A choice for a setting named otherwise, not a secret.
STYLE_LOGIN_PASSWORD = 'login_form'


class Session:
    def __init__(self, host, style=STYLE_LOGIN_PASSWORD):
        self.host = host
        self.style = style


GUEST_OPTS = [
    # The default names the field for the operator to fill.
    cfg.StrOpt('guest_password', default='password', secret=True),
]
