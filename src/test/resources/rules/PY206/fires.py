from oslo_config import cfg

from neutron._i18n import _

designate_opts = [
    cfg.URIOpt('url', default='http://designate.example.org:9001/v2',  # expect: PY206:31
               help=_('URL for connecting to designate')),
    cfg.StrOpt('auth_url', default='http://keystone:5000/v3',  # expect: PY206:36
               help=_('Keystone endpoint.')),
    cfg.StrOpt('placement_endpoint',
               default='HTTP://10.0.0.5/placement',  # expect: PY206:24
               help=_('Placement endpoint.')),
    cfg.StrOpt('vtep_server', default='http://user@vtep.local:8080'),  # expect: PY206:39
]

KEYSTONE_HOST = 'keystone.example.org'

keystone_opts = [
    # The default is built from constants: folded, it is a clear-text URL.
    cfg.StrOpt('www_authenticate_uri',
               default='http://' + KEYSTONE_HOST + ':5000/v3'),  # expect: PY206:24
]
