import time


def wait_for_row(idl, name):
    while True:  # nosec
        if idl.lookup('Chassis', name, default=None):
            return
        time.sleep(1)


def wait_for_row_2(idl, name):
    while True:  # noqa: OVN201
        if idl.lookup('Chassis', name, default=None):
            return
        time.sleep(1)


def wait_for_row_3(idl, name):
    while not idl.lookup('Chassis', name, default=None):  # security-review: ignore[OVN201]
        time.sleep(1)


def wait_for_row_4(idl, name):
    while True:  # security-review: ignore[OVN202]  # expect: OVN201:5
        if idl.lookup('Chassis', name, default=None):
            return
        time.sleep(1)
