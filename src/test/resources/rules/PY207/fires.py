import shutil
import tarfile


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
