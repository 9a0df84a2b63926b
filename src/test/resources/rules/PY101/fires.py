import builtins

from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def _parse_bridge_mappings(value):
    # "physnet1:br-ex" used to be stored as a dict literal
    return eval(value)  # expect: PY101:12


def _apply_hook(hook_source, port):
    namespace = {'port': port}
    exec(hook_source, namespace)  # expect: PY101:5
    return namespace.get('result')


def _dhcp_option_value(row, name):
    expression = 'row.options[%r]' % name
    return eval(expression, {}, {'row': row})  # expect: PY101:12


def _legacy(code):
    return builtins.eval(code)  # expect: PY101:12


def _constant():
    return eval("1 + 2")  # expect: PY101:12


def load_location(volume):
    location = volume['provider_location']
    return eval(location)  # expect: PY101:12
