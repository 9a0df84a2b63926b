import pwd

from oslo_config import cfg
from oslo_log import log as logging
from oslo_utils import strutils

LOG = logging.getLogger(__name__)
CONF = cfg.CONF


class OVNNovaNotifier:
    def _connect(self, conf, user, password, token_id, password_file):
        # Masked values are fine.
        LOG.debug("Request: %s", strutils.mask_password(conf.request_body))
        LOG.debug("Options: %s", strutils.mask_dict_password({'password': password}))
        # Names that describe a secret without holding it.
        LOG.info("Token %s expired", token_id)
        LOG.info("Reading password from %s", password_file)
        LOG.info("Barbican secret %s", conf.secret_ref)
        LOG.info("Password length %d", len(password))
        LOG.info("Password set: %s", bool(password))
        LOG.info("Password missing: %s", password is None)
        LOG.info("Has token: %s", conf.has_token)
        LOG.info("Auth type %s, password set: %s", conf.auth_type, 'yes' if password else 'no')
        # Fields of a credential object that are not the secret.
        LOG.info("Connecting as %s", conf.credentials.username)
        LOG.info("Project %s", conf.creds['project_id'])
        LOG.info("Key pair %s", conf.token.get('id'))
        # Literal placeholders are not secrets.
        LOG.info("Connect with %(user)s", {'user': user, 'password': '***'})
        LOG.info("Token %(token)s expired", {'token': token_id})
        LOG.info("Password file %s", dict(password=password_file))

    def _ovn_ssl(self):
        # These OVN options hold the path of the key file.
        LOG.info("NB private key file: %s", CONF.ovn.ovn_nb_private_key)
        LOG.info("SB private key file: %s", CONF.ovn.ovn_sb_private_key)

    def _not_logging(self, notifier, context, password):
        # Not logging calls.
        notifier.info(context, 'port.create', {'password': password})
        print(password)
        LOG.debug("uid %s", pwd.getpwnam('neutron').pw_uid)
        token = context.auth_token
        return token


class PolicyChecks:
    def check(self, context, action, target):
        # Policy credentials are user, project and role ids, not secrets.
        LOG.debug("Denied %(creds)s", {'creds': context.to_policy_values()})
        creds = context.to_policy_values()
        LOG.debug("Denied %s", creds)

    def enforce(self, credentials, action, target):
        LOG.debug("Checking %(a)s for %(c)s", {'a': action, 'c': credentials})
        self._enforcer.enforce(action, target, credentials)


class Secrets:
    def expired(self, token, now):
        # An object the code reads fields of prints as its class says, not as the token.
        if token.expires_at < now:
            LOG.warning("Token %s has expired", token)

    def delete(self, client, ids):
        # The key labels the value; the value's own name says it is an id.
        for item in ids:
            LOG.error("Cannot delete credential %(credential)s", {'credential': item})

    def key_files(self):
        LOG.warning("Check %s", self.path_to_private_key)
        LOG.info("Reading %s", self.adminPasswordFile)

    def unlock(self, device):
        # Known constants: the source shows them already.
        for password in ('', 'NULL'):
            LOG.info("Unlocking %s with %r failed", device, password)

    def _without_password(self, creds):
        shown = dict(creds)
        shown.pop('password')
        return shown

    def report(self, creds):
        LOG.info("Using %s", self._without_password(creds))
        shown = self._without_password(creds)
        LOG.info("Using %s", shown)

    def ec2(self, access_key):
        # The access key is the public half of an EC2 credential.
        LOG.error("Cannot delete the credentials of access key %s", access_key)
