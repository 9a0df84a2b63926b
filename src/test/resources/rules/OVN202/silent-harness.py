# Support code of a test suite: the test runner's timeout bounds every wait.
import subprocess

import testtools


def run_client(argv):
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    return out


class ClientTestBase(testtools.TestCase):
    pass
