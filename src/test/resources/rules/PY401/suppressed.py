import jinja2


def config_env():
    return jinja2.Environment(loader=jinja2.DictLoader({}))  # nosec


def config_env_bandit():
    return jinja2.Environment(loader=jinja2.DictLoader({}))  # nosec B701


def config_env_ruff():
    return jinja2.Environment(loader=jinja2.DictLoader({}))  # noqa: S701


def config_env_ours():
    return jinja2.Environment()  # security-review: ignore[PY401]


def config_env_other():
    return jinja2.Environment()  # noqa: S702  # expect: PY401:12
