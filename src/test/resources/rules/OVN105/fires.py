import logging

import requests
import webob
import webob.dec

LOG = logging.getLogger(__name__)


class InstanceMetadataProxy:

    @webob.dec.wsgify(RequestClass=webob.Request)
    def __call__(self, req):
        return self._relay(req.path_info, req)

    def _relay(self, path, incoming):
        # The helper's request is the one the handler received.
        outgoing = {
            'X-Instance-ID': incoming.headers.get('X-Instance-ID'),  # expect: OVN105:30
            'X-Tenant-ID': incoming.headers['X-Tenant-ID'],  # expect: OVN105:28
            'X-Forwarded-For': incoming.headers.get('X-Forwarded-For'),
        }
        signature = incoming.environ.get('HTTP_X_INSTANCE_ID_SIGNATURE')
        outgoing['X-Instance-ID-Signature'] = signature  # expect: OVN105:47
        return requests.get(self.upstream + path, headers=outgoing, timeout=10)


class PassThroughProxy:

    @webob.dec.wsgify
    def handle(self, request):
        return requests.request(
            request.method, self.upstream, data=request.body,
            headers=request.headers, timeout=10)  # expect: OVN105:21

    def relay_copy(self, request: webob.Request):
        forwarded = dict(request.headers)
        forwarded['Host'] = self.upstream_host
        return requests.get(self.upstream, headers=forwarded, timeout=10)  # expect: OVN105:52


def signed_request(url, instance_id, signature):
    headers = {'X-Instance-ID': instance_id, 'X-Instance-ID-Signature': signature}
    LOG.debug("Asking for metadata with %s", headers)  # expect: OVN105:46
    return requests.get(url, headers=headers, timeout=10)


HAPROXY_HEADERS = """
    http-request add-header X-Neutron-%(res_type)s-ID %(res_id)s  # expect: OVN105:5
"""
