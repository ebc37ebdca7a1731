"""Writing files so that a crash or another writer never leaves half a file: an exclusive
lock per data directory (``file_lock``), a write that replaces a file whole
(``atomic_write``), and the fsync steps they are made of.

Everything written here is the service's own: files ``0600`` and folders ``0700``
(``PRIVATE_FILE``, ``PRIVATE_DIR``), whatever the process's umask, because a store holds
the uploads as received, with owners' NIK and phone numbers (UU 27/2022). ``tighten``
brings an older store, written ``0644``/``0755``, to the same modes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


@contextlib.contextmanager
def file_lock(path: Path, *, wait: bool = True):
    """Hold an exclusive lock on ``path`` (created if needed) for the ``with`` block;
    writers of the same data directory, in any process, take turns. With ``wait=False``
    it yields False at once, holding nothing, when another holds the lock."""
    private_dir(path.parent)
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, PRIVATE_FILE), "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def atomic_write(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so that a reader, or a crash, sees the old file or
    the new one whole (write a temporary file beside it, fsync, rename over). The
    temporary file is removed when the write fails."""
    path = Path(path)
    tmp = temporary_name(path)
    try:
        write_file(tmp, content)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_private(path: Path, content: bytes) -> None:
    """``atomic_write`` into a ``0700`` folder (made if missing): accounts, sessions, the
    secret key."""
    private_dir(Path(path).parent)
    atomic_write(path, content)


def read_private(path: Path) -> bytes | None:
    """The content of ``path``, None when it does not exist."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def temporary_name(path: Path) -> Path:
    """A hidden, unique name beside ``path`` for a file that becomes ``path`` by a rename."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def write_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` (``0600``) and fsync it (the rename that follows
    publishes it)."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE), "wb") as fh:
        os.fchmod(fh.fileno(), PRIVATE_FILE)  # an existing file keeps its mode through O_CREAT
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())


def fsync_file(path: Path) -> None:
    """Flush a file written by another library (e.g. Parquet) to the disk."""
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents as ``0700`` folders (``path`` itself is
    made ``0700`` even when it existed); returns it."""
    path = Path(path)
    missing = []
    for parent in (path, *path.parents):
        if parent.exists():
            break
        missing.append(parent)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    for folder in missing:
        os.chmod(folder, PRIVATE_DIR)  # mkdir's mode passes through the umask
    if not missing:
        with contextlib.suppress(PermissionError):  # a folder of another owner stays as it is
            os.chmod(path, PRIVATE_DIR)
    return path


def tighten(root: Path) -> int:
    """Make every folder under ``root`` (and ``root``) ``0700`` and every file ``0600``;
    returns how many modes were changed. Files this process cannot change (another
    owner's) are left as they are; symbolic links are not followed."""
    changed = 0
    for folder, dirs, files in os.walk(root):
        for path, mode in [(folder, PRIVATE_DIR), *((os.path.join(folder, f), PRIVATE_FILE) for f in files)]:
            try:
                st = os.lstat(path)
                if os.path.islink(path) or (st.st_mode & 0o777) == mode:
                    continue
                os.chmod(path, mode)
                changed += 1
            except OSError:
                continue
    return changed
