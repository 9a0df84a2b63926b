import logging as std_logging

from oslo_config import cfg
from oslo_log import log as logging

LOG = logging.getLogger(__name__)
CONF = cfg.CONF


class OVNNovaNotifier:
    def __init__(self, conf):
        self._password = conf.nova.password
        self.log = LOG

    def _connect(self, conf, user, password):
        LOG.debug("Connecting to Nova as %s/%s", user, password)  # expect: OVN501:56
        LOG.info("Using credentials %(creds)s",
                 {'creds': conf.nova.auth_headers()})  # expect: OVN501:28
        LOG.info("Nova user %(user)s, password %(pw)s",
                 {'user': user,
                  'pw': self._password})  # expect: OVN501:25

    def _metadata(self):
        LOG.debug("Metadata proxy secret: %s",
                  CONF.metadata_proxy_shared_secret)  # expect: OVN501:19

    def _keystone(self, context, auth):
        LOG.warning("Request failed for token %s", context.auth_token)  # expect: OVN501:52
        LOG.error(f"Auth failed: {auth['password']}")  # expect: OVN501:35
        self.log.info("Auth plugin options: %s", auth.get('api_key'))  # expect: OVN501:50
        LOG.debug("Headers: %s", {'X-Auth-Token': context.auth_token})  # expect: OVN501:51

    def _ssl(self, ssl_key, private_key):
        LOG.log(std_logging.DEBUG, "Loaded key %s", private_key)  # expect: OVN501:53
        std_logging.info("TLS key: " + ssl_key.strip())  # expect: OVN501:40

    def _dict_keys(self, user, secret):
        LOG.exception("Cannot build client from %s",
                      dict(username=user, password=secret))  # expect: OVN501:52

    def _call(self):
        LOG.debug("Token for the session: %s", self._get_auth_token())  # expect: OVN501:48

    def _get_auth_token(self):
        return 'x'

    def _mixed_case(self, adminPassword, client):
        LOG.debug("Admin login with %s", adminPassword)  # expect: OVN501:42
        LOG.info("Session %s", client.AuthToken)  # expect: OVN501:32
        LOG.info("Keys %(k)s", {'k': client.secretKey})  # expect: OVN501:38

    def _template(self, auth):
        # A logged Template is written as its repr, which shows the interpolated value.
        LOG.error(t"Auth failed: {auth['password']}")  # expect: OVN501:35
