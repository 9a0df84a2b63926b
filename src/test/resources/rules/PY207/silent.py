import os
import shutil
import tarfile
import zipfile


def unpack_diagnostics(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, filter='data')


def unpack_checked(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, members=_safe_members(tar, dest))


def _safe_members(tar, dest):
    for member in tar.getmembers():
        target = os.path.realpath(os.path.join(dest, member.name))
        if target.startswith(os.path.realpath(dest) + os.sep):
            yield member


def unpack_with_callable(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, filter=tarfile.data_filter)


def unpack_zip(path, dest):
    with zipfile.ZipFile(path) as zf:
        zf.extractall(dest)


def unpack_any(path, dest):
    shutil.unpack_archive(path, dest, filter='data')


def unzip_bundle(bundle: zipfile.ZipFile, dest):
    # Typed as a zip archive, whose extractall() strips absolute paths and '..'.
    bundle.extractall(dest)


def unpack_regular_files(path, dest):
    # A comprehension with a condition chooses members.
    with tarfile.open(path) as tar:
        tar.extractall(dest, members=[m for m in tar if m.isfile() and not m.name.startswith('/')])


def unpack_selected(path, dest, wanted):
    with tarfile.open(path) as tar:
        chosen = [tar.getmember(name) for name in wanted]
        tar.extractall(dest, members=chosen)


def unpack_given(tar, dest, members):
    # The caller's list of members.
    tar.extractall(dest, members=members)
