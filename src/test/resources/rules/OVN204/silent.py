import retrying
import tenacity
from neutron_lib.db import api as db_api
from oslo_db import api as oslo_db_api


@tenacity.retry(
    retry=tenacity.retry_if_exception_type(RuntimeError),
    wait=tenacity.wait_random(min=0.5, max=2),
    stop=tenacity.stop_after_attempt(3),
    reraise=True)
def create_pg_drop(nb_idl):
    nb_idl.pg_add('neutron_pg_drop', may_exist=True).execute(check_error=True)


def get_idl(api_cls, connection):
    retry = tenacity.retry(stop=tenacity.stop_after_delay(60), reraise=True)
    return retry(api_cls)(connection)


def run_with_retry(func, **retry_kwargs):
    # The stop may be in retry_kwargs.
    for attempt in tenacity.Retrying(**retry_kwargs):
        with attempt:
            func()


@oslo_db_api.wrap_db_retry(max_retries=5, retry_on_deadlock=True)
def update_revision(context, resource):
    pass


@db_api.retry_db_errors
def bump_revision(context, resource):
    pass


@retrying.retry(stop_max_attempt_number=5)
def legacy(nb_idl):
    nb_idl.db_list_rows('Logical_Switch').execute(check_error=True)


class Client:
    def retry(self, func):
        return func

    @property
    def stats(self):
        return self.retry(len)
