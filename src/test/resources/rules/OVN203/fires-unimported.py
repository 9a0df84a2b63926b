"""A client handed its sessions: the module imports no HTTP library itself."""


class ImageClient(object):

    def __init__(self, session, endpoint):
        """Keeps the caller's session.

        :type session: keystoneauth1.session.Session
        """
        self.session = session
        self.endpoint = endpoint

    def image(self, image_id):
        return self.session.get(self.endpoint + image_id)  # expect: OVN203:16


def upload(client: "httpx.Client", url, data):
    return client.put(url, content=data, timeout=None)  # expect: OVN203:12
