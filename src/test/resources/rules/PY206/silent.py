from oslo_config import cfg

from neutron._i18n import _

opts = [
    cfg.URIOpt('url', default='https://designate.example.org:9001/v2'),
    cfg.StrOpt('nova_metadata_url', default='http://169.254.169.254'),
    cfg.StrOpt('health_check_url', default='http://127.0.0.1:9697/healthcheck'),
    cfg.StrOpt('local_endpoint', default='http://localhost:8080'),
    cfg.StrOpt('v6_endpoint', default='http://[::1]:8080'),
    cfg.StrOpt('auth_url', help=_('Keystone endpoint, e.g. http://keystone:5000')),
    cfg.StrOpt('nova_metadata_protocol', default='http'),
    cfg.StrOpt('template_url', default='http://%(host)s:9696'),
    cfg.StrOpt('docs_link', default='http://docs.openstack.org'),
]

DOCS_URL = 'http://docs.openstack.org/neutron'
