import ast

import torch
from redis import Redis


def _parse_bridge_mappings(value):
    return ast.literal_eval(value)


def _run_model(model, batch):
    model.eval()
    with torch.no_grad():
        return model(batch)


def _atomic_increment(client: Redis, key):
    return client.eval("return redis.call('INCR', KEYS[1])", 1, key)


class Expression:
    def eval(self, env):
        return env[self.name]


def _evaluate(expr, env):
    return expr.eval(env)


def _local_eval(text):
    def eval(x):  # a local helper that shadows the builtin
        return x.strip()

    return eval(text)


def _mentions():
    LOG = "eval(x) and exec(y) in a string are not calls"
    return LOG


def _handlers(base, registry):
    # Names of the program's own classes, looked up the long way.
    for cls in base.__subclasses__():
        key = cls.__name__
        registry[key] = eval(key)
    return eval(base.__qualname__)
