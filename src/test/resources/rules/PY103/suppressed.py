import yaml


def load_a(f):
    return yaml.load(f)  # nosec


def load_b(f):
    return yaml.load(f)  # nosec B506


def load_c(f):
    return yaml.load(f)  # noqa: S506


def load_d(f):
    return yaml.load(f)  # security-review: ignore[PY103]


def load_e(f):
    return yaml.load(f)  # nosec B301  # expect: PY103:12
