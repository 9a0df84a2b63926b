# A template string (Python 3.14) whose interpolated values are not secrets logs nothing secret.
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def report_login(user, password):
    LOG.info(t"Login for {user}: password set {password is not None}")
