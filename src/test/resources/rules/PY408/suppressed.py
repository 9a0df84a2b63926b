import logging.config


def start(port):
    logging.config.listen(port)  # nosec
    logging.config.listen(port)  # nosec B612
    logging.config.listen(port)  # noqa: S612
    logging.config.listen(port)  # security-review: ignore[PY408]
    logging.config.listen(port)  # noqa: S611  # expect: PY408:5
