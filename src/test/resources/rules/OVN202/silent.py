import contextvars
import os
import queue
import subprocess
import threading

from oslo_service import service

REQUEST_ID = contextvars.ContextVar('request_id')


class AgentSketch:
    def __init__(self):
        self._post_fork_event = threading.Event()
        self._queue = queue.Queue()
        self._thread = threading.Thread(target=self._process_queue)
        self._nb_idl = None

    @property
    def nb_idl(self):
        if not self._post_fork_event.wait(timeout=60):
            raise RuntimeError("OVN NB connection not ready")
        return self._nb_idl

    def wait_positional(self):
        return self._post_fork_event.wait(30)

    def _process_queue(self):
        # A consumer thread: blocking until work arrives is its job.
        while True:
            update = self._queue.get()
            self._handle(update)

    def poll_queue(self):
        try:
            return self._queue.get(block=False)
        except queue.Empty:
            return None

    def reply_with_timeout(self, request):
        replies = queue.Queue()
        threading.Thread(target=self._handle, args=(request, replies)).start()
        return replies.get(timeout=30)

    def reply_with_timer(self, request):
        replies = queue.Queue()
        timer = threading.Timer(30, replies.put, args=(TimeoutError(),))
        timer.start()
        threading.Thread(target=self._handle, args=(request, replies)).start()
        return replies.get()

    def stop(self):
        self._queue.put(None)
        self._thread.join()

    def _handle_sigterm(self, signum, frame):
        self._post_fork_event.set()
        self._thread.join()

    def wait(self):
        self._thread.join()

    def bounded_join(self):
        self._thread.join(timeout=10)
        self._queue.join()

    def strings(self, parts):
        return ", ".join(parts) + os.path.join("a", "b")

    def dicts(self, config):
        return config.get('ovn_nb_connection'), REQUEST_ID.get()

    def launch(self, server):
        launcher = service.launch(None, server)
        launcher.wait()

    def run(self, cmd):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        out, err = proc.communicate(timeout=120)
        proc.wait(timeout=5)
        return out

    def _handle(self, *args):
        pass
