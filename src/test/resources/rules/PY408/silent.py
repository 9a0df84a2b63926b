import logging.config

from oslo_log import log as logging_oslo


def _check_signature(data):
    return data if data.startswith(b"signed:") else None


def start_log_listener(port):
    return logging.config.listen(port, verify=_check_signature)


def start_log_listener_positional(port):
    return logging.config.listen(port, _check_signature)


def setup(conf):
    logging_oslo.setup(conf, "neutron")
    logging.config.fileConfig("/etc/neutron/logging.conf")


class Server:
    def listen(self):
        return self


def unrelated(server):
    return server.listen()
