import time

import eventlet
from oslo_log import log as logging

LOG = logging.getLogger(__name__)
MAX_ATTEMPTS = 10


class MaintenanceWorker:
    def __init__(self, nb_idl, interval):
        self._nb_idl = nb_idl
        self._interval = interval
        self._stop_event = None
        self._exiting = False

    def run(self):
        # A service loop: meant to run for the life of the process.
        while True:
            try:
                self._check_for_inconsistencies()
            except Exception:
                LOG.exception("Maintenance task failed")
            time.sleep(self._interval)

    def run_until_stopped(self):
        while not self._stop_event.is_set():
            self._check_for_inconsistencies()
            time.sleep(self._interval)

    def run_until_exit(self):
        while not self._exiting:
            time.sleep(0.2)
            self._check_for_inconsistencies()

    def wait_with_deadline(self, port_id, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            if self._nb_idl.lookup('Logical_Switch_Port', port_id, default=None):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(1)

    def wait_with_attempts(self, port_id):
        attempt = 0
        while True:
            if self._nb_idl.lookup('Logical_Switch_Port', port_id, default=None):
                return
            attempt += 1
            if attempt >= MAX_ATTEMPTS:
                raise RuntimeError(port_id)
            time.sleep(1)

    def wait_in_condition(self, port_id, retries=5):
        while not self._ready(port_id) and retries > 0:
            retries -= 1
            time.sleep(1)

    def wait_under_timeout(self, port_id):
        with eventlet.Timeout(30):
            while not self._ready(port_id):
                eventlet.sleep(1)

    def drain(self, pending):
        while not pending.empty():
            self._handle(pending.get_nowait())
            time.sleep(0.1)

    def cooperative(self, rows):
        while True:
            if not rows:
                break
            self._handle(rows.pop())
            eventlet.sleep(0)

    def cooperative_without_argument(self, chunks):
        # sleep() with no argument yields to other greenthreads; it does not wait.
        while True:
            chunk = chunks.read()
            if not chunk:
                return
            self._handle(chunk)
            eventlet.sleep()

    def back_off_then_leave(self, sock):
        while True:
            try:
                self._handle(sock.recv(4096))
            except OSError:
                LOG.error("Socket error, reconnecting")
                time.sleep(5)
                break

    def no_sleep(self, value, mask):
        while True:
            if value & mask == 0:
                break
            mask >>= 1
        return mask

    def sleep_in_callback(self, rows):
        while True:
            def later():
                time.sleep(1)
            if self._handle(rows, later):
                return

    def for_loop(self, ports):
        for port in ports:
            self._handle(port)
            time.sleep(1)

    def generator(self):
        while True:
            yield self._nb_idl.tables
            time.sleep(1)

    def _ready(self, port_id):
        return True

    def _handle(self, *args):
        return True

    def _check_for_inconsistencies(self):
        pass
