from oslo_config import cfg

from neutron._i18n import _

ovn_opts = [
    cfg.StrOpt('ovn_nb_private_key', default='',
               help=_('Path of the PEM key the northbound database client '
                      'presents')),
    cfg.StrOpt('nova_client_priv_key', default='',
               help=_('Key file that goes with the compute client certificate.')),
    cfg.StrOpt('ha_vrrp_auth_password', secret=True,
               help=_('Password the VRRP peers share')),
    cfg.StrOpt('password_file', help=_('File holding the password.')),
    cfg.StrOpt('ssl_key_file', help=_('SSL key file.')),
    cfg.IntOpt('token_cache_time', default=300),
    cfg.BoolOpt('use_token', default=False),
    cfg.StrOpt('auth_type', default='password'),
    cfg.StrOpt('admin_token_path', help=_('Token.')),
    cfg.StrOpt('metadata_secret', secret=SECRET_OPTIONS_MASKED),
    cfg.StrOpt('token_signing_key', help=_('Path to the token signing key.')),
    cfg.StrOpt('password',
               help=_('Entry point of the password authentication plugin.')),
]

SECRET_OPTIONS_MASKED = True
