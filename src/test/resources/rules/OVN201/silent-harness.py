# Support code of a test suite: the test runner's timeout bounds the poll.
import time

import testtools


def wait_for_status(client, server_id, status):
    while True:
        if client.show(server_id)['status'] == status:
            return
        time.sleep(1)


class ScenarioBase(testtools.TestCase):
    pass
