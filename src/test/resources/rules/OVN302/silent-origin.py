class Recorder:
    def create_floatingip(self, context, floatingip):
        return floatingip


class OVNL3Sketch:
    # An object of this file under the OVN client's usual name: not the OVN client.
    def __init__(self):
        self._ovn_client = Recorder()

    def create_floatingip_precommit(self, context, floatingip):
        self._ovn_client.create_floatingip(context, floatingip)
