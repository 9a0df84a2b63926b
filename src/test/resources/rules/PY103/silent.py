import yaml
from yaml import CSafeLoader

try:
    from yaml import CSafeLoader as FastLoader
except ImportError:
    from yaml import SafeLoader as FastLoader

Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)

if hasattr(yaml, 'CSafeLoader'):
    _ChosenLoader = yaml.CSafeLoader
else:
    _ChosenLoader = yaml.SafeLoader


class _StrictLoader(yaml.SafeLoader):
    pass


def load_bridge_mappings(path):
    with open(path) as f:
        return yaml.safe_load(f)


def load_all(text):
    return list(yaml.safe_load_all(text))


def load_safe(text):
    return yaml.load(text, Loader=yaml.SafeLoader)


def load_csafe_positional(text):
    return yaml.load(text, CSafeLoader)


def load_base(text):
    return yaml.load(text, Loader=yaml.BaseLoader)


def load_fast(text):
    return yaml.load(text, Loader=FastLoader)


def load_module_loader(text):
    return yaml.load(text, Loader=Loader)


def load_strict(text):
    return yaml.load(text, Loader=_StrictLoader)


def load_local(text):
    loader = getattr(yaml, 'CSafeLoader', None) or yaml.SafeLoader
    return yaml.load_all(text, Loader=loader)


def load_other(config, text):
    return config.load(text)


def load_chosen(text):
    return yaml.load(text, Loader=_ChosenLoader)
