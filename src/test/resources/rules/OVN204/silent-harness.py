# Support code of a test suite: the test runner's timeout bounds the retries.
import tenacity
import testtools


@tenacity.retry(retry=tenacity.retry_if_exception_type(AssertionError))
def assert_eventually_active(client, server_id):
    assert client.show(server_id)['status'] == 'ACTIVE'


class ScenarioBase(testtools.TestCase):
    pass
