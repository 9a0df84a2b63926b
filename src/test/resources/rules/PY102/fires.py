import marshal
import pickle
import shelve

import cPickle
import dill
import jsonpickle
import numpy as np
import pandas as pd
from six.moves import cPickle as six_pickle


def _load_cached_topology(path):
    with open(path, 'rb') as f:
        return pickle.load(f)  # expect: PY102:16


def _decode_rpc_payload(payload):
    return pickle.loads(payload)  # expect: PY102:12


def _decode_legacy(payload):
    return cPickle.loads(payload)  # expect: PY102:12


def _decode_six(payload):
    return six_pickle.loads(payload)  # expect: PY102:12


def _restore(blob):
    return marshal.loads(blob)  # expect: PY102:12


def _state_db(path):
    return shelve.open(path)  # expect: PY102:12


def _restore_dill(blob):
    return dill.loads(blob)  # expect: PY102:12


def _restore_json(text):
    return jsonpickle.decode(text)  # expect: PY102:12


def _stats(path):
    return pd.read_pickle(path)  # expect: PY102:12


def _matrix(path):
    return np.load(path, allow_pickle=True)  # expect: PY102:12


class _Restorer(object):
    def restore(self, f):
        return pickle.Unpickler(f).load()  # expect: PY102:16
