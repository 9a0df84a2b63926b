class OVNClient:
    def _get_chassis(self, chassis):
        assert chassis is not None  # expect: PY405:9
        return chassis

    def _mtu(self, network):
        assert isinstance(network["mtu"], int)  # expect: PY405:9
        return network["mtu"]

    def _pairs(self, addresses):
        assert len(addresses) % 2 == 0, "addresses come in pairs"  # expect: PY405:9
        return list(zip(addresses[::2], addresses[1::2]))

    def _state(self, state):
        if state == "up":
            return True
        if state == "down":
            return False
        assert False, "unknown state %s" % state  # expect: PY405:9
