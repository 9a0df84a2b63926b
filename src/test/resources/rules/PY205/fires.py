from keystoneauth1 import loading
from oslo_config import cfg

from neutron._i18n import _

ovn_opts = [
    cfg.StrOpt('ovn_nb_manager_password',  # expect: PY205:16
               help=_('Password of the OVN NB manager user.')),
    cfg.StrOpt('metadata_proxy_shared_secret',  # expect: PY205:16
               default='',
               secret=False,
               help=_('Shared secret to sign instance-id requests.')),
    cfg.StrOpt('admin_token'),  # expect: PY205:16
    cfg.Opt('designate_api_key', help='API key for Designate.'),  # expect: PY205:13
    cfg.DictOpt('vtep_credentials',  # expect: PY205:17
                help=_('Credentials per VTEP switch.')),
]


def plugin_opts():
    return [loading.Opt('password', help='User password')]  # expect: PY205:25

SB_PASSWORD_OPT = 'ovn_sb_manager_password'

sb_opts = [
    # The option's name is a constant bound once: folded, it is a password option.
    cfg.StrOpt(SB_PASSWORD_OPT,  # expect: PY205:16
               help=_('Password of the OVN SB manager user.')),
]

vendor_opts = [
    # Mixed-case names are split into words as snake_case ones are.
    cfg.StrOpt('vendorApiToken', help=_('Token of the vendor REST API.')),  # expect: PY205:16
]
