from ovsdbapp.backend.ovs_idl import command


class AttachPortCommand(command.BaseCommand):
    def __init__(self, api, switch, port):
        super().__init__(api)
        self.switch = switch
        self.port = port

    def run_idl(self, txn):
        ls = self.api.lookup('Logical_Switch', self.switch)
        members = list(ls.ports)
        members.append(self.port)
        ls.ports = members
        ls.verify('ports')  # expect: OVN305:9


class BumpRevisionCommand(command.BaseCommand):
    def run_idl(self, txn):
        row = self.api.lookup(self.table, self.name)
        row.setkey('external_ids', 'neutron:revision_number', str(self.revision))
        row.verify('external_ids')  # expect: OVN305:9


class AppendAddressCommand(command.BaseCommand):
    def run_idl(self, txn):
        self.row = self.api.lookup('Address_Set', self.name)
        self.row.addresses += [self.address]
        if self.strict:
            self.row.verify('addresses')  # expect: OVN305:13


def copy_options(src, dst):
    setattr(dst, 'options', dict(src.options))
    dst.verify('options')  # expect: OVN305:5
