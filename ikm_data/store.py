"""The versioned store: every commit an immutable version, one small state file that
switches atomically, the uploaded file kept as received.

Layout of a data directory::

    state.json                  the current state: which version each phase shows, and the
                                history; replaced atomically (write, fsync, os.replace)
    versions/v7/meta.json       what version 7 is (phase, mode, user, file, sha256, totals,
                                the date its data is as of, the programme)
    versions/v7/participants.parquet   the whole phase as it stood right after version 7
    versions/v7/profiles.parquet       its rows folded for the aggregate figures (``profiles``)
    versions/v7/search.parquet         the directory's search column (``search``)
    versions/v7/partners.parquet       the tourism partners its rows name (``partner_cells``)
    versions/v7/listing.parquet        the rows of the uncertified enterprises' list (``listing``)
    versions/v7/upload/<file>   the file as the official uploaded it
    .lock                       writers take it (flock); readers never wait

A crash at any moment leaves the old state or the new one: a version directory is renamed
into place complete, and it counts only once ``state.json`` names it. A commit that fails
(disk full...) removes its temporary files at once and raises ``WriteFailed``; what a killed
writer left (``versions/.tmp-*``, ``versions/.orphan-*``, ``.state.json.*.tmp``, and version
folders above the state's ``seq`` that it does not name) is removed by the next
``Store.open`` that can take the lock without waiting, and by the next commit.

A damaged store (``state.json`` unreadable, a shown version's Parquet file missing...) raises
``StoreDamaged`` where a read meets the damage; ``Store.check`` and ``Store.repair`` (module
``store_check``) explain and repair it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ikm_data import listing, partner_cells, profiles, schema, search
from ikm_data.schema import table_totals
from ikm_data.errors import StoreDamaged, StoreError, UnknownVersion, UsageError, WriteFailed
from ikm_data.files import file_lock, fsync_dir, fsync_file, private_dir, temporary_name, tighten, write_file
from ikm_data.formatting import WITA, fmt_int, utc_now
from ikm_data.i18n import t
from ikm_data.settings import data_dir as resolve_data_dir
from ikm_data.settings import setting

STATE_FILE = "state.json"
# Files written at commit beside a version's rows, each from them (``write(folder, table)``):
# read by the queries when there, else computed from the rows (older versions).
DERIVED = (profiles, search, partner_cells, listing)
DIRECTORY_ORDER = [("name", "ascending"), ("product_code", "ascending"), ("source_row", "ascending")]
FORMAT = 1
MODES = ("replace", "append")
SAMPLE_USER = "sistem"
DEFAULT_PROGRAMME = "JPS Gemilang"
PROGRAMME_MAX = 80


@dataclass(frozen=True)
class VersionMeta:
    """One history entry. ``mode`` is replace, append, sample, rollback or remove."""

    version: str
    phase: int
    mode: str
    user: str
    file: str
    sha256: str
    rows: int
    enterprises: int
    workers: int
    at: str
    sample: bool = False
    rollback_of: str | None = None
    note: str = ""
    as_of: str = ""  # the date the data is as of (ISO ``YYYY-MM-DD``), '' when not given
    programme: str = DEFAULT_PROGRAMME

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> "VersionMeta":
        """An entry as ``state.json``/``meta.json`` hold it; keys an older store lacks take
        their defaults and keys a newer one adds are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    @property
    def upload_day(self) -> str:
        """The day of the upload in WITA (ISO date), for where no ``as_of`` was given."""
        at = dt.datetime.fromisoformat(self.at)
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.timezone.utc)
        return at.astimezone(WITA).date().isoformat()


@dataclass(frozen=True)
class State:
    seq: int
    phases: dict[int, str | None]  # phase -> version shown (None: the phase was emptied)
    history: tuple[VersionMeta, ...] = field(default_factory=tuple)

    def current(self, phase: int) -> VersionMeta | None:
        vid = self.phases.get(phase)
        return self.version(vid) if vid else None

    def version(self, vid: str) -> VersionMeta:
        for meta in self.history:
            if meta.version == vid:
                return meta
        raise UnknownVersion.from_key("store.version_unknown", version=vid)

    @property
    def token(self) -> str:
        """Changes whenever the state changes: a cache key for queries."""
        return str(self.seq)


@dataclass(frozen=True)
class _NewVersion:
    """What a new version is made of: the fields of its history entry that the writer does
    not give (number, totals, time) and its data — rows to write (a table), a Parquet file
    to copy (a rollback), or nothing (the phase emptied)."""

    phase: int
    mode: str
    user: str
    file: str
    sha256: str
    data: pa.Table | Path | None = None
    upload: bytes | None = None  # the file as the official uploaded it, kept under upload/
    sample: bool = False
    rollback_of: str | None = None
    note: str = ""
    as_of: str = ""
    programme: str = DEFAULT_PROGRAMME


@dataclass(frozen=True)
class CommitResult:
    meta: VersionMeta
    noop: bool = False


def parse_state(text: str) -> State:
    """The state ``state.json``'s text holds; ValueError when it is not valid JSON or not
    a state (missing keys, wrong types, a shown version absent from the history)."""
    try:
        raw = json.loads(text)
        state = State(
            seq=int(raw["seq"]),
            phases={int(k): v for k, v in raw["phases"].items()},
            history=tuple(VersionMeta.from_dict(m) for m in raw["history"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    known = {m.version for m in state.history}
    lost = [v for v in state.phases.values() if v is not None and v not in known]
    if lost or any(not isinstance(v, (str, type(None))) for v in state.phases.values()):
        raise ValueError(f"phases name versions not in the history: {lost}")
    return state


def sha256_bytes(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def today() -> dt.date:
    """Today in NTB (WITA)."""
    return dt.datetime.now(WITA).date()


def clean_as_of(value: dt.date | str | None) -> str:
    """The date the data is as of, as stored: ISO ``YYYY-MM-DD``, or '' when not given.
    Takes a date or ``YYYY-MM-DD`` text; raises UsageError for any other text or a date
    after today (WITA)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        text = str(value).strip()
        try:
            if len(text) != 10:
                raise ValueError(text)
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise UsageError.from_key("versions.as_of.bad", value=text) from None
    if value > today():
        raise UsageError.from_key("versions.as_of.future", value=value.isoformat())
    return value.isoformat()


def clean_programme(value: str | None) -> str:
    """The programme's name as stored (spaces tidied; ``None`` gives the default).
    Raises UsageError for a blank or overlong name."""
    if value is None:
        return DEFAULT_PROGRAMME
    text = " ".join(str(value).split())
    if not text:
        raise UsageError.from_key("versions.programme.empty")
    if len(text) > PROGRAMME_MAX:
        raise UsageError.from_key("versions.programme.long", limit=PROGRAMME_MAX)
    return text


_WRITE_KEYS = {errno.ENOSPC: "store.write.disk_full", errno.EDQUOT: "store.write.disk_full",
               errno.EFBIG: "store.write.disk_full", errno.EROFS: "store.write.read_only"}


def write_failed(exc: OSError, root: Path, need: int = 0) -> WriteFailed:
    """The named error for a write that failed with ``exc`` (disk full, read-only, I/O)."""
    text = str(exc)
    key = _WRITE_KEYS.get(exc.errno or 0) or (
        "store.write.disk_full" if "No space left" in text or "quota" in text.lower()
        else "store.write.read_only" if "Read-only" in text else "store.write.io")
    return WriteFailed.from_key(key, need=fmt_int(max(1, -(-need // 1_000_000))), path=str(root),
                                detail=" ".join(text.split())[:200])


def _pause_point(name: str) -> None:
    """Test hook for the crash and race tests: with ``IKM_TEST_PAUSE_AT=<name>`` a writer
    announces the point (``IKM_TEST_PAUSE_FILE`` is created, a line goes to stderr) and
    waits there to be killed — or goes on once the test deletes that file (a barrier: two
    writers both validated, then let go at once). Points: before-lock (validated, the
    lock not yet taken), before-rename, after-rename, before-state, before-replace,
    after-state."""
    if setting("IKM_TEST_PAUSE_AT") != name:
        return
    marker = setting("IKM_TEST_PAUSE_FILE")
    if marker:
        Path(marker).write_text(name, encoding="utf-8")
    print(f"IKM_PAUSED {name}", file=sys.stderr, flush=True)
    while not marker or Path(marker).exists():
        time.sleep(0.02 if marker else 1)


def _write_rows(path: Path, data: pa.Table | Path | None) -> tuple[int, int, int]:
    """Write a version's participant rows to ``path`` (a table, or a copy of a Parquet file;
    nothing for an emptied phase) and the files derived from them beside them (``DERIVED``),
    and return their totals (``schema.table_totals``)."""
    if data is None:
        return 0, 0, 0
    if isinstance(data, Path):
        shutil.copyfile(data, path)
        data_path, data = data, pq.read_table(path)
        for derived in DERIVED:
            if (data_path.parent / derived.FILE).exists():  # a rollback: the version's own, copied
                shutil.copyfile(data_path.parent / derived.FILE, path.with_name(derived.FILE))
            else:
                derived.write(path.parent, data)
    else:
        pq.write_table(data, path)
        for derived in DERIVED:
            derived.write(path.parent, data)
    return table_totals(data)


def readable_parquet(path: Path) -> bool:
    """True when ``path`` is a Parquet file whose footer can be read."""
    try:
        pq.read_metadata(path)
    except (OSError, pa.ArrowException):
        return False
    return True


def _safe_name(name: str) -> str:
    base = os.path.basename(name.replace("\\", "/")).strip() or "upload"
    return "".join(c if c.isalnum() or c in " ._-()" else "_" for c in base)[:120]


class Store:
    """A data directory holding the versioned participant data."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: str | os.PathLike | None = None, *, seed_sample: bool | None = None) -> "Store":
        """Open (creating if needed) the store at ``data_dir`` (see ``settings.data_dir``).

        A new store is seeded with the synthetic Phase III sample unless ``seed_sample`` is
        False or ``IKM_NO_SAMPLE=1``. Its files are the service's own (``0600`` files,
        ``0700`` folders, see ``files``); an existing store is brought to those modes here.
        """
        store = cls(resolve_data_dir(data_dir))
        if not (store.root / STATE_FILE).exists() and not store._has_versions():
            if seed_sample is None:
                seed_sample = setting("IKM_NO_SAMPLE") not in ("1", "true", "yes")
            store._initialise(seed_sample)
        else:
            store.clean_leftovers(wait=False)
            tighten(store.root)  # a store written before files were private (0644/0755): 0600/0700
        return store

    def _has_versions(self) -> bool:
        """True when a version folder exists (a store whose state.json is lost is never
        initialised again over its versions)."""
        folder = self.root / "versions"
        return folder.exists() and any(p.name[1:].isdigit() for p in folder.glob("v*"))

    def _initialise(self, seed_sample: bool) -> None:
        private_dir(self.root / "versions")
        with self._locked():
            if (self.root / STATE_FILE).exists():
                return
            self._write_state(State(seq=0, phases={}))
            if seed_sample:
                from ikm_data import sample

                frame = sample.generate()
                content = sample.to_csv_bytes(frame)
                table = schema.to_table(frame)
                self._commit_locked(lambda state: self._stage_upload(
                    state, table, phase=sample.PHASE, mode="sample", user=SAMPLE_USER,
                    file_name=sample.FILE_NAME, content=content, sample=True, note=t("store.note.sample", "id"),
                ))

    # -- reading ---------------------------------------------------------------------
    def state(self) -> State:
        """The current state, read fresh (the file is small and replaced atomically).
        Raises StoreDamaged when state.json is unreadable, or missing beside versions."""
        try:
            text = (self.root / STATE_FILE).read_text(encoding="utf-8")
        except FileNotFoundError:
            if self._has_versions():
                raise self._damage() from None
            return State(seq=0, phases={})
        except (OSError, ValueError):
            raise self._damage() from None
        try:
            return parse_state(text)
        except ValueError:
            raise self._damage() from None

    def _damage(self) -> StoreDamaged:
        from ikm_data import store_check

        return StoreDamaged(store_check.check(self))

    def explain(self, exc: BaseException) -> BaseException:
        """For a read that failed with ``exc``: the StoreDamaged naming what is wrong (and
        how to recover), or ``exc`` itself when the check finds no damage."""
        from ikm_data import store_check

        return store_check.damage_error(self) or exc

    def check(self):
        """Every problem of the store and the last good version per phase
        (``store_check.Report``); changes nothing."""
        from ikm_data import store_check

        return store_check.check(self)

    def repair(self, *, user: str = "-"):
        """Repair a damaged store under the lock, deleting nothing (``store_check.repair``):
        returns (what was done, the check afterwards)."""
        from ikm_data import store_check

        return store_check.repair(self, user=user)

    def history(self) -> list[VersionMeta]:
        """Every version, newest first."""
        return list(reversed(self.state().history))

    def version_dir(self, vid: str) -> Path:
        return self.root / "versions" / vid

    def parquet_path(self, vid: str) -> Path:
        return self.version_dir(vid) / "participants.parquet"

    def current_files(self, state: State | None = None) -> dict[int, Path]:
        """``{phase: parquet path}`` of every phase that has participant rows now."""
        state = state or self.state()
        return {p: self.parquet_path(v) for p, v in sorted(state.phases.items()) if v}

    def phase_table(self, phase: int, state: State | None = None) -> pa.Table:
        """The participant rows ``phase`` shows now (an empty table when it has none)."""
        path = self.current_files(state).get(phase)
        if not path:
            return schema.empty_table()
        try:
            return pq.read_table(path, schema=schema.SCHEMA)
        except (OSError, pa.ArrowException) as exc:
            raise self.explain(exc) from exc

    def upload_path(self, vid: str) -> Path | None:
        folder = self.version_dir(vid) / "upload"
        files = sorted(folder.iterdir()) if folder.exists() else []
        return files[0] if files else None

    # -- writing ---------------------------------------------------------------------
    def _locked(self):
        return file_lock(self.root / ".lock")

    @contextlib.contextmanager
    def _cleaned_on_failure(self, need: int = 0):
        """Inside the lock: when the block fails, remove what it staged (temporary folders
        and state files, version folders the state does not name) before the error goes
        on; an OSError becomes WriteFailed (disk full, read-only...). The old state stays."""
        try:
            yield
        except BaseException as exc:
            with contextlib.suppress(OSError, StoreDamaged):
                self._remove_leftovers()
            if isinstance(exc, OSError):
                raise write_failed(exc, self.root, need) from exc
            raise

    def _write_state(self, state: State) -> None:
        payload = {
            "format": FORMAT,
            "seq": state.seq,
            "phases": {str(k): v for k, v in sorted(state.phases.items())},
            "history": [m.to_dict() for m in state.history],
        }
        tmp = temporary_name(self.root / STATE_FILE)
        write_file(tmp, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
        _pause_point("before-replace")
        os.replace(tmp, self.root / STATE_FILE)
        fsync_dir(self.root)

    def commit(
        self, table: pa.Table, *, phase: int, mode: str = "replace", user: str, file_name: str,
        content: bytes, note: str = "", as_of: dt.date | str | None = "",
        programme: str | None = DEFAULT_PROGRAMME,
    ) -> CommitResult:
        """Commit validated participant rows for one phase as a new version.

        ``replace`` makes ``table`` the whole phase; ``append`` adds it to what the phase
        holds (onto the synthetic sample it replaces it instead: real and invented rows are
        never mixed). ``as_of`` (the date the data is as of) and ``programme`` are recorded
        with the version. The same content with the same mode, date and programme as the
        phase's current data is a no-op (``CommitResult.noop``). Raises StoreError for a bad
        mode or phase, UsageError for a bad date or programme.
        """
        return self.commit_many({phase: table}, mode=mode, user=user, file_name=file_name,
                                content=content, note=note, as_of=as_of, programme=programme)[0]

    def commit_many(
        self, tables: dict[int, pa.Table], *, mode: str = "replace", user: str, file_name: str,
        content: bytes, note: str = "", as_of: dt.date | str | None = "",
        programme: str | None = DEFAULT_PROGRAMME, rekey: dict[int, dict[str, str]] | None = None,
        guard=None,
    ) -> list[CommitResult]:
        """``commit`` for a file holding several phases (its ``Tahap`` column): one version
        per phase, all switched in by one atomic state change. ``rekey`` (append only):
        per phase, stored enterprise keys to change (``schema.rekeyed``). ``guard``: called
        under the lock with the state as it is then, before anything is written, so that
        what was decided on an older state is decided again on this one: it raises (an
        ``IkmError``, nothing is written) or returns ``(tables, rekey)`` to commit instead
        (None: commit as given). Returns one result per phase, in phase order."""
        as_of, programme = clean_as_of(as_of), clean_programme(programme)
        if mode not in MODES:
            raise StoreError.from_key("store.mode_unknown", mode=mode)
        if not tables:
            raise StoreError.from_key("store.no_phase")
        for phase in tables:
            if not 1 <= int(phase) <= 99:
                raise StoreError.from_key("store.phase_invalid", phase=phase)
        need = len(content or b"") + sum(t.nbytes for t in tables.values()) * 2
        _pause_point("before-lock")
        with self._locked(), self._cleaned_on_failure(need):
            self._clean_debris()
            state = self.state()
            decided = guard(state) if guard is not None else None
            if decided is not None:
                tables, rekey = decided
            results = []
            for phase in sorted(tables, key=int):
                result, state = self._stage_upload(
                    state, tables[phase], phase=int(phase), mode=mode, user=user,
                    file_name=file_name, content=content, note=note, as_of=as_of, programme=programme,
                    rekey=(rekey or {}).get(int(phase)),
                )
                results.append(result)
            if any(not r.noop for r in results):
                _pause_point("before-state")
                self._write_state(state)
                _pause_point("after-state")
            return results

    def _commit_locked(self, stage) -> CommitResult:
        """For a caller holding the lock: ``stage(state)`` writes one version for the state
        as it is now and returns ``(result, the state that shows it)``; that state is
        switched in (unless a no-op). What a failure staged is removed (``WriteFailed``)."""
        with self._cleaned_on_failure():
            self._clean_debris()
            result, state = stage(self.state())
            if not result.noop:
                self._write_state(state)
            return result

    def effective(self, meta: VersionMeta, state: State | None = None) -> VersionMeta:
        """The version whose data ``meta`` shows: a rollback shows its target's."""
        state = state or self.state()
        seen = set()
        while meta.mode == "rollback" and meta.rollback_of and meta.version not in seen:
            seen.add(meta.version)
            meta = state.version(meta.rollback_of)
        return meta

    def _clean_debris(self) -> None:
        """Remove what a writer killed mid-commit left behind (writers hold the lock, so
        nothing here is in use)."""
        versions = self.root / "versions"
        if versions.exists():
            for leftover in versions.glob(".tmp-*"):
                shutil.rmtree(leftover, ignore_errors=True)
        for leftover in self.root.glob(f".{STATE_FILE}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def clean_leftovers(self, *, wait: bool = False) -> bool:
        """Remove what crashed or failed commits left: ``versions/.tmp-*``,
        ``versions/.orphan-*``, ``.state.json.*.tmp`` and version folders numbered above the
        state's ``seq`` that it does not name and that were written after the state last
        switched (renamed into place, the state never switched; a folder older than
        state.json, as after an older state.json was copied back by hand, is kept).
        Only when the lock is free (``wait=False``: never blocks a page load) and state.json
        reads whole (a damaged store is left for ``repair``). True when it ran."""
        with file_lock(self.root / ".lock", wait=wait) as locked:
            if not locked:
                return False
            with contextlib.suppress(StoreDamaged):
                self._remove_leftovers()
                return True
        return False

    def _remove_leftovers(self) -> None:
        state = self.state()  # StoreDamaged: nothing is removed
        self._clean_debris()
        named = {m.version for m in state.history} | {v for v in state.phases.values() if v}
        switched = (self.root / STATE_FILE).stat().st_mtime
        for folder in (self.root / "versions").glob("*"):
            number = folder.name[1:]
            if folder.name.startswith(".orphan-") or (
                    folder.name.startswith("v") and number.isdigit() and int(number) > state.seq
                    and folder.name not in named and folder.stat().st_mtime >= switched):
                shutil.rmtree(folder, ignore_errors=True)

    def _stage_upload(self, state: State, table: pa.Table, *, phase: int, mode: str, user: str,
                      file_name: str, content: bytes, note: str = "", as_of: str = "",
                      programme: str = DEFAULT_PROGRAMME, rekey: dict[str, str] | None = None,
                      sample: bool = False) -> tuple[CommitResult, State]:
        """An uploaded file's rows as the phase's next version (``_write_version``), or a
        no-op when the phase already shows the same content with the same mode, date and
        programme. Returns the result and the state that would show it."""
        digest = sha256_bytes(content) if content is not None else ""
        same = self._unchanged(state, phase, content, digest, mode, as_of, programme)
        if same is not None:
            return CommitResult(same, noop=True), state
        rows = self._upload_rows(state, table, phase=phase, mode=mode, rekey=rekey)
        return self._write_version(state, _NewVersion(
            phase=phase, mode=mode, user=user, file=file_name, sha256=digest, data=rows, upload=content,
            sample=sample, note=note, as_of=as_of, programme=programme))

    def _unchanged(self, state: State, phase: int, content: bytes | None, digest: str, mode: str,
                   as_of: str, programme: str) -> VersionMeta | None:
        """The phase's current version when an upload would change nothing (same file, mode,
        date and programme; never over the sample), else None."""
        current = state.current(phase)
        if current and content is not None and not current.sample:
            shown = self.effective(current, state)
            if (shown.sha256, shown.mode, current.as_of, current.programme) == (digest, mode, as_of, programme):
                return current
        return None

    def _upload_rows(self, state: State, table: pa.Table, *, phase: int, mode: str,
                     rekey: dict[str, str] | None) -> pa.Table:
        """The whole phase after an upload: ``table`` (an append adds it to the stored rows,
        re-keyed by ``rekey``, unless they are the sample), in the stored schema and order."""
        current = state.current(phase)
        if mode == "append" and current and not current.sample:
            stored = schema.rekeyed(self.phase_table(phase, state), rekey)
            table = pa.concat_tables([stored, table.cast(schema.SCHEMA)])
        table = table.cast(schema.SCHEMA).replace_schema_metadata(None)
        table = table.set_column(
            table.schema.get_field_index("phase"), "phase",
            pa.array(np.full(table.num_rows, phase, dtype=np.int16), pa.int16()),
        )
        # Stored in directory order, so a page of the directory is a range of row numbers
        # (queries.directory) instead of a sort of the whole phase.
        return table.sort_by(DIRECTORY_ORDER)

    def _write_version(self, state: State, new: _NewVersion) -> tuple[CommitResult, State]:
        """Write one version's folder complete (temporary name, fsync, rename) and return
        the state that would show it; the caller writes that state."""
        vid = f"v{state.seq + 1}"
        final = self.version_dir(vid)
        if final.exists():  # left by a crash before its state was written: never committed
            final.rename(final.with_name(f".orphan-{vid}-{uuid.uuid4().hex[:8]}"))
        tmp = self.root / "versions" / f".tmp-{uuid.uuid4().hex}"
        private_dir(tmp / "upload")
        if new.upload is not None:
            write_file(tmp / "upload" / _safe_name(new.file), new.upload)
        rows, enterprises, workers = _write_rows(tmp / "participants.parquet", new.data)
        meta = VersionMeta(
            version=vid, phase=new.phase, mode=new.mode, user=new.user or "-", file=new.file,
            sha256=new.sha256, rows=rows, enterprises=enterprises, workers=workers, at=utc_now(),
            sample=new.sample, rollback_of=new.rollback_of, note=new.note, as_of=new.as_of,
            programme=new.programme,
        )
        write_file(tmp / "meta.json", json.dumps(meta.to_dict(), ensure_ascii=False, indent=1).encode())
        for written in ("participants.parquet", *(derived.FILE for derived in DERIVED)):
            if (tmp / written).exists():
                fsync_file(tmp / written)
        tighten(tmp)  # the Parquet file is written by pyarrow, under the process's umask
        fsync_dir(tmp / "upload")
        fsync_dir(tmp)
        _pause_point("before-rename")
        os.rename(tmp, final)
        fsync_dir(final.parent)
        _pause_point("after-rename")
        phases = dict(state.phases)
        phases[new.phase] = vid if new.data is not None else None
        return CommitResult(meta), State(seq=state.seq + 1, phases=phases, history=state.history + (meta,))

    def rollback(self, version: str, *, user: str = "-") -> VersionMeta:
        """Put ``version``'s phase back as it stood right after that version, as a new
        history entry; other phases are left alone. Raises UnknownVersion."""
        vid = version if str(version).startswith("v") else f"v{version}"
        with self._locked():
            return self._rollback_locked(vid, user=user, note=t("store.note.rollback", "id", version=vid))

    def _rollback_locked(self, vid: str, *, user: str, note: str) -> VersionMeta:
        """``rollback`` for a caller holding the lock. Raises UnknownVersion, and
        StoreError when the target's rows cannot be read (never an empty phase instead)."""
        target = self.state().version(vid)
        source = self.parquet_path(vid)
        if target.rows and not readable_parquet(source):
            raise StoreError.from_key("store.version_unreadable", version=vid)
        new = _NewVersion(
            phase=target.phase, mode="rollback", user=user, file=target.file, sha256=target.sha256 or "",
            data=source if source.exists() else None, sample=target.sample, rollback_of=vid,
            note=note, as_of=target.as_of, programme=target.programme,
        )
        return self._commit_locked(lambda state: self._write_version(state, new)).meta

    def _remove_locked(self, current: VersionMeta, *, user: str, note: str) -> VersionMeta:
        """Empty ``current``'s phase as a new history entry (mode ``remove``, carrying the
        emptied version's file, date and programme). The caller holds the lock."""
        new = _NewVersion(phase=current.phase, mode="remove", user=user, file=current.file, sha256="",
                          note=note, as_of=current.as_of, programme=current.programme)
        return self._commit_locked(lambda state: self._write_version(state, new)).meta

    def remove_sample(self, *, user: str = "-") -> list[VersionMeta]:
        """Empty every phase that now shows the synthetic sample (one action; it stays in
        the history and can be rolled back). Returns the new history entries."""
        done = []
        with self._locked():
            state = self.state()
            for phase in sorted(state.phases):
                current = state.current(phase)
                if current and current.sample:
                    done.append(self._remove_locked(current, user=user, note=t("store.note.sample_removed", "id")))
                    state = self.state()
        return done

    def remove_phase(self, phase: int, *, user: str = "-") -> VersionMeta | None:
        """Empty ``phase`` (its rows, sample or uploaded) as a new history entry; rolling
        back to the version before brings them back. Returns the entry, or None when the
        phase shows no rows (never uploaded, already emptied, or only published figures,
        which live in the reference data and are not the store's to remove)."""
        with self._locked():
            current = self.state().current(int(phase))
            if current is None:
                return None
            return self._remove_locked(current, user=user, note=t("store.note.phase_removed", "id", phase=int(phase)))
