from ovsdbapp.backend.ovs_idl import command


class AttachPortCommand(command.BaseCommand):
    def run_idl(self, txn):
        ls = self.api.lookup('Logical_Switch', self.switch)
        # The read-modify-write is guarded: verify first, then write.
        ls.verify('ports')
        ls.ports = list(ls.ports) + [self.port]
        # A second verify of a guarded column adds nothing, but guards nothing less.
        ls.verify('ports')


class TwoRows(command.BaseCommand):
    def run_idl(self, txn):
        old = self.api.lookup('Logical_Switch', self.old)
        old.ports = []
        # Another row: its column was not written.
        new = self.api.lookup('Logical_Switch', self.new)
        new.verify('ports')
        # Another column of the written row.
        old.verify('external_ids')


class Rebound(command.BaseCommand):
    def run_idl(self, txn):
        row = txn.insert(self.api.tables['ACL'])
        row.name = self.log_name
        row = self.api.lookup('ACL', self.acl)
        # The name now holds another row.
        row.verify('name')


def elsewhere(row):
    row.verify('options')


def written_in_another_function(row):
    row.options = {}


def not_a_row(key, signature, data):
    # Other verify() methods: nothing was written under the name they are given.
    key.verify(signature, data)
    key.verify('data')
