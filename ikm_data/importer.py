"""Importing an official's file: read -> find the table -> map the columns -> validate ->
commit. One path for the Unggah Data page, the CLI and the tests.

All or nothing: a file with any error stores nothing. Before a commit the page shows the
effect (``effect``): +N IKM, +M workers and the new products against what the phase shows
now.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ikm_data import layout as layout_mod
from ikm_data import readers, schema
from ikm_data.errors import UsageError, ValidationFailed
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t
from ikm_data.layout import Layout
from ikm_data.mapping import REQUIRED, ColumnMap, MappingMemory
from ikm_data.readers import RawSheet
from ikm_data.reference import load_reference
from ikm_data.store import (DEFAULT_PROGRAMME, MODES, CommitResult, State, Store, VersionMeta,
                            clean_as_of, clean_programme, sha256_bytes)
from ikm_data.validate import Issue, Report, recheck_stored, validate

_EXISTING_COLUMNS = ["phase", "name", "regency_code", "product_code", "nib", "source_row", "enterprise_key"]


@dataclass
class Prepared:
    """A file read, its table found and its columns mapped; not yet validated."""

    content: bytes
    file_name: str
    raw: RawSheet
    layout: Layout
    cmap: ColumnMap
    sha256: str

    @property
    def sheets(self) -> tuple[str, ...]:
        return self.raw.sheets

    @property
    def has_phase_column(self) -> bool:
        return "phase" in self.cmap.fields

    @property
    def auto_sheet(self) -> dict | None:
        """When the sheet was chosen by its header (several sheets, none named):
        ``{"sheet", "required", "required_total"}``; else None."""
        raw = self.raw
        if not raw.auto or raw.sheet not in raw.ranks:
            return None
        return {"sheet": raw.sheet, "required": int(raw.ranks[raw.sheet][0]),
                "required_total": len(REQUIRED)}


@dataclass
class Outcome:
    """What an import did: the report, and the versions committed (none when invalid).
    ``seen``: the version each phase of the file showed when it was checked (None: none);
    a caller that shows the effect and commits later passes it back as ``commit(expected=)``."""

    prepared: Prepared
    report: Report
    phase: int | None
    mode: str
    committed: list[CommitResult] = field(default_factory=list)
    effect: list[dict] = field(default_factory=list)
    seen: dict[int, str | None] = field(default_factory=dict)

    @property
    def noop(self) -> bool:
        return bool(self.committed) and all(r.noop for r in self.committed)

    @property
    def version(self) -> str | None:
        changed = [r.meta.version for r in self.committed if not r.noop] or [
            r.meta.version for r in self.committed]
        return ",".join(changed) if changed else None

    def to_json(self, lang: str = "id") -> dict:
        """The CLI's ``validate --json`` / ``import --json`` shape (``version`` on a commit)."""
        rep = self.report
        out = {
            "file": self.prepared.file_name,
            "sheet": self.prepared.raw.sheet,
            "sheet_auto": self.prepared.auto_sheet is not None,
            "phase": self.phase,
            "phases": rep.phases,
            "mode": self.mode,
            "valid": rep.valid,
            "rows": rep.rows,
            "enterprises": rep.enterprises,
            "workers": rep.workers,
            "errors": [i.to_dict(lang) for i in rep.errors],
            "warnings": [i.to_dict(lang) for i in rep.warnings],
            "error_count": rep.errors_total,
            "warning_count": rep.warnings_total,
            "new_products": rep.new_products,
            "totals_rows": rep.totals,
            "header_rows": list(rep.header_rows),
            "columns": rep.columns,
            "sha256": self.prepared.sha256,
        }
        if self.committed:
            out["version"] = self.version
            out["versions"] = [r.meta.version for r in self.committed]
            out["noop"] = self.noop
        if self.effect:
            out["effect"] = self.effect
        return out


def prepare(fileobj, name: str, *, sheet: str | None = None, manual: dict[str, str] | None = None,
            memory: MappingMemory | None = None) -> Prepared:
    """Read ``fileobj`` (bytes or a binary file object) named ``name``, find its header and
    map its columns (``manual`` wins; else a mapping remembered in ``memory`` for the same
    headers). Without ``sheet``, a workbook is read at the sheet whose header matches the
    known fields best (``Prepared.auto_sheet`` says so). Raises IngestError for a file
    that cannot be read."""
    content = readers.read_bytes(fileobj)
    raw = readers.read_file(content, name, sheet, rank=layout_mod.sheet_score)
    found = layout_mod.find_header(raw.grid)
    remembered = False
    if manual is None and memory is not None:
        manual = memory.recall(found.labels)
        remembered = bool(manual)
    try:
        cmap = layout_mod.resolve(found, manual)
    except ValueError:  # a remembered/manual header the file no longer has
        cmap = layout_mod.resolve(found, None)
    cmap.remembered = remembered
    return Prepared(content=content, file_name=name, raw=raw, layout=found, cmap=cmap,
                    sha256=sha256_bytes(content))


def existing_rows(store: Store, phases: list[int], state: State | None = None) -> tuple[pd.DataFrame | None, dict]:
    """The rows stored for ``phases`` (in ``state``; default: now) that an append must not
    duplicate (the sample does not count: an append replaces it), and what names them."""
    state = state or store.state()
    frames, info = [], {}
    for phase in phases:
        meta = state.current(phase)
        if meta is None or meta.sample:
            continue
        table = store.phase_table(phase, state).select(_EXISTING_COLUMNS)
        frames.append(table.to_pandas())
        info = {"phase": phase, "version": meta.version, "file": meta.file}
    if not frames:
        return None, info
    return pd.concat(frames, ignore_index=True), info


def _report(prepared: Prepared, *, store: Store | None, phase: int | None, mode: str, lang: str,
            state: State | None) -> Report:
    """Validate a prepared file (in ``append`` mode also against the rows ``store`` holds
    for the phase in ``state``). Never raises for bad data: everything is in the report."""
    body = layout_mod.split_body(prepared.raw.grid, prepared.layout, prepared.cmap)
    existing, info = None, {}
    if mode == "append" and store is not None:
        phases = [phase] if phase is not None else _file_phases(body, prepared)
        existing, info = existing_rows(store, phases, state)
    return validate(body, prepared.cmap, prepared.layout, phase=phase, existing=existing,
                    existing_info=info, lang=lang, numeric=prepared.raw.numeric)


def _file_phases(body, prepared: Prepared) -> list[int]:
    from ikm_data.validate import NotANumber, parse_phase

    pos = prepared.cmap.fields.get("phase")
    if pos is None or body.data.empty:
        return []
    out = set()
    for u in pd.unique(body.data[pos].astype(str).to_numpy()):
        try:
            p = parse_phase(u)
        except NotANumber:
            continue
        if p is not None:
            out.add(p)
    return sorted(out)


def split_phases(report: Report, phase: int | None) -> dict[int, pa.Table]:
    """The validated rows as one table per phase (the chosen one, or each ``Tahap``)."""
    table = report.table()
    if phase is not None:
        return {int(phase): table}
    out = {}
    for p in report.phases:
        mask = pc.equal(table["phase"], pa.scalar(p, pa.int16()))
        out[int(p)] = table.filter(mask)
    return out


_PRODUCTS_SQL = "SELECT product_code, any_value(product_name) FROM t GROUP BY product_code"


def _totals(table: pa.Table) -> dict:
    con = duckdb.connect()
    try:
        con.register("t", table)
        rows, enterprises, workers = con.execute(schema.TOTALS_SQL).fetchone()
        products = dict(con.execute(_PRODUCTS_SQL).fetchall())
    finally:
        con.close()
    return {"rows": int(rows), "enterprises": int(enterprises), "workers": int(workers),
            "products": products}


def stored_products(store: Store, state=None) -> dict[int, set[str]]:
    """``{phase: product codes}`` of the real rows every phase shows now (a phase showing
    the synthetic sample, or nothing, is left out: its products were never uploaded)."""
    state = state or store.state()
    out = {}
    for p, path in store.current_files(state).items():
        if state.current(p).sample:
            continue
        column = pq.read_table(path, columns=["product_code"]).column("product_code")
        out[p] = {c for c in pc.unique(column).to_pylist() if c}
    return out


def effect(store: Store, report: Report, *, phase: int | None, mode: str,
           state: State | None = None) -> list[dict]:
    """Per phase the file touches: what the phase shows now (``before``), what it would show
    after the commit (``after``), the difference, and the products it brings: ``new_products``
    are not among the phase's uploaded rows now (``phase_had_products`` says whether it had
    any: the sample and an empty phase have none, so every product is new to them),
    ``new_to_programme`` are in no phase's uploaded rows (``programme_had_products``).
    Against ``state`` (default: now). Only for a valid report."""
    if not report.valid:
        return []
    state = state or store.state()
    ref = load_reference()
    stored = stored_products(store, state)
    everywhere = set().union(*stored.values())
    out = []
    for p, table in split_phases(report, phase).items():
        meta = state.current(p)
        current = store.phase_table(p, state)
        before = _totals(current) if meta else {"rows": 0, "enterprises": 0, "workers": 0, "products": {}}
        replaces_sample = bool(meta and meta.sample)
        if mode == "append" and meta and not meta.sample:
            kept = schema.rekeyed(current, report.rekey.get(p))
            after_table = pa.concat_tables([kept, table.cast(current.schema)])
        else:
            after_table = table
        after = _totals(after_table)
        had = stored.get(p, set())
        brought = (after if after_table is table else _totals(table))["products"]  # a replace: the same rows
        out.append({
            "phase": p, "mode": mode, "replaces_sample": replaces_sample,
            "current_version": meta.version if meta else None,
            "before": {k: before[k] for k in ("rows", "enterprises", "workers")},
            "after": {k: after[k] for k in ("rows", "enterprises", "workers")},
            "delta": {k: after[k] - before[k] for k in ("rows", "enterprises", "workers")},
            "new_products": sorted(name for code, name in brought.items() if code not in had),
            "new_to_programme": sorted(name for code, name in brought.items() if code not in everywhere),
            "phase_had_products": bool(had), "programme_had_products": bool(everywhere),
            "unknown_products": [n["name"] for n in report.new_products
                                 if ref.product(n["code"]) is None],
        })
    return out


def mapping_memory(store: Store | None) -> MappingMemory | None:
    """The column mappings remembered in ``store`` (for ``prepare``); None without a store."""
    return MappingMemory(store.root) if store is not None else None


def check(prepared: Prepared, *, store: Store | None = None, phase: int | None = None,
          mode: str = "replace", lang: str = "id") -> Outcome:
    """Validate ``prepared`` (appending, also against the rows ``store`` holds now) and,
    when it is valid and there is a store, the ``effect`` a commit would have; nothing is
    stored. ``Outcome.seen`` holds the versions checked against, for ``commit(expected=)``.
    Never raises for bad data (it is in ``Outcome.report``); UsageError for a bad mode."""
    _check_mode(mode)
    state = store.state() if store is not None else None  # one state for the check and the effect
    return _checked(prepared, store, state, phase=phase, mode=mode, lang=lang)


def commit(prepared: Prepared, *, store: Store, phase: int | None = None, mode: str = "replace",
           user: str = "-", lang: str = "id", as_of=None, programme: str | None = DEFAULT_PROGRAMME,
           expected: dict[int, str | None] | None = None) -> Outcome:
    """Validate ``prepared`` as ``check`` does and, when it has no error, store it in ``store``.

    ``phase`` may be None when the file has a ``Tahap`` column (one version per phase it
    holds). ``as_of`` (a date or ``YYYY-MM-DD``; None: not given) and ``programme`` are
    recorded with the versions. The commit decides again under the store lock (``guard``):
    an append whose phase moved on since the check is compared with the rows stored now;
    a replace is refused when its phase no longer shows the version it was checked on
    (``expected``, an earlier check's ``Outcome.seen``, else this call's check). Returns
    an Outcome (``committed`` empty when rejected). Raises UsageError for a bad mode, no
    phase, a bad date or programme, ValidationFailed when another upload changed the
    phase in the meantime.
    """
    _check_mode(mode)
    as_of, programme = clean_as_of(as_of), clean_programme(programme)
    _check_phase_given(prepared, phase)
    state = store.state()
    outcome = _checked(prepared, store, state, phase=phase, mode=mode, lang=lang)
    report = outcome.report
    if not report.valid:
        return outcome
    guard = _decide_again(store, report, prepared.cmap, phase=phase, mode=mode, checked=state,
                          expected=expected)
    outcome.committed = store.commit_many(split_phases(report, phase), mode=mode, user=user,
                                          file_name=prepared.file_name, content=prepared.content, as_of=as_of,
                                          programme=programme, rekey=report.rekey if mode == "append" else None,
                                          guard=guard)
    return outcome


_commit = commit  # ``run``'s ``commit`` flag hides the function there


def run(fileobj, name: str, *, store: Store | None = None, phase: int | None = None,
        mode: str = "replace", user: str = "-", sheet: str | None = None,
        manual: dict[str, str] | None = None, commit: bool = True, lang: str = "id", as_of=None,
        programme: str | None = DEFAULT_PROGRAMME, expected: dict[int, str | None] | None = None) -> Outcome:
    """A convenience for scripts and tests: ``prepare`` the file (with ``store``'s remembered
    mappings), then ``commit`` it to ``store`` or, with ``commit=False`` or no store, only
    ``check`` it. Raises what those raise (IngestError for an unreadable file; UsageError
    also when ``commit`` is asked without a phase)."""
    _check_mode(mode)
    as_of, programme = clean_as_of(as_of), clean_programme(programme)
    prepared = prepare(fileobj, name, sheet=sheet, manual=manual, memory=mapping_memory(store))
    if commit and store is not None:
        return _commit(prepared, store=store, phase=phase, mode=mode, user=user, lang=lang, as_of=as_of,
                       programme=programme, expected=expected)
    if commit:
        _check_phase_given(prepared, phase)
    return check(prepared, store=store, phase=phase, mode=mode, lang=lang)


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise UsageError.from_key("cli.bad_mode", mode=mode)


def _check_phase_given(prepared: Prepared, phase: int | None) -> None:
    if phase is None and not prepared.has_phase_column:
        raise UsageError.from_key("cli.phase_required")


def _checked(prepared: Prepared, store: Store | None, state: State | None, *, phase: int | None, mode: str,
             lang: str) -> Outcome:
    """The Outcome of validating ``prepared`` against ``store`` in ``state``: the report,
    and with a store the versions seen and (valid) the effect."""
    report = _report(prepared, store=store, phase=phase, mode=mode, lang=lang, state=state)
    outcome = Outcome(prepared=prepared, report=report, phase=phase, mode=mode)
    if store is not None and report.valid:
        outcome.effect = effect(store, report, phase=phase, mode=mode, state=state)
    if state is not None:
        outcome.seen = {p: state.phases.get(p) for p in (report.phases if phase is None else [int(phase)])}
    return outcome


# -- deciding again under the store lock --------------------------------------------------
def _decide_again(store: Store, report: Report, cmap, *, phase: int | None, mode: str, checked: State,
                  expected: dict[int, str | None] | None):
    """The guard of ``commit``'s (``Store.commit_many``): called under the lock with the
    state as it is then. Nothing changed since the check: commit as checked. A replace
    whose phase moved on is refused (it would throw away a version its official never
    saw). An append whose phase moved on is compared with the rows stored now: rows
    another upload stored meanwhile refuse it, naming them; else it commits with the
    enterprise keys recomputed."""
    phases = report.phases if phase is None else [int(phase)]

    def guard(now: State):
        if mode == "replace":
            before = {**{p: checked.phases.get(p) for p in phases}, **(expected or {})}
            moved = [p for p in phases if now.phases.get(p) != before.get(p)]
            if moved:
                errors = [Issue(None, None, None, "race.phase_moved", "error", params=_moved_params(now, p))
                          for p in moved]
                refused = dataclasses.replace(report, errors=errors, warnings=[], errors_total=len(errors),
                                              warnings_total=0)
                raise _refusal("race.replace_refused", refused, phases=", ".join(str(p) for p in moved))
            return None
        moved = [p for p in phases if now.phases.get(p) != checked.phases.get(p)]
        if not moved:
            return None
        existing, _ = existing_rows(store, phases, now)
        stored_by = {p: _moved_params(now, p) for p in moved}
        again = recheck_stored(report, cmap, existing, stored_by)
        if not again.valid:
            raise _refusal("race.append_refused", again, count=fmt_int(again.errors_total),
                           versions="; ".join(f"{v['version']}, {v['file']}" for v in stored_by.values()))
        return split_phases(again, phase), again.rekey

    return guard


def _latest(state: State, phase: int) -> VersionMeta | None:
    """The newest history entry of ``phase`` (what moved it last)."""
    return next((m for m in reversed(state.history) if m.phase == phase), None)


def _moved_params(state: State, phase: int) -> dict:
    meta = _latest(state, phase)
    return {"phase": phase, "version": meta.version if meta else "-", "file": meta.file if meta else "-",
            "user": meta.user if meta else "-"}


def _refusal(key: str, report: Report, **params) -> ValidationFailed:
    """The commit refused (nothing stored): ``key``'s message with ``report``."""
    return ValidationFailed(t(key, "id", **params), report, key=key, params=params)
