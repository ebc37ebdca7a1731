"""Tables as officials read them: headers from the text catalogue, numbers and dates
already written in id-ID (``2.858``, ``Rp250.000``), yes/no as ✓ and –."""

from __future__ import annotations

import pandas as pd

from ikm_data.formatting import fmt_date, fmt_datetime, fmt_int, fmt_money, fmt_num, fmt_pct
from ikm_data.i18n import t

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


def _note(lang: str) -> str:
    """The note column in the UI language (the release file's notes are English)."""
    return "note" if lang == "en" else "note_id"


def _figure_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    """``IKM/UKM · Minyak Goreng``, ``Tenaga kerja · total`` for published-figure rows."""
    return [t(f"metric.{m}", lang) + " · " + (t("reconcile.total", lang) if c == "(total)" else c)
            for m, c in zip(frame["metric"], frame["commodity"])]


def _phase_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    return [t("phase.label", lang, n=p) for p in frame["phase"]]


def display(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """A frame to show: ``columns`` lists (column, catalogue key of its header, kind) with
    kind one of int, num, pct, money, date, datetime, bool, text."""
    out = {}
    for column, key, kind in columns:
        fmt = _FORMATS[kind]
        if kind in ("date", "datetime"):
            fmt = (lambda f: lambda v: f(v, lang))(fmt)
        out[t(key, lang)] = [fmt(v) for v in frame[column]] if len(frame) else []
    return pd.DataFrame(out)


def reconciliation(rec: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reconciliation panel: ✓ where stored equals published, ✗ where not, — where
    the figure is of another scope or the phase has no rows to compare; then the two
    figures, then what they count."""
    rec = rec.assign(
        check=[{True: "✓", False: "✗"}.get(m, "—") for m in rec["match"]],
        figure=_figure_labels(rec, lang),
    )
    # The comparison comes first: on a phone the long figure names would push the two
    # numbers out of sight.
    return display(rec, [
        ("check", "reconcile.check", "text"),
        ("published", "reconcile.published", "int"),
        ("stored", "reconcile.stored", "int"),
        ("figure", "reconcile.figure", "text"),
        ("scope", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source", "reconcile.source", "text"),
        (_note(lang), "reconcile.note", "text"),
    ], lang)


def reconciliation_verdict(rec: pd.DataFrame) -> dict:
    """How many comparable figures match and how many do not."""
    comparable = rec["match"].dropna()
    return {"matches": int(comparable.astype(bool).sum()),
            "mismatches": int((~comparable.astype(bool)).sum())}


def products(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per product: enterprises and workers (– where only a group figure is known)."""
    return display(frame, [
        ("product", "metric.product", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
    ], lang)


def regencies(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per regency: enterprises and workers."""
    return display(frame, [
        ("regency", "metric.regency", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
    ], lang)


def comparable_counts(phases: pd.DataFrame) -> dict:
    """How many phases have a figure of the department's scope, per metric."""
    return {m: int(phases[m].notna().sum()) for m in ("enterprises", "workers")}


def phases(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The phase comparison table, each row with its source kind, scope and note."""
    frame = frame.assign(
        phase_label=_phase_labels(frame, lang),
        kind=[t(f"source.kind.{k}", lang) for k in frame["source_kind"]],
        approx=[t("tahap.approx", lang) if a else "" for a in frame["approximate"]],
    )
    return display(frame, [
        ("phase_label", "metric.phase", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
        ("approx", "tahap.col.approx", "text"),
        ("kind", "tahap.col.kind", "text"),
        ("scope", "reconcile.scope", "text"),
        ("source", "reconcile.source", "text"),
        (_note(lang), "reconcile.note", "text"),
    ], lang)


def other_scopes(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Published figures of other scopes (other agencies, all agencies together)."""
    frame = frame.assign(
        phase_label=_phase_labels(frame, lang),
        figure=_figure_labels(frame, lang),
    )
    return display(frame, [
        ("phase_label", "metric.phase", "text"),
        ("figure", "reconcile.figure", "text"),
        ("value", "reconcile.published", "int"),
        ("scope", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source", "reconcile.source", "text"),
        (_note(lang), "reconcile.note", "text"),
    ], lang)


def directory(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A page of the enterprise directory (personal data already masked by the query)."""
    frame = frame.assign(
        certs=[", ".join(c.upper() if c != "halal" else "Halal" for c in ("pirt", "halal", "bpom", "sni")
                         if r[c] is True) for r in frame.to_dict("records")],
        split=[f"{fmt_int(m)} / {fmt_int(w)}" if not (pd.isna(m) or pd.isna(w)) else "–"
               for m, w in zip(frame["workers_male"], frame["workers_female"])],
    )
    return display(frame, [
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


def published(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every published figure with its scope, date and source."""
    frame = frame.assign(
        phase_label=_phase_labels(frame, lang),
        figure=_figure_labels(frame, lang),
        approx=[t("tahap.approx", lang) if a else "" for a in frame["approximate"]],
    )
    return display(frame, [
        ("phase_label", "metric.phase", "text"),
        ("figure", "reconcile.figure", "text"),
        ("value", "reconcile.published", "int"),
        ("approx", "tahap.col.approx", "text"),
        ("scope", "reconcile.scope", "text"),
        ("as_of", "reconcile.as_of", "date"),
        ("source", "reconcile.source", "text"),
        (_note(lang), "reconcile.note", "text"),
    ], lang)


def history(metas: list, lang: str) -> pd.DataFrame:
    """The store's history, newest first."""
    frame = pd.DataFrame([m.to_dict() for m in metas], columns=[
        "version", "phase", "mode", "user", "file", "rows", "enterprises", "workers", "at", "sample"])
    frame = frame.assign(
        phase_label=_phase_labels(frame, lang),
        mode_label=[t(f"history.mode.{m}", lang) for m in frame["mode"]],
    )
    return display(frame, [
        ("version", "history.version", "text"),
        ("at", "history.at", "datetime"),
        ("phase_label", "metric.phase", "text"),
        ("mode_label", "history.mode", "text"),
        ("user", "history.user", "text"),
        ("file", "history.file", "text"),
        ("rows", "history.rows", "int"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers", "metric.workers", "int"),
    ], lang)
