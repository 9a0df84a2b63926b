import yaml
import yaml as pyyaml
from yaml import load


def load_bridge_mappings(path):
    with open(path) as f:
        return yaml.load(f)  # expect: PY103:16


def load_policy(path):
    with open(path) as f:
        return yaml.load(f, Loader=yaml.Loader)  # expect: PY103:16


def load_samples(text):
    return list(yaml.load_all(text, yaml.FullLoader))  # expect: PY103:17


def load_unsafe(text):
    return yaml.unsafe_load(text)  # expect: PY103:12


def load_full(text):
    return pyyaml.full_load(text)  # expect: PY103:12


def load_imported(text):
    return load(text, Loader=pyyaml.UnsafeLoader)  # expect: PY103:12


class _Loader(yaml.Loader):
    pass


def load_custom(text):
    return yaml.load(text, Loader=_Loader)  # expect: PY103:12
