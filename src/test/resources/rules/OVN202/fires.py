import queue
import subprocess
import threading
from concurrent import futures

from eventlet import event as eventlet_event


class OVNMechanismDriverSketch:
    def __init__(self):
        self._post_fork_event = threading.Event()
        self._sync_done = eventlet_event.Event()
        self._rows_changed = threading.Condition()
        self._nb_ovn = None
        self._executor = futures.ThreadPoolExecutor(max_workers=2)

    @property
    def nb_ovn(self):
        self._post_fork_event.wait()  # expect: OVN202:9
        return self._nb_ovn

    def after_sync(self):
        self._sync_done.wait(None)  # expect: OVN202:9

    def wait_for_rows(self):
        with self._rows_changed:
            self._rows_changed.wait()  # expect: OVN202:13

    def ask_worker(self, request):
        replies = queue.Queue()
        threading.Thread(target=self._answer, args=(request, replies)).start()
        return replies.get()  # expect: OVN202:16

    def run_ovsdb_client(self, cmd):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()  # expect: OVN202:20
        return out

    def run_ovn_nbctl(self, cmd):
        proc = subprocess.Popen(cmd)
        return proc.wait()  # expect: OVN202:16

    def _sync(self, ctx):
        pass

    def _answer(self, request, replies):
        replies.put(request)


class ChassisWatcher:
    # Kept on self in __init__ and waited on elsewhere, under names that say nothing.
    def __init__(self):
        self.worker = threading.Thread(target=self._watch)
        self.ready = threading.Event()
        self.flag = self._make_flag()
        self._synced = threading.Event()

    def _make_flag(self):
        return threading.Event()

    @property
    def synced(self):
        return self._synced

    def run_once(self):
        self.worker.start()
        self.ready.wait()  # expect: OVN202:9
        self.flag.wait()  # expect: OVN202:9
        self.synced.wait()  # expect: OVN202:9
        self.worker.join()  # expect: OVN202:9

    def _watch(self):
        pass


class WaitsNothingElseEnds:
    """Shapes close to the ones something else ends, where nothing does."""

    def __init__(self):
        self._stopping = threading.Event()
        self._worker = threading.Thread(target=self._loop)
        self._wakeup = threading.Event()
        self._executor = futures.ThreadPoolExecutor(max_workers=2)
        # Completed by a callback from another thread, if that callback ever comes.
        self._reply = futures.Future()

    def on_reply(self, payload):
        self._reply.set_result(payload)

    def reply(self):
        payload = self._reply.result()  # expect: OVN202:19
        return payload.upper()

    def halt_too_late(self):
        # The join comes before the stop flag is set: the worker never sees it.
        self._worker.join()  # expect: OVN202:9
        self._stopping.set()

    def _loop(self):
        while True:
            self._wakeup.wait()  # expect: OVN202:13
            if self._stopping.is_set():
                break


def probe(address):
    # Without -w or -W, ping to a host that drops the packets may never finish.
    proc = subprocess.Popen(['ping', '-c', '3', address])
    return proc.wait()  # expect: OVN202:12


def restart_child(path):
    # Called from the entry point, but from service code too.
    child = subprocess.Popen([path])
    child.wait()  # expect: OVN202:5


class Supervisor:
    def respawn(self):
        restart_child('/usr/local/bin/agent')


def main():
    restart_child('/usr/local/bin/agent')


if __name__ == '__main__':
    main()
