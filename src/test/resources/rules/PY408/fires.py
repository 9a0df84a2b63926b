import logging.config
from logging import config as log_config


def start_log_listener(port):
    thread = logging.config.listen(port)  # expect: PY408:14
    thread.start()
    return thread


def start_default_listener():
    listener = log_config.listen()  # expect: PY408:16
    listener.start()


def start_unverified(port):
    return logging.config.listen(port, verify=None)  # expect: PY408:12


NO_CHECK = None


def start_listener_named(port):
    return logging.config.listen(port, verify=NO_CHECK)  # expect: PY408:12
