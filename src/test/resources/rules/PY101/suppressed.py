def _parse(value):
    return eval(value)  # nosec


def _parse_b307(value):
    return eval(value)  # nosec B307


def _run(code):
    exec(code)  # noqa: S102


def _parse_ours(value):
    return eval(value)  # security-review: ignore[PY101]


def _parse_other(value):
    return eval(value)  # noqa: S301  # expect: PY101:12
