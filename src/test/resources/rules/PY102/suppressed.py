import marshal
import pickle


def _restore(blob):
    return pickle.loads(blob)  # nosec


def _restore_b301(blob):
    return pickle.loads(blob)  # nosec B301


def _restore_s301(blob):
    return pickle.loads(blob)  # noqa: S301


def _restore_marshal(blob):
    return marshal.loads(blob)  # noqa: S302


def _restore_ours(blob):
    return pickle.loads(blob)  # security-review: ignore[PY102]


def _restore_other(blob):
    return pickle.loads(blob)  # noqa: S506  # expect: PY102:12
