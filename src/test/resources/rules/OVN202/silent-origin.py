import threading


class ChassisWatcher:
    def __init__(self):
        self.worker = threading.Thread(target=self._watch)
        self.ready = threading.Event()

    def run_once(self):
        self.worker.start()
        if not self.ready.wait(timeout=30):
            raise RuntimeError("chassis not ready")
        self.worker.join(30)

    def _watch(self):
        pass


class Stage:
    def join(self):
        return None

    def wait(self):
        return None


class Pipeline:
    # The same attribute names, holding a dict and objects of this file: no thread or event,
    # whatever the name says.
    def __init__(self):
        self.worker = Stage()
        self.ready = {}
        self._ready_event = Stage()

    def run_once(self):
        self.worker.join()
        self._ready_event.wait()
        return self.ready


def wait_for_other_driver(other):
    # Not assigned in this file: a name that ends in _event is no evidence of an event.
    other._connection_ready_event.wait()


def finish(handle, child):
    # Made elsewhere: neither the method's name nor the receiver's says what they are.
    handle.join()
    return child.communicate()
