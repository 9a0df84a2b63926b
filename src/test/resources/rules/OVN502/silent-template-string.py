# A template string (Python 3.14) whose interpolated values are fields of a resource, not the
# whole resource, logs only those fields.
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class Driver:
    def update_port_postcommit(self, context):
        port = context.current
        LOG.info(t"Port {port['id']} updated on {context.host}")
