# A template string (Python 3.14) is a Template, not a script for `sh -c`: no value is formatted
# into the script; whatever runs it sees each interpolated value apart and can quote it.
from neutron.agent.linux import utils as agent_utils
from oslo_concurrency import processutils


def set_sysctl(namespace, key, value):
    cmd = ['ip', 'netns', 'exec', namespace,
           'sh', '-c', t"echo {value} > /proc/sys/{key}"]
    agent_utils.execute(cmd, run_as_root=True, privsep_exec=True)


def run_script(path):
    return processutils.execute('bash', '-c', t"cat {path}")
