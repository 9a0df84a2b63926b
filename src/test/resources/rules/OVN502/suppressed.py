from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def create_port_postcommit(context):
    LOG.info("Created port %s", context.current)  # nosec
    LOG.info("Created port %s", context.current)  # security-review: ignore[OVN502]
    LOG.info("Created port %s", context.current)  # noqa: OVN502
    LOG.info("Created port %s", context.current)  # security-review: ignore[OVN501]  # expect: OVN502:33
