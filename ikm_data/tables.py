"""Tables as officials read them: headers from the text catalogue, numbers and dates
already written in id-ID (``2.858``, ``Rp250.000``), yes/no as ✓ and –.

Each builder returns a ``Table``: ``display()`` is what ``st.dataframe`` shows; ``values()``
and ``totals()`` are what the downloads write (see ``export.table_csv``/``table_xlsx``). Both
come from the same columns, headers and labels, so the screen and the file cannot drift.
In files, numbers stay numbers, rounded as the screen rounds them (``num`` to 1 decimal);
labels, dates and ✓ are written as the screen shows them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from ikm_data import schema
from ikm_data.formatting import fmt_date, fmt_datetime, fmt_int, fmt_money, fmt_num, fmt_pct
from ikm_data.i18n import CATALOGUE, t
from ikm_data.reference import slug

_FORMATS = {
    "int": fmt_int,
    "num": fmt_num,
    "pct": fmt_pct,
    "money": fmt_money,
    "date": fmt_date,
    "datetime": fmt_datetime,
    "bool": lambda v: "✓" if v is True or (not pd.isna(v) and bool(v)) else "–",
    "text": lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v),
}
# kinds a file keeps as numbers (the rest are written as the screen shows them)
NUMERIC_KINDS = ("int", "num", "money")


class Column(NamedTuple):
    """One column of a table: the frame's column, the catalogue key of its header, its kind
    (int, num, pct, money, date, datetime, bool, text), whether a totals row adds it up, and
    the values of its header's placeholders (``(("phase", 4),)`` for "TK Tahap 4")."""

    name: str
    key: str
    kind: str
    total: bool = False
    params: tuple[tuple[str, object], ...] = ()

    def header(self, lang: str) -> str:
        """The column's header in ``lang``."""
        return t(self.key, lang, **dict(self.params))


@dataclass(frozen=True, eq=False)
class Table:
    """A table in one language: ``frame`` holds the values (label columns already in the UI
    language), ``columns`` what is shown; ``total_key`` names the totals row's label, None
    where adding the rows up would not give a true figure."""

    frame: pd.DataFrame
    columns: tuple[Column, ...]
    lang: str = "id"
    total_key: str | None = None

    def headers(self, allow_personal: bool = True) -> list[str]:
        """The column headers in the UI language (personal columns left out unless allowed)."""
        return [c.header(self.lang) for c in self._shown(allow_personal)]

    def display(self) -> pd.DataFrame:
        """The frame to show on screen: every cell formatted as text."""
        out = {}
        for c in self.columns:
            fmt = _FORMATS[c.kind]
            if c.kind in ("date", "datetime"):
                fmt = (lambda f: lambda v: f(v, self.lang))(fmt)
            out[c.header(self.lang)] = [fmt(v) for v in self.frame[c.name]] if len(self.frame) else []
        return pd.DataFrame(out)

    def to_pandas(self) -> pd.DataFrame:
        """``display()``, so that ``st.dataframe`` given a Table shows the screen table."""
        return self.display()

    def values(self, allow_personal: bool = False) -> pd.DataFrame:
        """The frame a file carries: the screen's headers and labels; int/money columns as
        whole numbers, num columns rounded to 1 decimal (missing stays missing); personal
        columns (owner, NIK, phone) left out unless ``allow_personal``."""
        shown = self.display()
        out = {}
        for c in self._shown(allow_personal):
            header = c.header(self.lang)
            out[header] = _number(self.frame[c.name], c.kind) if c.kind in NUMERIC_KINDS else shown[header]
        return pd.DataFrame(out, index=range(len(self.frame)))

    def number_formats(self) -> dict[str, str]:
        """Excel number formats per header of the numeric columns (``2.858``, ``6,3`` and
        ``Rp250.000`` in an Indonesian Excel)."""
        return {c.header(self.lang): _EXCEL_FORMATS[c.kind] for c in self.columns if c.kind in NUMERIC_KINDS}

    def totals(self, allow_personal: bool = False) -> dict[str, object] | None:
        """The totals row by header: the label in the first column, the sum of each additive
        column (left empty where a row's figure is unknown: a partial sum would be invented).
        None where the table is not additive."""
        if self.total_key is None or self.frame.empty:
            return None
        values = self.values(allow_personal)
        row: dict[str, object] = {values.columns[0]: t(self.total_key, self.lang)}
        for c in self._shown(allow_personal):
            if c.total:
                column = values[c.header(self.lang)]
                row[c.header(self.lang)] = None if column.isna().any() else _plain(column.sum())
        return row

    def _shown(self, allow_personal: bool) -> list[Column]:
        return [c for c in self.columns if allow_personal or c.name not in schema.PERSONAL]


_EXCEL_FORMATS = {"int": "#,##0", "num": "#,##0.0", "money": '"Rp"#,##0'}


def _number(series: pd.Series, kind: str) -> pd.Series:
    numbers = pd.to_numeric(series, errors="coerce").reset_index(drop=True)
    if kind == "num":
        return numbers.astype("Float64").round(1)
    return numbers.round().astype("Int64")


def _plain(value: object) -> object:
    """A numpy/pandas scalar as a Python int or float."""
    return value.item() if hasattr(value, "item") else value


def _table(frame: pd.DataFrame, columns: list[tuple], lang: str, total_key: str | None = None) -> Table:
    return Table(frame.reset_index(drop=True), tuple(Column(*c) for c in columns), lang, total_key)


def _note(lang: str) -> str:
    """The note column in the UI language (the release file's notes are English)."""
    return "note" if lang == "en" else "note_id"


def _source(frame: pd.DataFrame, lang: str) -> str:
    """The source column in the UI language (``source_id`` is the Indonesian wording)."""
    return "source" if lang == "en" or "source_id" not in frame.columns else "source_id"


def scope_label(scope: object, lang: str) -> str:
    """A published figure's scope as the UI names it: ``All agencies`` is ``Semua instansi``
    in Indonesian; an agency's own name (``Dinas Perindustrian NTB``) stays as it is."""
    key = f"downloads.scope.{slug(scope)}"
    return t(key, lang) if key in CATALOGUE else ("" if scope is None else str(scope))


def _figure_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    """``IKM/UKM · Minyak Goreng``, ``Tenaga kerja · total`` for published-figure rows."""
    return [t(f"metric.{m}", lang) + " · " + (t("reconcile.total", lang) if c == "(total)" else c)
            for m, c in zip(frame["metric"], frame["commodity"])]


def _phase_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    return [t("phase.label", lang, n=p) for p in frame["phase"]]


def _release(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Published-figure rows with the scope, source and note in the UI language."""
    if frame.empty:
        return frame.assign(scope_label=[], source_label=[], note_label=[])
    return frame.assign(
        scope_label=[scope_label(s, lang) for s in frame["scope"]],
        source_label=frame[_source(frame, lang)].fillna(""),
        note_label=frame[_note(lang)].fillna(""),
    )


def display(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """A frame to show: ``columns`` lists (column, catalogue key of its header, kind) with
    kind one of int, num, pct, money, date, datetime, bool, text."""
    return _table(frame, columns, lang).display()


def reconciliation(rec: pd.DataFrame, lang: str) -> Table:
    """The reconciliation panel: ✓ where stored equals published, ✗ where not, — where
    the figure is of another scope or the phase has no rows to compare; then the two
    figures, then what they count. Not additive: it holds product rows beside their totals
    and figures of other scopes."""
    rec = _release(rec, lang).assign(
        check=[{True: "✓", False: "✗"}.get(m, "—") for m in rec["match"]],
        figure=_figure_labels(rec, lang),
    )
    # The comparison comes first: on a phone the long figure names would push the two
    # numbers out of sight.
    return _table(rec, [
        ("check", "reconcile.check", "text"),
        ("published", "reconcile.published", "int"),
        ("stored", "reconcile.stored", "int"),
        ("figure", "reconcile.figure", "text"),
        ("scope_label", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source_label", "reconcile.source", "text"),
        ("note_label", "reconcile.note", "text"),
    ], lang)


def reconciliation_verdict(rec: pd.DataFrame) -> dict:
    """How many comparable figures match and how many do not."""
    comparable = rec["match"].dropna()
    return {"matches": int(comparable.astype(bool).sum()),
            "mismatches": int((~comparable.astype(bool)).sum())}


def kpis(k: dict, lang: str) -> Table:
    """The headline figures as one row, the same as the cards on Ringkasan (workers per
    enterprise rounded to 1 decimal). Not additive."""
    return _table(pd.DataFrame([k]), [
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
        ("products", "metric.products", "int"),
        ("regencies", "metric.regencies", "int"),
        ("workers_per_enterprise", "metric.workers_per_enterprise", "num"),
    ], lang)


def products(frame: pd.DataFrame, lang: str) -> Table:
    """Per product: enterprises and workers (– where only a group figure is known). The
    totals row counts an enterprise once per product it supplies, and says so."""
    return _table(frame, [
        ("product", "metric.product", "text"),
        ("enterprises", "metric.enterprises", "int", True),
        ("workers", "metric.workers", "int", True),
    ], lang, "downloads.total.per_product")


def worker_groups(frame: pd.DataFrame, lang: str) -> Table:
    """Per published worker group (products without a group stand alone): the products in
    it, enterprises and workers, ✓ where the bar holds a whole group the release gives one
    worker figure for."""
    return _table(frame, [
        ("group", "export.col.group", "text"),
        ("products", "chart.tooltip.products", "text"),
        ("enterprises", "metric.enterprises", "int", True),
        ("workers", "metric.workers", "int", True),
        ("published", "downloads.col.group_published", "bool"),
    ], lang, "downloads.total.per_product")


def regencies(frame: pd.DataFrame, lang: str) -> Table:
    """Per regency: enterprises and workers (– where unknown, see ``queries.unknown_splits``;
    additive: each enterprise has one regency)."""
    return _table(frame, [
        ("regency", "metric.regency", "text"),
        ("enterprises", "metric.enterprises", "int", True),
        ("workers", "metric.workers", "int", True),
    ], lang, "downloads.total")


def split_notes(unknown: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per row of ``queries.unknown_splits``: the part whose workers are
    unknown, and the whole group's figure."""
    return [t("counting.split_unknown", lang, products=p, group=g, n=fmt_int(n))
            for p, g, n in zip(unknown["products"], unknown["group"], unknown["group_workers"])]


def comparable_counts(phases: pd.DataFrame) -> dict:
    """How many phases have a figure of the department's scope, per metric."""
    return {m: int(phases[m].notna().sum()) for m in ("enterprises", "workers")}


def phases(frame: pd.DataFrame, lang: str) -> Table:
    """The phase comparison table, each row with its source kind, scope and note: the
    "Perkiraan" column names the metric whose published figure is approximate (only that
    one), a missing figure reads ``–`` with the reason in its own column. Figures stay
    numbers, so a download keeps them as numbers. Not additive: an enterprise may supply in
    several phases."""
    metrics = ("enterprises", "workers")
    frame = _release(frame, lang).assign(
        phase_label=_phase_labels(frame, lang),
        kind=[t(f"source.kind.{k}", lang) for k in frame["source_kind"]],
        approx=[", ".join(t(f"metric.{m}", lang) for m in metrics if r[f"approx_{m}"])
                for r in frame.to_dict("records")],
        why=[why_missing(r, lang) for r in frame.to_dict("records")],
    )
    return _table(frame, [
        ("phase_label", "metric.phase", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
        ("approx", "tahap.col.approx", "text"),
        ("why", "phases.col.why", "text"),
        ("kind", "tahap.col.kind", "text"),
        ("scope_label", "reconcile.scope", "text"),
        ("source_label", "reconcile.source", "text"),
        ("note_label", "reconcile.note", "text"),
    ], lang)


def why_missing(row: dict, lang: str) -> str:
    """``IKM/UKM: rilis tidak merinci per kabupaten/kota`` for each metric left without a figure."""
    gaps = [(m, row.get(f"why_{m}")) for m in ("enterprises", "workers")]
    return "; ".join(t(f"metric.{m}", lang) + ": " + t(f"phases.why.{why}", lang) for m, why in gaps if why)


def other_scopes(frame: pd.DataFrame, lang: str) -> Table:
    """Published figures of other scopes (other agencies, all agencies together); never
    added up."""
    frame = _release(frame, lang).assign(
        phase_label=_phase_labels(frame, lang),
        figure=_figure_labels(frame, lang),
    )
    return _table(frame, [
        ("phase_label", "metric.phase", "text"),
        ("figure", "reconcile.figure", "text"),
        ("value", "reconcile.published", "int"),
        ("scope_label", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source_label", "reconcile.source", "text"),
        ("note_label", "reconcile.note", "text"),
    ], lang)


def directory(frame: pd.DataFrame, lang: str) -> Table:
    """A page of the enterprise directory (personal data already masked by the query; left
    out of files). Not totalled: a page of search results is not a population."""
    frame = frame.assign(
        certs=[schema.certifications_text(r) for r in frame.to_dict("records")],
        split=[f"{fmt_int(m)} / {fmt_int(w)}" if not (pd.isna(m) or pd.isna(w)) else "–"
               for m, w in zip(frame["workers_male"], frame["workers_female"])],
    )
    return _table(frame, [
        ("name", "metric.enterprise", "text"),
        ("regency", "metric.regency", "text"),
        ("product", "metric.product", "text"),
        ("workers", "metric.workers", "int"),
        ("split", "direktori.col.split", "text"),
        ("owner", "direktori.col.owner", "text"),
        ("nik", "direktori.col.nik", "text"),
        ("phone", "direktori.col.phone", "text"),
        ("nib", "direktori.col.nib", "text"),
        ("village", "direktori.col.village", "text"),
        ("certs", "direktori.col.certs", "text"),
        ("tourism", "direktori.col.tourism", "bool"),
    ], lang)


def published(frame: pd.DataFrame, lang: str) -> Table:
    """Every published figure with its scope, date and source."""
    frame = _release(frame, lang).assign(
        phase_label=_phase_labels(frame, lang),
        figure=_figure_labels(frame, lang),
        approx=[t("tahap.approx", lang) if a else "" for a in frame["approximate"]],
    )
    return _table(frame, [
        ("phase_label", "metric.phase", "text"),
        ("figure", "reconcile.figure", "text"),
        ("value", "reconcile.published", "int"),
        ("approx", "tahap.col.approx", "text"),
        ("scope_label", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source_label", "reconcile.source", "text"),
        ("note_label", "reconcile.note", "text"),
    ], lang)


def history(metas: list, lang: str) -> Table:
    """The store's history, newest first."""
    frame = pd.DataFrame([m.to_dict() for m in metas], columns=[
        "version", "phase", "mode", "user", "file", "rows", "enterprises", "workers", "at", "sample",
        "as_of", "programme"])
    frame = frame.assign(
        phase_label=_phase_labels(frame, lang),
        mode_label=[t(f"history.mode.{m}", lang) for m in frame["mode"]],
    )
    return _table(frame, [
        ("version", "history.version", "text"),
        ("at", "history.at", "datetime"),
        ("phase_label", "metric.phase", "text"),
        ("mode_label", "history.mode", "text"),
        ("user", "history.user", "text"),
        ("file", "history.file", "text"),
        ("as_of", "versions.history.as_of", "date"),
        ("programme", "versions.history.programme", "text"),
        ("rows", "history.rows", "int"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
    ], lang)
