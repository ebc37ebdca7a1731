"""A damaged store explains itself and can be repaired without losing data.

``check(store)`` collects every problem (``state.json`` unreadable or missing, a version's
folder, Parquet file or ``meta.json`` missing or unreadable) and the last good version of
each phase. It stats files and reads Parquet footers only, so it is cheap enough for every
page load of a damaged store; the healthy path never runs it (``Store`` calls it only when a
read fails).

``repair(store)`` never deletes anything: an unreadable ``state.json`` is kept aside as
``state.json.rusak-<time>`` and the state is rebuilt from ``versions/*/meta.json``; a
missing ``meta.json`` is written again (from the history, or from its Parquet file); a phase
whose shown version cannot be read gets a new history entry putting back its last good
version (like a rollback, noted as a repair).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ikm_data.errors import StoreDamaged
from ikm_data.files import write_file
from ikm_data.i18n import t
from ikm_data.schema import table_totals
from ikm_data.store import STATE_FILE, State, Store, VersionMeta, parse_state, sha256_bytes

# What reading a damaged version raises (missing file, truncated footer, DuckDB's view).
READ_ERRORS = (OSError, pa.ArrowException, duckdb.Error)
_VERSION = re.compile(r"^v(\d+)$")
_META_KEYS = ("damage.version.meta", "damage.version.meta_bad")  # the data itself still reads
REBUILT_NOTE = "meta.json dipulihkan dari berkas Parquet"  # stored, like every note, in Indonesian


@dataclass(frozen=True)
class Problem:
    """One thing wrong. ``current``: the version is what its phase shows now (blocking)."""

    key: str
    version: str | None = None
    phase: int | None = None
    current: bool = False
    detail: str = ""
    count: int = 0

    @property
    def blocking(self) -> bool:
        """True when pages cannot show the data (the state, or a phase's shown version)."""
        return self.key.startswith("damage.state.") or self.current

    def text(self, lang: str = "id") -> str:
        where = ""
        if self.phase is not None:
            where = t("damage.where.current" if self.current else "damage.where.older", lang, phase=self.phase)
        return t(self.key, lang, version=self.version or "", where=where, detail=self.detail,
                 count=self.count)


@dataclass(frozen=True)
class Report:
    """What ``check`` found: ``problems`` (every one), ``state`` (read, or rebuilt from the
    versions' meta.json when unreadable), ``last_good`` (phase -> newest readable version,
    None when it has none) and ``readable`` (version id -> its data can be read)."""

    problems: tuple[Problem, ...]
    state: State
    state_readable: bool
    last_good: dict[int, str | None] = field(default_factory=dict)
    empty: frozenset[str] = frozenset()  # versions that hold no rows (a removal)

    @property
    def ok(self) -> bool:
        """Pages can show the data (notes about older versions may remain)."""
        return not any(p.blocking for p in self.problems)

    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    def notes(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    def heading(self, lang: str = "id") -> str:
        return t("damage.title", lang)

    def last_good_text(self, lang: str = "id", phases=None) -> str:
        parts = []
        for phase in sorted(phases if phases is not None else self.last_good):
            vid = self.last_good.get(phase)
            key = ("damage.last_good.none" if vid is None else
                   "damage.last_good.empty" if vid in self.empty else "damage.last_good.phase")
            parts.append(t(key, lang, phase=phase, version=vid or ""))
        return t("damage.last_good", lang, versions="; ".join(parts)) if parts else ""

    def damaged_phases(self) -> list[int]:
        return sorted({p.phase for p in self.blocking() if p.phase is not None}) or sorted(self.last_good)

    def lines(self, lang: str = "id", *, here: bool = False) -> list[str]:
        """The problems, then the last good version of the damaged phases, then how to recover
        (``here``: on the page that has the repair button)."""
        how = t("damage.how.here" if here else "damage.how", lang)
        return [p.text(lang) for p in self.blocking() or self.problems] + [
            x for x in (self.last_good_text(lang, self.damaged_phases()), how) if x]

    def text(self, lang: str = "id") -> str:
        return "\n".join([t("damage.intro", lang), *(f"- {x}" for x in self.lines(lang))])


# -- reading what is there ------------------------------------------------------------------
def _numbered_versions(store: Store) -> list[str]:
    folder = store.root / "versions"
    found = [p.name for p in folder.iterdir() if _VERSION.match(p.name)] if folder.exists() else []
    return sorted(found, key=lambda v: int(v[1:]))


def _read_meta(path: Path, vid: str) -> VersionMeta | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        meta = VersionMeta.from_dict(raw)
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return meta if meta.version == vid and isinstance(meta.phase, int) else None


def _parquet_problem(path: Path, meta: VersionMeta) -> tuple[str, str] | None:
    """(problem key, detail) when ``meta``'s Parquet file is missing or unreadable; a
    version without rows (a removal) needs none."""
    if not path.exists():
        return None if meta.rows == 0 else ("damage.version.parquet", "")
    try:
        rows = pq.read_metadata(path).num_rows
    except READ_ERRORS as exc:
        return "damage.version.parquet_bad", _short(exc)
    if rows != meta.rows:
        return "damage.version.parquet_bad", f"{rows} ≠ {meta.rows}"
    return None


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def _meta_from_parquet(store: Store, vid: str) -> VersionMeta | None:
    """A version's entry rebuilt from its Parquet file and kept upload (meta.json lost)."""
    path = store.parquet_path(vid)
    try:
        table = pq.read_table(path)
        phase = int(table.column("phase")[0].as_py())
    except (*READ_ERRORS, KeyError, IndexError, TypeError, ValueError):
        return None
    rows, enterprises, workers = table_totals(table)
    upload = store.upload_path(vid)
    at = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
    return VersionMeta(
        version=vid, phase=phase, mode="replace", user="-", file=upload.name if upload else "-",
        sha256=sha256_bytes(upload.read_bytes()) if upload else "", rows=rows, enterprises=enterprises,
        workers=workers, at=at, note=REBUILT_NOTE,
    )


def _read_state(store: Store) -> tuple[State | None, Problem | None]:
    path = store.root / STATE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        count = len(_numbered_versions(store))
        return (None, Problem("damage.state.missing", count=count)) if count else (State(0, {}), None)
    except (OSError, ValueError) as exc:
        return None, Problem("damage.state.unreadable", detail=_short(exc))
    if not text.strip():
        return None, Problem("damage.state.empty")
    try:
        json.loads(text)
    except ValueError as exc:
        return None, Problem("damage.state.unreadable", detail=_short(exc))
    try:
        return parse_state(text), None
    except ValueError as exc:
        return None, Problem("damage.state.structure", detail=_short(exc))


def rebuild_state(store: Store) -> tuple[State, list[Problem], dict[str, VersionMeta]]:
    """The state as the versions' meta.json tell it: history in version order, each phase
    showing its newest entry (a removal, or a rollback to one, shows nothing). Returns the
    state, the problems met and the entries rebuilt from Parquet files (meta.json lost)."""
    history, problems, rebuilt = [], [], {}
    numbered = _numbered_versions(store)
    for vid in numbered:
        meta_path = store.version_dir(vid) / "meta.json"
        meta = _read_meta(meta_path, vid)
        if meta is None:
            problems.append(Problem("damage.version.meta_bad" if meta_path.exists() else "damage.version.meta",
                                    version=vid))
            meta = _meta_from_parquet(store, vid)
            if meta is None:
                problems.append(Problem("damage.version.lost", version=vid))
                continue
            rebuilt[vid] = meta
        history.append(meta)
    phases: dict[int, str | None] = {}
    for meta in history:
        phases[meta.phase] = meta.version if meta.rows > 0 else None
    seq = int(numbered[-1][1:]) if numbered else 0
    return State(seq=seq, phases=phases, history=tuple(history)), problems, rebuilt


# -- the check ------------------------------------------------------------------------------
def _version_problems(store: Store, state: State, meta: VersionMeta, check_meta: bool) -> list[Problem]:
    vid, current = meta.version, state.phases.get(meta.phase) == meta.version
    folder = store.version_dir(vid)
    if not folder.exists():
        return [Problem("damage.version.folder", vid, meta.phase, current)]
    found = []
    bad = _parquet_problem(store.parquet_path(vid), meta)
    if bad:
        found.append(Problem(bad[0], vid, meta.phase, current, detail=bad[1]))
    if check_meta and _read_meta(folder / "meta.json", vid) is None:
        found.append(Problem("damage.version.meta_bad" if (folder / "meta.json").exists() else "damage.version.meta",
                             version=vid))
    return found


def check(store: Store) -> Report:
    """Every problem of the store at ``store.root`` and the last good version per phase
    (see the module's docstring). Reads footers and stats files; changes nothing."""
    state, problem = _read_state(store)
    problems = [problem] if problem else []
    if state is None:
        state, more, _ = rebuild_state(store)
        problems += more
    per_version = {}
    for meta in state.history:
        per_version[meta.version] = _version_problems(store, state, meta, check_meta=problem is None)
        problems += per_version[meta.version]
    unreadable = {v for v, found in per_version.items() if any(p.key not in _META_KEYS for p in found)}
    last_good: dict[int, str | None] = {}
    for meta in state.history:  # oldest first: the newest readable entry wins
        last_good.setdefault(meta.phase, None)
        if meta.version not in unreadable:
            last_good[meta.phase] = meta.version
    empty = frozenset(m.version for m in state.history if m.rows == 0)
    return Report(tuple(problems), state, problem is None, last_good, empty)


def damage_error(store: Store) -> StoreDamaged | None:
    """The named error explaining the store's damage, or None when ``check`` finds none
    that stops the pages."""
    report = check(store)
    return None if report.ok else StoreDamaged(report)


# -- the repair -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Action:
    """One thing the repair did (or would do): a catalogue key and its values."""

    key: str
    values: dict = field(default_factory=dict)

    def text(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.values)


def plan(report: Report) -> list[Action]:
    """What ``repair`` would do for ``report`` (new version numbers are not known yet:
    ``version`` is "…")."""
    actions = []
    if not report.state_readable:
        actions.append(Action("damage.repair.state_written", {"count": len(report.state.history)}))
    for p in report.problems:
        if p.key in _META_KEYS and p.version in _known(report):
            rebuilt = report.state.version(p.version).note == REBUILT_NOTE
            actions.append(Action("damage.repair.meta_rebuilt" if rebuilt else "damage.repair.meta_written",
                                  {"version": p.version}))
    actions += _phase_actions(report, {})
    return actions


def _known(report: Report) -> set[str]:
    return {m.version for m in report.state.history}


def _phase_actions(report: Report, done: dict[int, str]) -> list[Action]:
    out = []
    for phase in sorted({p.phase for p in report.blocking() if p.phase is not None}):
        bad, target = report.state.phases.get(phase), report.last_good.get(phase)
        version = done.get(phase, "…")
        if target is None:
            out.append(Action("damage.repair.emptied", {"phase": phase, "version": version}))
        else:
            out.append(Action("damage.repair.rolled_back", {"phase": phase, "bad": bad, "target": target,
                                                            "version": version}))
    return out


def _keep_aside(path: Path) -> Path:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    kept = path.with_name(f"{path.name}.rusak-{stamp}")
    path.rename(kept)
    return kept


def _restore_state(store: Store, report: Report) -> list[Action]:
    if report.state_readable:
        return []
    path = store.root / STATE_FILE
    count = len(report.state.history)
    if path.exists():
        kept = _keep_aside(path)
        action = Action("damage.repair.state_rebuilt", {"count": count, "kept": kept.name})
    else:
        action = Action("damage.repair.state_written", {"count": count})
    store._write_state(report.state)
    return [action]


def _restore_metas(store: Store, report: Report) -> list[Action]:
    """Write every missing or unreadable meta.json of a version the state knows (the
    unreadable one kept aside)."""
    actions = []
    for meta in report.state.history:
        folder = store.version_dir(meta.version)
        path = folder / "meta.json"
        if not folder.exists() or _read_meta(path, meta.version) is not None:
            continue
        if path.exists():
            _keep_aside(path)
        write_file(path, json.dumps(meta.to_dict(), ensure_ascii=False, indent=1).encode("utf-8"))
        rebuilt_here = meta.note == REBUILT_NOTE
        actions.append(Action("damage.repair.meta_rebuilt" if rebuilt_here else "damage.repair.meta_written",
                              {"version": meta.version}))
    return actions


def _restore_phases(store: Store, report: Report, user: str) -> list[Action]:
    done = {}
    for phase in sorted({p.phase for p in report.blocking() if p.phase is not None}):
        bad, target = report.state.phases.get(phase), report.last_good.get(phase)
        if target is None:
            note = t("damage.repair.note_empty", "id", bad=bad)
            meta = store._remove_locked(report.state.version(bad), user=user, note=note)
        else:
            meta = store._rollback_locked(target, user=user, note=t("damage.repair.note", "id", bad=bad,
                                                                     target=target))
        done[phase] = meta.version
    return _phase_actions(report, done)


def repair(store: Store, user: str = "-") -> tuple[list[Action], Report]:
    """Repair the store under its lock (see the module's docstring): returns what was done
    and the check afterwards. Deletes nothing."""
    with store._locked():
        report = check(store)
        actions = _restore_state(store, report) + _restore_metas(store, report)
        actions += _restore_phases(store, check(store), user)
        return actions, check(store)
