from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def connect(user, password):
    LOG.debug("Connecting as %s/%s", user, password)  # nosec
    LOG.debug("Connecting as %s/%s", user, password)  # security-review: ignore[OVN501]
    LOG.debug("Connecting as %s/%s", user, password)  # nosec OVN501
    LOG.debug("Connecting as %s/%s", user, password)  # noqa: OVN501
    LOG.debug("Connecting as %s/%s", user, password)  # noqa: OVN502  # expect: OVN501:44
