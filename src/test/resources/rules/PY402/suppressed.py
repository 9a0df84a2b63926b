from mako.template import Template


def config_file(values):
    return Template(filename="haproxy.cfg.mako").render(**values)  # nosec


def config_file_bandit(values):
    return Template(filename="haproxy.cfg.mako").render(**values)  # nosec B702


def config_file_ruff(values):
    return Template(filename="haproxy.cfg.mako").render(**values)  # noqa: S702


def config_file_ours(values):
    return Template(filename="haproxy.cfg.mako").render(**values)  # security-review: ignore[PY402]


def config_file_other(values):
    return Template(filename="haproxy.cfg.mako").render(**values)  # nosec B701  # expect: PY402:12
