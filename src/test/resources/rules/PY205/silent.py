from oslo_config import cfg

from neutron._i18n import _

ovn_opts = [
    cfg.StrOpt('ovn_nb_private_key', default='',
               help=_('The PEM file with private key for SSL connection to '
                      'OVN-NB-DB')),
    cfg.StrOpt('nova_client_priv_key', default='',
               help=_('Private key of client certificate.')),
    cfg.StrOpt('ha_vrrp_auth_password', secret=True,
               help=_('VRRP authentication password')),
    cfg.StrOpt('password_file', help=_('File holding the password.')),
    cfg.StrOpt('ssl_key_file', help=_('SSL key file.')),
    cfg.IntOpt('token_cache_time', default=300),
    cfg.BoolOpt('use_token', default=False),
    cfg.StrOpt('auth_type', default='password'),
    cfg.StrOpt('admin_token_path', help=_('Token.')),
    cfg.StrOpt('metadata_secret', secret=SECRET_OPTIONS_MASKED),
    cfg.StrOpt('token_signing_key', help=_('Path to the token signing key.')),
]

SECRET_OPTIONS_MASKED = True
