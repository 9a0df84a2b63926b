import hashlib
import hmac
import logging

import requests
import webob
import webob.dec

LOG = logging.getLogger(__name__)


class InstanceMetadataProxy:

    @webob.dec.wsgify(RequestClass=webob.Request)
    def __call__(self, req):
        instance_id, project_id = self._find_instance(req.headers.get('X-Forwarded-For'))
        return self._relay(req, instance_id, project_id)

    def _relay(self, req, instance_id, project_id):
        # The proxy sets the identity headers itself; the client's address is set by the
        # HAProxy in front and was matched to a port.
        headers = {
            'X-Forwarded-For': req.headers.get('X-Forwarded-For'),
            'X-Instance-ID': instance_id,
            'X-Tenant-ID': project_id,
            'X-Instance-ID-Signature': self._sign(instance_id),
        }
        LOG.debug("Relaying %s for instance %s", req.path_info, instance_id)
        return requests.get(self.upstream, headers=headers, timeout=10)

    def _sign(self, instance_id):
        return hmac.new(self.secret, instance_id.encode(), hashlib.sha256).hexdigest()

    def _find_instance(self, address):
        return None, None


class CleaningProxy:

    @webob.dec.wsgify
    def handle(self, request):
        # The client's copies of the identity headers are dropped before relaying.
        forwarded = dict(request.headers)
        forwarded.pop('X-Instance-ID', None)
        del forwarded['X-Tenant-ID']
        return requests.get(self.upstream, headers=forwarded, timeout=10)


def relay(response, session, url, token):
    # Nothing says these are the headers of a request this code received.
    session.get(url, headers=response.headers, timeout=10)
    headers = {'X-Tenant-ID': response.headers.get('X-Tenant-ID'), 'X-Auth-Token': token}
    return session.get(url, headers=headers, timeout=10)


def helper_called_with_other_things(req):
    return {'X-Project-ID': req.headers.get('X-Project-ID')}


def caller(env):
    return helper_called_with_other_things(env)


# The header is replaced, or deleted before it is added: the client's copy is gone.
HAPROXY_SET = """
    http-request del-header X-Neutron-%(other_type)s-ID
    http-request set-header X-Neutron-%(res_type)s-ID %(res_id)s
"""
HAPROXY_DEL_THEN_ADD = """
    http-request del-header X-Instance-ID
    http-request add-header X-Instance-ID %(instance_id)s
    http-request add-header X-Forwarded-Proto https
"""
