import os
import tempfile


def write_hosts(entries):
    fd, path = tempfile.mkstemp(suffix='.hosts')
    with os.fdopen(fd, 'w') as f:
        f.write('\n'.join(entries))
    return path


def scratch():
    with tempfile.NamedTemporaryFile() as f:
        f.write(b'x')
    return tempfile.mkdtemp(prefix='ovn-')


class Helper:
    def mktemp(self):
        # Our own method called mktemp is not tempfile's.
        return self.mktemp_dir


def use_helper(helper):
    return helper.mktemp()
