"""Backups of the data directory: one ``.tar.gz`` archive written while the store's locks
are held, so no commit, rollback, repair or remembered mapping is half in it, and its
restore into an empty folder.

What is archived: everything in the data directory (``state.json``, every ``versions/vN/``
folder with its upload as received, ``mappings.json``, and any other file the service keeps
there, such as accounts or an audit log) except lock files and what a crashed writer left
(``versions/.tmp-*``, ``versions/.orphan-*``, ``.*.tmp``). Names in the archive are relative
to the data directory, so ``tar -xzf FILE -C EMPTY_FOLDER`` restores it too. The archive
holds personal data (NIK, phone): it is written ``0600``, and a restore makes every file
``0600`` and every folder ``0700`` (``files.tighten``).
"""

from __future__ import annotations

import contextlib
import os
import tarfile
from dataclasses import dataclass
from pathlib import Path

from ikm_data.errors import UsageError
from ikm_data.files import PRIVATE_FILE, file_lock, fsync_dir, private_dir, temporary_name, tighten
from ikm_data.store import Store

# the writers' locks, taken in this order: the store, the mappings, the accounts, the audit log
_LOCKS = (".lock", ".mappings.lock", "access/.lock", "audit/.lock")


@dataclass(frozen=True)
class Archived:
    """What a backup or a restore handled: the number of files, their bytes, the versions."""

    files: int
    size: int
    versions: int


def _skipped(relative: Path) -> bool:
    """True for what a backup leaves out: locks and a crashed writer's leftovers."""
    name = relative.name
    if relative.as_posix() in _LOCKS or (name.startswith(".") and name.endswith(".tmp")):
        return True
    return len(relative.parts) > 1 and relative.parts[0] == "versions" and (
        relative.parts[1].startswith(".tmp-") or relative.parts[1].startswith(".orphan-"))


def _members(root: Path) -> list[Path]:
    """Every file to archive, relative to ``root``, in a stable order."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        here = Path(folder).relative_to(root)
        dirs[:] = [d for d in dirs if not _skipped(here / d)]
        out += [here / f for f in sorted(files) if not _skipped(here / f)]
    return out


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def backup(store: Store, out: str | os.PathLike) -> Archived:
    """Archive ``store``'s data directory to ``out`` (``.tar.gz``, ``0600``, written whole
    or not at all) while holding its locks. Raises UsageError when ``out`` lies inside the
    data directory (a backup would hold the backups before it)."""
    out = Path(out)
    if _inside(out, store.root):
        raise UsageError.from_key("privacy.backup.inside", out=str(out), root=str(store.root))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(out)
    try:
        with contextlib.ExitStack() as locks:
            for name in _LOCKS:
                locks.enter_context(file_lock(store.root / name))
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            with os.fdopen(fd, "wb") as fh, tarfile.open(fileobj=fh, mode="w:gz") as tar:
                members = _members(store.root)
                for relative in members:
                    tar.add(store.root / relative, arcname=str(relative), recursive=False)
                fh.flush()
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(out.parent)
    return _summary(store.root, members)


def _summary(root: Path, members: list[Path]) -> Archived:
    versions = {m.parts[1] for m in members if len(m.parts) > 2 and m.parts[0] == "versions"}
    return Archived(files=len(members), size=sum((root / m).stat().st_size for m in members),
                    versions=len(versions))


def restore(archive: str | os.PathLike, target: str | os.PathLike) -> Archived:
    """Unpack a backup into ``target``, a folder that does not exist or is empty (a restore
    never mixes two stores), files ``0600`` and folders ``0700``. Only regular files and
    folders inside ``target`` are taken (``tarfile``'s ``data`` filter). Check the result
    with ``check-store`` (``Store.check``). Raises UsageError for a non-empty target or a
    file that is not a backup."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise UsageError.from_key("privacy.restore.not_empty", target=str(target))
    private_dir(target)
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            names = tar.getnames()
            if "state.json" not in names:
                raise UsageError.from_key("privacy.restore.not_backup", archive=str(archive))
            tar.extractall(target, filter="data")
    except (tarfile.TarError, OSError, EOFError) as err:
        raise UsageError.from_key("privacy.restore.not_backup", archive=str(archive)) from err
    tighten(target)
    return _summary(target, [Path(n) for n in names if (target / n).is_file()])
