import retrying
import tenacity
from tenacity import retry as tenacity_retry
from tenacity import wait_exponential


@tenacity.retry  # expect: OVN204:2
def get_chassis(sb_idl, name):
    return sb_idl.lookup('Chassis', name)


@tenacity.retry(  # expect: OVN204:2
    retry=tenacity.retry_if_exception_type(RuntimeError),
    wait=wait_exponential(max=180),
    reraise=True)
def get_ovn_idl(api_cls, connection):
    return api_cls(connection)


@tenacity_retry(wait=wait_exponential(max=10))  # expect: OVN204:2
def update_gateway(nb_idl, router_id):
    nb_idl.lr_set_options(router_id).execute(check_error=True)


@tenacity.retry(stop=tenacity.stop_never, wait=wait_exponential(max=10))  # expect: OVN204:2
def forever(nb_idl):
    nb_idl.db_list_rows('NB_Global').execute(check_error=True)


def retry_helper(max_interval):
    def inner(func):
        return tenacity.retry(wait=wait_exponential(max=max_interval))(func)  # expect: OVN204:16
    return inner


def run_with_retry(func):
    for attempt in tenacity.Retrying(wait=wait_exponential(max=5)):  # expect: OVN204:20
        with attempt:
            func()


@retrying.retry(wait_exponential_multiplier=100)  # expect: OVN204:2
def legacy(nb_idl):
    nb_idl.db_list_rows('Logical_Switch').execute(check_error=True)


@retrying.retry  # expect: OVN204:2
def legacy_bare(nb_idl):
    nb_idl.db_list_rows('Logical_Router').execute(check_error=True)
