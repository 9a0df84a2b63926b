import shutil
import tarfile
import tarfile as tf


def unpack_diagnostics(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest)  # expect: PY207:9


def unpack_image(path, dest):
    archive = tarfile.open(path, 'r:gz')
    archive.extractall(path=dest, filter='fully_trusted')  # expect: PY207:5
    archive.close()


def unpack_all_members(path, dest):
    tar = tarfile.TarFile(path)
    tar.extractall(dest, members=tar.getmembers())  # expect: PY207:5


def unpack_inline(path, dest):
    tarfile.open(path).extractall(dest)  # expect: PY207:5


def unpack_bundle(self, dest):
    self._bundle.extractall(dest)  # expect: PY207:5


def unpack_any(path, dest):
    shutil.unpack_archive(path, dest)  # expect: PY207:5


def unpack_itself(path, dest):
    # Iterating an archive gives every one of its members.
    with tf.open(path) as backup:
        backup.extractall(dest, members=backup)  # expect: PY207:9


def unpack_listed(path, dest):
    with tarfile.open(path, 'r:*') as tar:
        everything = tar.getmembers()
        tar.extractall(dest, everything)  # expect: PY207:9


def unpack_sorted(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, members=sorted(tar.getmembers()))  # expect: PY207:9


def unpack_copied(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, members=[m for m in tar])  # expect: PY207:9


class Restorer:
    def restore(self, dest):
        self.archive.extractall(dest, members=list(self.archive))  # expect: PY207:9
