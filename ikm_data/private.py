"""Files only the service's own user may read: folders 0700, files 0600, written whole
(``files`` atomic-write steps with the mode set before the file gets its name). Accounts,
sessions, the secret key and the audit log live in such folders of the data directory."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ikm_data.files import fsync_dir, temporary_name

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """``path`` (and missing parents) as a folder only the owner can enter; returned."""
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def write_private(path: Path, content: bytes) -> None:
    """Replace ``path`` whole with ``content``, mode 0600 from its first byte (a temporary
    file beside it, fsynced, renamed over; removed when the write fails)."""
    path = Path(path)
    private_dir(path.parent)
    tmp = temporary_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def read_private(path: Path) -> bytes | None:
    """The content of ``path``, None when it does not exist."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None
