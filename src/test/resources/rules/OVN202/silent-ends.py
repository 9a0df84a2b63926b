# Waits that pass no timeout but that something else ends.
import subprocess
import threading
from concurrent import futures

import eventlet


class PortSyncer:
    def __init__(self):
        self._stopping = threading.Event()
        self._worker = threading.Thread(target=self._sync_loop)
        self._executor = futures.ThreadPoolExecutor(max_workers=4)
        self._wakeup = threading.Event()

    def fetch_all(self, hosts):
        pending = [self._executor.submit(self._fetch, h) for h in hosts]
        rows = []
        # as_completed yields each future once it is done.
        for fut in futures.as_completed(pending, timeout=30):
            rows.extend(fut.result())
        return rows

    def fetch_done_part(self, hosts):
        pending = [self._executor.submit(self._fetch, h) for h in hosts]
        finished, late = futures.wait(pending, timeout=30)
        return [fut.result() for fut in finished]

    def fetch_checked(self, hosts):
        pending = {h: self._executor.submit(self._fetch, h) for h in hosts}
        futures.wait(pending.values(), timeout=30)
        rows = {}
        for host, fut in pending.items():
            if not fut.done():
                fut.cancel()
            else:
                rows[host] = fut.result()
        return rows

    def fetch_if_done(self, fut):
        if fut.done():
            return fut.result()
        return None

    def sync_in_thread(self, host):
        # Work started here ends when it does: a join timeout would not stop it, the bound
        # belongs in the work's own calls.
        worker = threading.Thread(target=self._fetch, args=(host,))
        worker.start()
        worker.join()

    def sync_now(self, host):
        return self._executor.submit(self._fetch, host).result()

    def fan_out(self, hosts):
        pending = []
        for h in hosts:
            fut = self._executor.submit(self._fetch, h)
            pending.append(fut)
        return [fut.result() for fut in pending]

    def halt(self):
        # Set the stop flag the worker loops on, then wait for it to notice.
        self._stopping.set()
        self._worker.join()

    def _fetch(self, host):
        return [host]

    def _sync_loop(self):
        # A worker that never leaves: it waits for the next wake-up for as long as it lives.
        while True:
            self._wakeup.wait()
            self._wakeup.clear()
            self._fetch('all')

    def wait_for_reply(self, done_event, seconds):
        with eventlet.Timeout(seconds):
            done_event.wait()

    def wait_armed(self, done_event, seconds):
        timer = eventlet.Timeout(seconds)
        try:
            done_event.wait()
        finally:
            timer.cancel()


def report_after(delay, callback):
    timer = threading.Timer(delay, callback)
    timer.start()
    try:
        callback()
    finally:
        # A cancelled timer ends at once.
        timer.cancel()
        timer.join()


def reachable(address):
    # ping gives up after its own one-second deadline.
    probe = subprocess.Popen(['ping', '-c', '1', '-w', '1', address])
    probe.wait()
    return probe.returncode == 0


def within_deadline(command):
    proc = subprocess.Popen(['timeout', '10'] + command, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    return out


def results_of(fut):
    """The wrapper exists to block: its caller decides how long to wait."""
    return fut.result()


def join_each(threads):
    for t in threads:
        t.join()


class FutureHandle:
    def __init__(self, fut):
        self._fut = fut

    def result(self):
        # Delegates to the future it holds: its caller decides how long to wait.
        return self._fut.result()


def run_maintenance_script(path):
    child = subprocess.Popen([path])
    child.wait()


def main():
    run_maintenance_script('/usr/local/bin/rotate')
    worker = threading.Thread(target=print)
    worker.start()
    worker.join()


if __name__ == '__main__':
    main()
