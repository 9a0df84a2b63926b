import json
import pickle

import numpy as np
from oslo_serialization import jsonutils


def _store(path, data):
    with open(path, 'wb') as f:
        pickle.dump(data, f)
    return pickle.dumps(data)


def _load(path):
    with open(path) as f:
        return jsonutils.load(f)


def _decode(payload):
    return json.loads(payload)


def _matrix(path):
    return np.load(path)


def _matrix_explicit(path):
    return np.load(path, allow_pickle=False)


class Cache(object):
    def load(self, key):
        return self._store.get(key)


def _from_cache(cache, key):
    return cache.load(key)
