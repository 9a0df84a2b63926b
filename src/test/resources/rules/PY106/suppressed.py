import subprocess

from neutron.agent.linux import utils as agent_utils


def _a(script):
    return subprocess.run(['bash', '-c', script])  # nosec


def _b(script):
    return subprocess.run(['bash', '-c', script])  # nosec B603


def _c(script):
    return subprocess.run(['bash', '-c', script])  # noqa: S603


def _d(script):
    return agent_utils.execute(['bash', '-c', script])  # security-review: ignore[PY106]


def _e(script):
    return subprocess.run(['bash', '-c', script])  # noqa: S602  # expect: PY106:12
