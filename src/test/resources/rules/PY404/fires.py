from neutron_lib import exceptions as n_exc


class OVNPortForwarding:
    def delete_port_forwarding(self, context, fip_id, pf_id):
        fip = self._get_fip(context, fip_id)
        assert context.is_admin or fip.project_id == context.project_id  # expect: PY404:9
        self._delete(context, pf_id)

    def update_port(self, context, port, original):
        assert port["tenant_id"] == original["tenant_id"], "owner changed"  # expect: PY404:9
        return self._update(context, port)

    def set_qos(self, context, policy_id):
        assert self._policy_allows(context, "update_policy")  # expect: PY404:9
        self._set(policy_id)

    def add_segment(self, context, segment):
        assert self._validate_segment(segment)  # expect: PY404:9
        return self._add(segment)

    def bind(self, port, profile):
        assert profile.get("capabilities") is not None, "profile must be validated"  # expect: PY404:9
        return self._bind(port, profile)

    def metadata_request(self, headers, expected):
        assert headers["X-Instance-ID-Signature"] == expected  # expect: PY404:9
        return True

    def check_role(self, context):
        assert "admin" in context.roles  # expect: PY404:9


def register_address(address, interval=None):
    # A public function checking what its caller gives.
    assert valid_ip(address[0]), "address must be valid"  # expect: PY404:5
    return address, interval


def valid_ip(text):
    return bool(text)
