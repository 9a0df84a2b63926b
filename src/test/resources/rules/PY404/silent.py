class OVNClient:
    def _get_chassis(self, chassis):
        # An internal invariant: PY405's, not this rule's.
        assert chassis is not None
        return chassis

    def _mtu(self, network):
        assert isinstance(network["mtu"], int)
        return network["mtu"]

    def _pairs(self, addresses):
        assert len(addresses) % 2 == 0, "addresses come in pairs"
        return list(zip(addresses[::2], addresses[1::2]))

    def check_admin(self, context):
        # Not an assert: a proper check.
        if not context.is_admin:
            raise PermissionError()

    def _invalid(self, ports):
        assert not self._invalidated
        return ports


class PortApi:
    def create(self, context, port, *filters):
        # Narrowing and presence: programming invariants, not checks on input.
        assert port is not None, "port must be validated"
        assert isinstance(context.project_id, str), "project"
        assert filters, "no validators given"
        project = self._project_of(context)
        assert project.owner_id in project.member_ids  # computed here, not given
        assert self.policy_loaded
        return port

    def _internal(self, context, port):
        assert port["tenant_id"] == context.tenant_id
        return port


class _Helper:
    def update(self, context, port):
        assert port["tenant_id"] == context.tenant_id
        return port


VALID_SIZE = 16
assert VALID_SIZE % 8 == 0, "validated at import"
