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
