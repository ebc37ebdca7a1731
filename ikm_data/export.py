"""Files an official takes away: a chart as PNG (2x) or SVG, the data behind it as CSV or
XLSX. Exports leave personal data (``schema.PERSONAL``: owner, NIK, phone) out unless the
caller is allowed to see it, and defuse spreadsheet formulas: text that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return must be shown as text, never run. In XLSX
every text cell is stored as a string cell (never a formula), those with Excel's "quote
prefix" as well — what Excel itself stores for a typed ``'=1+1``: nothing visible is added,
and the value read back is the text as it was. CSV has no cell types, so there such text
gets a visible leading ``'`` (``defuse_cell``); the importer drops a leading ``'`` followed
by one of those characters (``validate.undefuse``), so a CSV export imports back as the same
rows too. Numbers stay numbers (``-5`` is a number, not a formula). Charts are rendered
offline by vl-convert.

A table on screen (``tables.Table``) is exported with the screen's headers, labels and
rounding: ``table_xlsx`` writes a title line, a source line, the header, the rows and, for
additive tables, a totals row, numbers as numbers with Excel number formats (``2.858`` and
``6,3`` in an Indonesian Excel); ``table_csv`` writes the header and the rows in one of two
flavours: ``id`` (``;``-separated, decimal comma, what an Excel set to Indonesian opens
straight into columns) or ``intl`` (``,``-separated, decimal point). Both are UTF-8 with a
BOM; neither has thousands separators, so every program reads the numbers as numbers.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ikm_data import schema
from ikm_data.i18n import t

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DEFAULT_CHART_WIDTH = 800  # px at scale 1, for charts drawn at the container's width
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FONT_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"
TABLE_FORMATS = ("csv", "xlsx")  # a table as a file (the CLI's ``export``)
DECK_FORMATS = ("pptx", "pdf")  # the forum deck (``deck.build``)


# -- data ----------------------------------------------------------------------------------
def drop_personal(frame: pd.DataFrame, allow_personal: bool = False) -> pd.DataFrame:
    """``frame`` without the personal-data columns (owner, nik, phone), unless
    ``allow_personal``. Returns a new frame; the input is not changed."""
    if allow_personal:
        return frame.copy()
    return frame.drop(columns=[c for c in frame.columns if c in schema.PERSONAL])


def defuse_cell(value: object) -> object:
    """A text value that a spreadsheet would run as a formula, with a leading ``'``;
    anything else (numbers, None, harmless text) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` where every text cell starting with ``=``, ``+``, ``-``, ``@``,
    tab or CR starts with ``'`` instead; numeric columns (negative numbers too) are left
    as numbers. Column names are defused the same way."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[column] = series.map(defuse_cell, na_action="ignore").astype(series.dtype)
    out.columns = [defuse_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def prepare(frame: pd.DataFrame, allow_personal: bool = False) -> pd.DataFrame:
    """What a CSV export writes: personal data left out (unless allowed), formulas
    defused with a visible ``'`` (CSV has no cell types), a plain 0..n index."""
    return defuse_formulas(drop_personal(frame, allow_personal)).reset_index(drop=True)


CSV_FLAVOURS = {"id": (";", ","), "intl": (",", ".")}  # flavour: (separator, decimal mark)


def to_csv_bytes(frame: pd.DataFrame, allow_personal: bool = False, flavour: str = "intl") -> bytes:
    """CSV in UTF-8 with a BOM (so Excel shows ``é``/``–`` right), numbers without thousands
    separators so that other tools read them as numbers. ``flavour`` ``"intl"`` (default):
    ``,``-separated, decimal point; ``"id"``: ``;``-separated, decimal comma."""
    sep, decimal = CSV_FLAVOURS[flavour]
    buf = io.StringIO()
    prepare(frame, allow_personal).to_csv(buf, index=False, lineterminator="\r\n", sep=sep, decimal=decimal)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def table_csv(table, flavour: str = "id", allow_personal: bool = False) -> bytes:
    """A ``tables.Table`` as CSV: the screen's headers and labels, numbers rounded as shown,
    header and rows only (no title or totals, so that the file reads back as data)."""
    return to_csv_bytes(table.values(allow_personal), allow_personal, flavour)


def table_xlsx(table, title: str = "", source: str | tuple[str, ...] = "", sheet_name: str = "Data",
               allow_personal: bool = False) -> bytes:
    """A ``tables.Table`` as an Excel workbook: ``title`` and ``source`` line(s), the header
    (frozen), the rows with the screen's labels and rounding, and a bold totals row where
    the table is additive (``Table.totals``)."""
    return to_xlsx_bytes(table.values(allow_personal), sheet_name, allow_personal,
                         title_lines=tuple(x for x in (title, *_lines(source)) if x),
                         totals=table.totals(allow_personal), number_formats=table.number_formats())


def _lines(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else tuple(text)


def title_line(title: str, phase: int | None, active: list[str], lang: str = "id") -> str:
    """The first line of an Excel export: what the table is, the phase and the filters,
    ``Jumlah IKM per produk — Tahap 3 — Filter: Kota Mataram · Minyak Goreng``."""
    parts = [title] if title else []
    parts.append(t("downloads.title.phase", lang, n=phase) if phase is not None
                 else t("downloads.title.all_phases", lang))
    parts.append(t("downloads.title.filters", lang, what=" · ".join(active)) if active
                 else t("downloads.title.no_filters", lang))
    return " — ".join(parts)


def _sheet_title(name: str) -> str:
    title = _SHEET_FORBIDDEN.sub(" ", str(name or "Data")).strip().strip("'")
    return (title or "Data")[:31]


def to_xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "Data", allow_personal: bool = False, *,
                  title_lines: tuple[str, ...] = (), totals: dict | None = None,
                  number_formats: dict[str, str] | None = None) -> bytes:
    """An .xlsx workbook with one sheet: ``title_lines`` on top (the first bold), a blank
    row, a bold header row, numbers as numbers (shown with thousands separators, so
    ``2.858`` in an Indonesian Excel; ``number_formats`` by header overrides), text always
    stored as text, as written (never as a formula, no apostrophe added: ``_set``), a bold
    ``totals`` row (values by header), frozen header, fitted column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = drop_personal(frame, allow_personal).reset_index(drop=True)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_name)
    for i, line in enumerate(title_lines, start=1):
        _set(ws.cell(row=i, column=1), line)
        ws.cell(row=i, column=1).font = Font(bold=True, size=13) if i == 1 else Font(italic=True)
    top = len(title_lines) + 1 if title_lines else 0
    kept = _kept(frame, allow_personal)
    rows = list(data.itertuples(index=False, name=None))
    if totals:
        rows.append(tuple(totals.get(c) for c in kept))
    formats = [(number_formats or {}).get(c) for c in kept]
    widths = [len(str(c)) for c in data.columns]
    for j, column in enumerate(data.columns, start=1):
        cell = ws.cell(row=top + 1, column=j)
        _set(cell, str(column))
        cell.font = Font(bold=True)
    for i, row in enumerate(rows, start=top + 2):
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j)
            _set(cell, value)
            if formats[j - 1] and cell.data_type == "n":
                cell.number_format = formats[j - 1]
            if totals and i == top + 1 + len(rows):
                cell.font = Font(bold=True)
            elif i < 1000:
                widths[j - 1] = max(widths[j - 1], len(str(cell.value)) if cell.value is not None else 0)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(max(8, width + 2), 60)
    ws.freeze_panes = f"A{top + 2}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_XLSX_STATIC = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/></Relationships>'),
    # styles: 1 whole number, 2 decimal, 3 bold (header), 4 text kept as text (quote prefix), 5 italic
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode='
        '"#,##0"/><numFmt numFmtId="165" formatCode="#,##0.##"/></numFmts><fonts count="3"><font><sz val="11"/>'
        '<name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="11"/>'
        '<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
        '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs '
        'count="1"><xf/></cellStyleXfs><cellXfs count="6"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf '
        'numFmtId="165" applyNumberFormat="1"/><xf fontId="1" applyFont="1"/><xf quotePrefix="1"/><xf fontId="2" '
        'applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>'),
}
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(values: pd.Series) -> pd.Series:
    return (values.str.replace(_XML_UNSAFE, "", regex=True).str.replace("&", "&amp;", regex=False)
            .str.replace("<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False))


def _xlsx_cells(series: pd.Series, refs: np.ndarray) -> np.ndarray:
    """One column's ``<c>`` elements (``refs``: their cell references, an object array),
    built column-wise: numbers as numbers, booleans as booleans, text always as an inline
    string (never a formula; a formula-like one with the quote prefix), missing values as
    empty cells."""
    out = '<c r="' + refs + '"/>'
    present = series.notna().to_numpy()
    if not present.any():
        return out
    values = series[present].reset_index(drop=True)
    if pd.api.types.is_bool_dtype(values):
        body = np.where(values.astype(bool).to_numpy(), '" t="b"><v>1</v></c>', '" t="b"><v>0</v></c>').astype(object)
    elif pd.api.types.is_integer_dtype(values):
        body = ('" s="1"><v>' + values.astype("int64").astype(str) + "</v></c>").to_numpy(dtype=object)
    elif pd.api.types.is_float_dtype(values):
        body = ('" s="2"><v>' + values.astype(float).map(repr) + "</v></c>").to_numpy(dtype=object)
    else:
        text = values.astype(str)
        style = pd.Series(np.where(text.str.startswith(FORMULA_STARTS).to_numpy(), ' s="4"', ""), dtype=object)
        body = ('"' + style + ' t="inlineStr"><is><t xml:space="preserve">' + _xml_text(text)
                + "</t></is></c>").to_numpy(dtype=object)
    out[present] = '<c r="' + refs[present] + body
    return out


def table_rows_xlsx(frame: pd.DataFrame, sheet_name: str = "Data", title_lines: tuple[str, ...] = ()) -> bytes:
    """A large table as an .xlsx workbook, written as sheet XML column by column (a
    hundred thousand rows in seconds, where a cell-by-cell writer takes a minute): the
    ``title_lines`` (first bold, others italic), a blank row, a bold frozen header, the
    rows — numbers as numbers shown with thousands separators, text always text (never a
    formula). Personal data (owner, NIK, phone) is left out."""
    import zipfile

    data = drop_personal(frame).reset_index(drop=True)
    top = len(title_lines) + 1 if title_lines else 0
    first = top + 2
    letters = [_letters(j) for j in range(len(data.columns))]
    numbers = np.arange(first, first + len(data)).astype(str).astype(object)
    rows = np.full(len(data), "", dtype=object)
    for j, column in enumerate(data.columns):
        rows = rows + _xlsx_cells(data[column], letters[j] + numbers)
    head = "".join(f'<row r="{i}"><c r="A{i}" s="{3 if i == 1 else 5}" t="inlineStr"><is><t xml:space="preserve">'
                   f'{_escape(line)}</t></is></c></row>' for i, line in enumerate(title_lines, start=1))
    head += f'<row r="{top + 1}">' + "".join(
        f'<c r="{letters[j]}{top + 1}" s="3" t="inlineStr"><is><t>{_escape(str(c))}</t></is></c>'
        for j, c in enumerate(data.columns)) + "</row>"
    widths = "".join(f'<col min="{j + 1}" max="{j + 1}" width="{min(max(8, len(str(c)) + 4), 40)}" customWidth="1"/>'
                     for j, c in enumerate(data.columns))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit='
             f'"{top + 1}" topLeftCell="A{first}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
             f'{"<cols>" + widths + "</cols>" if widths else ""}<sheetData>{head}')
    body = "".join('<row r="' + numbers + '">' + rows + "</row>") if len(data) else ""
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.'
                'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships"><sheets><sheet name="'
                f'{_escape(_sheet_title(sheet_name))}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in (*_XLSX_STATIC.items(), ("xl/workbook.xml", workbook)):
            zf.writestr(name, text)
        zf.writestr("xl/worksheets/sheet1.xml", sheet + body + "</sheetData></worksheet>")
    return buf.getvalue()


def _letters(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


def _escape(text: str) -> str:
    text = _XML_UNSAFE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _kept(frame: pd.DataFrame, allow_personal: bool) -> list:
    """``frame``'s columns that an export keeps (in order)."""
    return list(drop_personal(frame.head(0), allow_personal).columns)


def _set(cell, value) -> None:
    """Write one value: missing as empty, numbers as numbers, text as text (data_type
    's' so openpyxl never turns a string into a formula; text a spreadsheet would take for
    a formula also gets the quote prefix, so editing the cell in Excel keeps it text)."""
    if value is None or (not isinstance(value, str) and _is_na(value)):
        cell.value = None
        return
    if isinstance(value, bool):
        cell.value = value
        return
    if isinstance(value, int) or (hasattr(value, "dtype") and pd.api.types.is_integer_dtype(value.dtype)):
        cell.value = int(value)
        cell.number_format = "#,##0"
        return
    if isinstance(value, float) or (hasattr(value, "dtype") and pd.api.types.is_float_dtype(value.dtype)):
        cell.value = float(value)
        cell.number_format = "#,##0.##"
        return
    if isinstance(value, pd.Timestamp):
        cell.value = value.to_pydatetime().replace(tzinfo=None)
        return
    cell.value = str(value)
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _is_na(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# -- charts --------------------------------------------------------------------------------
_FONTS_REGISTERED = False


def register_fonts() -> None:
    """Let vl-convert use the fonts shipped in ``data/fonts`` (so a machine with no system
    fonts still draws text); done once per process."""
    global _FONTS_REGISTERED
    if _FONTS_REGISTERED:
        return
    import vl_convert as vlc

    if FONT_DIR.is_dir():
        vlc.register_font_directory(str(FONT_DIR))
    _FONTS_REGISTERED = True


def chart_spec(chart, width: int | None = None) -> dict:
    """The chart's Vega-Lite spec as a dict, with a fixed pixel width where the chart is
    drawn at its container's width (an image has no container)."""
    spec = chart.to_dict() if hasattr(chart, "to_dict") else dict(chart)
    target = width or DEFAULT_CHART_WIDTH
    if spec.get("width") == "container" or width:
        spec["width"] = target
    for key in ("vconcat", "hconcat", "concat"):
        for part in spec.get(key, []):
            if part.get("width") == "container":
                part["width"] = target
    spec.pop("autosize", None)
    return spec


def chart_png(chart, scale: float = 2, width: int | None = None) -> bytes:
    """PNG bytes of an Altair chart at ``scale`` (2 = sharp on a high-density screen and in
    print). ``width`` is the drawing width in px at scale 1 (default 800)."""
    import vl_convert as vlc

    register_fonts()
    return vlc.vegalite_to_png(chart_spec(chart, width), scale=scale)


def chart_svg(chart, width: int | None = None) -> bytes:
    """SVG bytes (UTF-8) of an Altair chart."""
    import vl_convert as vlc

    register_fonts()
    return vlc.vegalite_to_svg(chart_spec(chart, width)).encode("utf-8")


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in px, read from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def file_stem(name: str) -> str:
    """A safe file name stem: lower case, ASCII letters, digits and ``-``."""
    stem = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")
    return stem or "data"


def labelled(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``frame`` with its column names in the UI language where the catalogue knows them
    (``enterprises`` becomes ``Jumlah IKM``); other columns keep their names."""
    from ikm_data.i18n import CATALOGUE, t

    return frame.rename(columns={c: t(f"export.col.{c}", lang) for c in frame.columns
                                 if isinstance(c, str) and f"export.col.{c}" in CATALOGUE})
