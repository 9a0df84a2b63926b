import threading


class Driver:
    def __init__(self):
        self._post_fork_event = threading.Event()
        self._nb = self._sb = self._ls = None

    @property
    def nb(self):
        self._post_fork_event.wait()  # nosec
        return self._nb

    @property
    def sb(self):
        self._post_fork_event.wait()  # noqa: OVN202
        return self._sb

    @property
    def ls(self):
        self._post_fork_event.wait()  # security-review: ignore[OVN202]
        return self._ls

    @property
    def lr(self):
        self._post_fork_event.wait()  # security-review: ignore[OVN201]  # expect: OVN202:9
        return self._ls
