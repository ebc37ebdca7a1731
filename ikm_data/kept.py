"""Results kept per data state in the data directory (``derived/``): lists that take long
to work out over millions of rows and change only when the data does (the returning
enterprises, a phase's uncertified enterprises without filters). Each is worked out by the
first view that needs it, in whichever server process, written atomically under a key naming
the versions it was worked out from, and read by every later view and process; the file of
an earlier state goes when a new one is written, once it is ten minutes old. Nothing depends on it: where it cannot be
written (a full disk, a folder it may not write) the list is worked out at every view."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.parquet as pq

from ikm_data.files import private_dir, temporary_name
from ikm_data.store import readable_parquet

DIR = "derived"
GRACE_S = 600  # an earlier state's file is removed once it is this old


def kept(root: Path | None, name: str, versions, build: Callable[[], pa.Table] | None, sql: str) -> Path | None:
    """The file of the result ``name`` worked out from ``versions`` (JSON-able: the phases
    and versions it depends on) with ``sql`` (part of the key: a release that works it out
    otherwise makes another file) in the data directory ``root``, built with ``build`` when
    missing. None where ``root`` is None, the file is missing and ``build`` is None, or it
    cannot be written."""
    if root is None:
        return None
    key = hashlib.sha256(json.dumps([versions, sql]).encode()).hexdigest()[:24]
    path = Path(root) / DIR / f"{name}-{key}.parquet"
    if readable_parquet(path):
        return path
    if build is None:
        return None
    table = build()
    tmp = temporary_name(path)
    try:
        private_dir(path.parent)
        pq.write_table(table, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    for old in path.parent.glob(f"{name}-*.parquet"):  # earlier data states'
        if old != path and _stale(old):
            old.unlink(missing_ok=True)
    return path


def _stale(path: Path) -> bool:
    """True when ``path`` was written more than ``GRACE_S`` ago: a view still running on the
    earlier data state (another session, another process) may be reading a younger one."""
    try:
        return time.time() - path.stat().st_mtime > GRACE_S
    except OSError:
        return False
