"""The whole filtered phase as a file, from Direktori IKM: every row the directory finds
for the sidebar's filters and the search (not the page on screen), as CSV, Excel or
Parquet, built from one DuckDB query with bound parameters (``queries.directory_rows``).

Personal data (owner, NIK, phone) never leaves DuckDB; text that a spreadsheet would run as
a formula is defused (``export``); the headers are the template's Indonesian ones (the
file imports back as it is), or English ones when the page is in English; the source and
the version of the data are named in the file (a note above the Excel table, the Parquet
file's metadata) and in its name, with the phase and the day
(``direktori_ikm_tahap3_v5_2026-11-29.csv``).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd

from ikm_data import export, schema, template
from ikm_data.formatting import fmt_date, fmt_datetime, fmt_int
from ikm_data.i18n import t
from ikm_data.queries import Dataset, Filters, directory_rows

FORMATS = ("csv", "xlsx", "parquet")
MIME = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
_CODES = (("Tahap", "validate.field.phase"), ("Kode Kab/Kota", "fulldl.col.regency_code"),
          ("Kode Produk", "fulldl.col.product_code"))


@dataclass(frozen=True)
class FullDownload:
    """One file of a whole filtered phase: its bytes, its name, its type, its rows."""

    data: bytes
    file_name: str
    mime: str
    rows: int


def frame(ds: Dataset, f: Filters, search: str = "", lang: str = "id") -> pd.DataFrame:
    """The rows of ``f`` and ``search`` under the template's headers (``lang`` ``en``: the
    catalogue's English field names, ``Yes``/``No``), codes and phase last, no personal
    data."""
    out = template.export_frame(directory_rows(ds, f, search), ds.ref)
    if lang == "id":
        return out
    names = {header: t(f"validate.field.{fld}", lang) for fld, header in template.COLUMNS}
    names |= {header: t(key, lang) for header, key in _CODES}
    yes_no = {"Ya": t("fulldl.yes", lang), "Tidak": t("fulldl.no", lang)}
    for fld in schema.CERTIFICATIONS:
        header = dict(template.COLUMNS)[fld]
        if header in out:
            out[header] = out[header].map(yes_no, na_action="ignore")
    return out.rename(columns=names)


def source_lines(ds: Dataset, f: Filters, search: str, lang: str) -> tuple[str, ...]:
    """What the file holds and where it comes from: the title with the phase, the filters
    and the search; the source (the uploaded file, its version and date, or the sample);
    the day it was made and that personal data is left out."""
    meta = ds.state.current(f.phase) if f.phase is not None else None
    title = export.title_line(t("fulldl.title", lang), f.phase, ds.describe(f, lang), lang)
    if search.strip():
        title += " — " + t("fulldl.search", lang, q=search.strip())
    if meta is None:
        source = t("fulldl.no_source", lang)
    elif meta.sample:
        source = t("source.sample", lang, version=meta.version)
    else:
        when = (t("versions.when.as_of", lang, date=fmt_date(meta.as_of, lang)) if meta.as_of
                else t("versions.when.uploaded", lang, date=fmt_datetime(meta.at, lang)))
        source = t("source.upload", lang, file=meta.file, version=meta.version, when=when)
    made = t("fulldl.made", lang, date=fmt_date(dt.date.today(), lang))
    return title, source, made


def file_name(ds: Dataset, f: Filters, fmt: str, day: dt.date | None = None) -> str:
    """``direktori_ikm_tahap3_v5_2026-11-29.xlsx``: the phase (``tahap-semua`` without
    one), the version the phase shows, the day."""
    meta = ds.state.current(f.phase) if f.phase is not None else None
    phase = f"tahap{f.phase}" if f.phase is not None else "tahap-semua"
    version = f"_{meta.version}" if meta is not None else ""
    return f"direktori_ikm_{phase}{version}_{(day or dt.date.today()).isoformat()}.{fmt}"


def build(ds: Dataset, f: Filters, search: str, fmt: str, lang: str = "id") -> FullDownload:
    """The whole filtered phase as ``fmt`` (``csv``, ``xlsx`` or ``parquet``)."""
    rows = frame(ds, f, search, lang)
    lines = source_lines(ds, f, search, lang)
    if fmt == "csv":  # no room above a CSV's header: the version is in the file's name
        data = export.to_csv_bytes(rows, flavour="id" if lang == "id" else "intl")
    elif fmt == "xlsx":
        data = export.table_rows_xlsx(rows, t("fulldl.sheet", lang), title_lines=lines)
    elif fmt == "parquet":
        data = _parquet(rows, lines)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return FullDownload(data, file_name(ds, f, fmt), MIME[fmt], len(rows))


def _parquet(rows: pd.DataFrame, lines: tuple[str, ...]) -> bytes:
    """Typed columns (numbers stay numbers; no formulas in a Parquet file to defuse), the
    title, source and day in the file's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(rows, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta.update({b"ikm.title": lines[0].encode(), b"ikm.source": lines[1].encode(), b"ikm.made": lines[2].encode()})
    buf = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(meta), buf, compression="zstd")
    return buf.getvalue()


def rows_label(n: int, lang: str) -> str:
    """``2.858 baris`` for the page's button."""
    return t("fulldl.rows", lang, n=fmt_int(n))
