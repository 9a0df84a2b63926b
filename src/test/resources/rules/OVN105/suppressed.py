import requests
import webob.dec


@webob.dec.wsgify
def relay(req):
    headers = {'X-Tenant-ID': req.headers.get('X-Tenant-ID')}  # noqa: OVN105
    requests.get('http://upstream', headers=req.headers, timeout=5)  # nosec
    requests.get('http://upstream', headers=req.headers, timeout=5)  # security-review: ignore[OVN301]  # expect: OVN105:45
    return headers


HAPROXY_WAIVED = """
    http-request add-header X-Neutron-%(res_type)s-ID %(res_id)s
"""  # noqa: OVN105
