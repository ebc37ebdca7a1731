"""Tables of the Unggah Data page, as officials read them: the error and warning list
(downloadable, so the file can be fixed row by row), the preview of normalised rows, the
effect of a commit, the totals-row check and the column mapping."""

from __future__ import annotations

import pandas as pd

from ikm_data import export, privacy, schema
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t
from ikm_data.markup import escape
from ikm_data.mapping import FIELDS, ColumnMap
from ikm_data.reference import load_reference
from ikm_data.tables import display
from ikm_data.validate import Issue, Report

PREVIEW_ROWS = 50


def issues_frame(issues: list[Issue], lang: str, severity: bool = False) -> pd.DataFrame:
    """Row, column (as written in the file), cell value and message of each issue."""
    frame = pd.DataFrame({
        "severity": [t(f"unggah.severity.{i.severity}", lang) for i in issues],
        "row": pd.array([i.row for i in issues], dtype="Int64"),
        "column": [i.column or "" for i in issues],
        "value": [i.value if i.value is not None else "" for i in issues],
        "message": [i.message(lang) for i in issues],
    })
    columns = [("row", "unggah.col.row", "text"), ("column", "unggah.col.column", "text"),
               ("value", "unggah.col.value", "text"), ("message", "unggah.col.message", "text")]
    if severity:
        columns.insert(0, ("severity", "unggah.col.severity", "text"))
    out = display(frame.assign(row=[("" if pd.isna(r) else str(r)) for r in frame["row"]]), columns, lang)
    return out


def report_download(report: Report, lang: str, fmt: str) -> bytes:
    """Every error and warning as CSV or XLSX (formulas in cell values defused), for the
    official to work through in the file."""
    frame = issues_frame(report.errors + report.warnings, lang, severity=True)
    if fmt == "csv":
        return export.to_csv_bytes(frame)
    return export.to_xlsx_bytes(frame, t("unggah.errors.title", lang)[:31])


def preview_frame(report: Report, lang: str, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first normalised rows: file row, name, regency, product, workers (L/P), NIB,
    certifications, and the owner, NIK and phone masked (``privacy``) so the official sees
    that those columns were read without seeing them."""
    if report.frame is None:
        return pd.DataFrame()
    ref = load_reference()
    head = privacy.mask_frame(report.frame.head(rows))  # masked already when it came from the worker
    labels = ref.regency_labels()
    frame = head.assign(
        regency=[labels.get(c, "") if isinstance(c, str) else "" for c in head["regency_code"]],
        product=[ref.product_label(c, n or "", lang) for c, n in zip(head["product_code"], head["product_name"])],
        certs=[schema.certifications_text(r) for r in head.to_dict("records")],
    )
    return display(frame, [
        ("source_row", "unggah.preview.source_row", "int"),
        ("name", "metric.enterprise", "text"),
        ("regency", "metric.regency", "text"),
        ("product", "metric.product", "text"),
        ("workers", "metric.workers", "int"),
        ("workers_male", "validate.field.workers_male", "int"),
        ("workers_female", "validate.field.workers_female", "int"),
        ("nib", "validate.field.nib", "text"),
        ("owner", "direktori.col.owner", "text"),
        ("nik", "direktori.col.nik", "text"),
        ("phone", "direktori.col.phone", "text"),
        ("order_value", "validate.field.order_value", "money"),
        ("certs", "direktori.col.certs", "text"),
    ], lang)


def totals_frame(report: Report, lang: str) -> pd.DataFrame:
    """The totals rows of the file against the sums of its data rows."""
    frame = pd.DataFrame(report.totals, columns=["row", "label", "column", "field", "stated", "computed", "ok"])
    frame = frame.assign(row=[str(r) for r in frame["row"]],
                         check=["✓" if ok else "✗" for ok in frame["ok"]])
    return display(frame, [
        ("row", "unggah.col.row", "text"),
        ("label", "unggah.totals.col.label", "text"),
        ("column", "unggah.col.column", "text"),
        ("stated", "unggah.totals.col.stated", "int"),
        ("computed", "unggah.totals.col.computed", "int"),
        ("check", "unggah.totals.col.ok", "text"),
    ], lang) if len(frame) else pd.DataFrame()


def effect_lines(effect: list[dict], lang: str) -> list[dict]:
    """Per phase: the metrics to show (label, value after, signed change) and notes (for
    Markdown elements: product names from the file are escaped, see ``markup``)."""
    out = []
    for e in effect:
        metrics = []
        for key in ("enterprises", "workers", "rows"):
            delta = e["delta"][key]
            metrics.append({"label": t(f"unggah.effect.{key}", lang), "value": fmt_int(e["after"][key]),
                            "delta": ("+" if delta > 0 else "") + fmt_int(delta) if delta else "0"})
        notes = []
        if e["replaces_sample"]:
            notes.append(t("unggah.effect.sample", lang))
        notes.extend(_product_notes(e, lang))
        if e["unknown_products"]:
            notes.append(t("unggah.effect.unknown_products", lang,
                           products=escape(", ".join(e["unknown_products"]))))
        out.append({"phase": e["phase"], "title": t("unggah.effect.phase", lang, phase=e["phase"]),
                    "metrics": metrics, "notes": notes})
    return out


def _product_notes(e: dict, lang: str) -> list[str]:
    """What an effect says about products: those in no phase yet (once some phase has
    uploaded rows), then those new to this phase but already in another (once the phase
    has uploaded rows; to an empty phase or the sample every product is new, so it says
    nothing)."""
    programme = e.get("new_to_programme", []) if e.get("programme_had_products") else []
    phase_only = [n for n in e["new_products"] if n not in set(e.get("new_to_programme", []))]
    notes = []
    if programme:
        notes.append(t("reading.effect.new_to_programme", lang, products=escape(_product_names(programme, lang))))
    if phase_only and e.get("phase_had_products"):
        notes.append(t("reading.effect.new_to_phase", lang, products=escape(_product_names(phase_only, lang))))
    return notes


def _product_names(names: list[str], lang: str) -> str:
    """Product names joined, each in the UI's language when it is a standard product."""
    ref = load_reference()
    out = []
    for name in names:
        code = ref.resolve_product(name)
        out.append(ref.product_label(code, name, lang))
    return ", ".join(out)


def mapping_frame(cmap: ColumnMap, lang: str) -> pd.DataFrame:
    """Each header of the file and the field it is read as (or ``(not used)``)."""
    by_pos = {pos: fld for fld, pos in cmap.fields.items()}
    rows = []
    for pos, label in cmap.labels.items():
        fld = by_pos.get(pos)
        if pos == cmap.no_column:
            what = "No"
        elif fld:
            what = t(f"validate.field.{fld}", lang)
        else:
            what = t("unggah.mapping.ignored", lang)
        rows.append({"header": label, "field": what})
    return display(pd.DataFrame(rows, columns=["header", "field"]), [
        ("header", "unggah.mapping.col.header", "text"),
        ("field", "unggah.mapping.col.field", "text"),
    ], lang)


def field_label(fld: str, lang: str) -> str:
    """A field's name for the mapping widgets."""
    return t(f"validate.field.{fld}", lang)


def manual_fields(cmap: ColumnMap) -> list[str]:
    """The fields the official must map by hand: the missing required ones (workers as a
    total), in the form's order."""
    return [f for f in FIELDS if f in cmap.missing]
