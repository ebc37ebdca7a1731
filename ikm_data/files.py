"""Writing files so that a crash or another writer never leaves half a file: an exclusive
lock per data directory (``file_lock``), a write that replaces a file whole
(``atomic_write``), and the fsync steps they are made of."""

from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from pathlib import Path


@contextlib.contextmanager
def file_lock(path: Path, *, wait: bool = True):
    """Hold an exclusive lock on ``path`` (created if needed) for the ``with`` block;
    writers of the same data directory, in any process, take turns. With ``wait=False``
    it yields False at once, holding nothing, when another holds the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
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


def temporary_name(path: Path) -> Path:
    """A hidden, unique name beside ``path`` for a file that becomes ``path`` by a rename."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def write_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` and fsync it (the rename that follows publishes it)."""
    with open(path, "wb") as fh:
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
