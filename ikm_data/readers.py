"""Reading officials' files: workbooks (``.xlsx``, ``.xls``, ``.ods``, ``.xlsb``), ``.csv``
and ``.parquet`` from a binary file object plus its name, into a grid of text cells that
keeps the spreadsheet's row numbers. A workbook's format is decided by its content (an
``.xls`` renamed ``.xlsx`` reads as the ``.xls`` it is); every workbook goes through the
same path (sheet picking, merged cells, the budget) with calamine.

Every cell comes back as text, so NIK and NIB never pass through a float: Excel numbers
that are whole become ``"1250"``, others are written the Indonesian way (``"12,5"``) so
the id-ID number parser reads them back exactly. Which cells held a long number (a NIK or
NIB typed into Excel as a number, its last digits possibly gone) is kept beside the text.
A workbook with several sheets can be read at the sheet whose first rows score best by a
``rank`` function (the header detection's). A file that is not what its name says,
an empty file or an unsupported type raises ``IngestError`` (exit code 2 in the CLI).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ikm_data import budget
from ikm_data.errors import IngestError
from ikm_data.workbook_scan import KINDS as WORKBOOKS
from ikm_data.workbook_scan import zip_workbook_kind

KINDS = {".xlsx": "xlsx", ".xls": "xls", ".ods": "ods", ".xlsb": "xlsb", ".csv": "csv", ".parquet": "parquet"}
ACCEPTED = ("xlsx", "xls", "ods", "xlsb", "csv", "parquet")  # for the upload widget
MAX_RATIO = 500  # a zipped workbook whose parts are compressed more than this is refused (zip bomb)
DELIMITERS = (",", ";", "\t")
HEAD_ROWS = 25  # rows of each sheet a ``rank`` function sees when choosing the sheet
LONG_NUMBER = 1e9  # a number cell this large is an identifier typed as a number (or money)
_SNIFF_LINES = 60

# Magic bytes of files that turn up under a wrong name.
_MAGIC = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .xls, .doc, password-protected .xlsx
    (b"PAR1", "parquet"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"\xff\xfe", "utf16"),
    (b"\xfe\xff", "utf16"),
    (b"{\\rtf", "rtf"),
)


@dataclass
class RawSheet:
    """One sheet (or CSV/Parquet file) as a grid of text.

    ``grid`` has positional columns ``0..n-1``, every cell a ``str`` (``""`` when blank),
    and its index is the row number as the official sees it (1-based, like Excel).
    ``numeric`` maps a column position to the row numbers whose cell held a number of at
    least ``LONG_NUMBER`` (in the file, not as text). ``ranks`` holds each sheet's score
    when the sheet was chosen by ``rank`` (``auto``).
    """

    grid: pd.DataFrame
    file_name: str
    kind: str
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    size: int = 0
    notes: list[str] = field(default_factory=list)
    numeric: dict[int, np.ndarray] = field(default_factory=dict)
    ranks: dict[str, tuple] = field(default_factory=dict)
    auto: bool = False


def kind_of(name: str) -> str:
    """What a file's name says it is (``xlsx``, ``xls``, ``ods``, ``xlsb``, ``csv`` or
    ``parquet``; a workbook's real format is then read from its content); raises
    IngestError for any other name."""
    lower = (name or "").lower().strip()
    for ext, kind in KINDS.items():
        if lower.endswith(ext):
            return kind
    ext = lower.rsplit(".", 1)[-1] if "." in lower else ""
    raise IngestError.from_key("ingest.unsupported", name=name, ext=ext or "-")


def read_bytes(fileobj) -> bytes:
    """The whole content of a binary file object (or bytes), from its start."""
    if isinstance(fileobj, (bytes, bytearray, memoryview)):
        return bytes(fileobj)
    if hasattr(fileobj, "getvalue"):
        return bytes(fileobj.getvalue())
    try:
        fileobj.seek(0)
    except (AttributeError, OSError):
        pass
    return fileobj.read()


def magic_kind(content: bytes) -> str | None:
    """What the first bytes say a file is (``pdf``, ``zip``, ``ole``...), or None."""
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            return kind
    return None


def list_sheets(fileobj, name: str) -> list[str]:
    """The visible sheet names of a workbook, in workbook order (``[]`` for CSV/Parquet).
    Raises IngestError when the file cannot be opened."""
    content = read_bytes(fileobj)
    if kind_of(name) not in WORKBOOKS:
        return []
    _check_not_empty(content, name)
    book = _open_workbook(content, name)
    try:
        return _visible_sheets(book.wb)
    finally:
        book.wb.close()


def read_file(fileobj, name: str, sheet: str | None = None, *, rank=None) -> RawSheet:
    """Read ``fileobj`` (bytes or a binary file object) named ``name`` as a grid of text.

    ``sheet`` picks a workbook's sheet. Without it: with ``rank`` (a function from the first
    ``HEAD_ROWS`` rows of a sheet, as a text grid, to a comparable score) and several
    visible sheets, the best-scoring sheet (the first of equals; ``auto`` set); else the
    first visible one. Raises IngestError for an empty, unsupported, mislabelled, corrupt
    or oversized file: each format is measured against the budget (``ikm_data.budget``)
    before it is turned into a grid, and every cell of the grid against the longest cell
    allowed.
    """
    content = read_bytes(fileobj)
    kind = kind_of(name)
    _check_not_empty(content, name)
    lim = budget.Limits.current(kind)
    if kind in WORKBOOKS:
        raw = _read_workbook(content, name, sheet, rank, lim)
    elif kind == "csv":
        raw = _read_csv(content, name, lim)
    else:
        raw = _read_parquet(content, name, lim)
    raw.size = len(content)
    budget.check_grid(name, raw.grid, lim, _LETTERS if kind in WORKBOOKS else None,
                      added_rows=1 if kind == "parquet" else 0)
    if raw.grid.empty or not any((raw.grid[c] != "").any() for c in raw.grid.columns):
        raise IngestError.from_key("ingest.empty", name=name)
    return raw


_CONTENT = re.compile(rb"[^\s\x00\xef\xbb\xbf]")


def _check_not_empty(content: bytes, name: str) -> None:
    if not content or not _CONTENT.search(content):
        raise IngestError.from_key("ingest.empty", name=name)


def _wrong_type(name: str, kind: str, found: str) -> IngestError:
    key = f"ingest.wrong_type.{found}" if found in (
        "pdf", "zip", "ole", "parquet", "image", "utf16", "text") else "ingest.wrong_type"
    return IngestError.from_key(key, name=name, kind=kind.upper())


# -- workbooks ------------------------------------------------------------------------------
def _column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Letters:
    """Excel's column letters by position (0 is ``A``)."""

    def __getitem__(self, pos: int) -> str:
        return _column_letters(pos + 1)


_LETTERS = _Letters()


@dataclass
class _Book:
    """An open calamine workbook, the format its content showed, and the merged cells
    measured before opening where calamine gives none (an ``.ods``'s, by sheet name)."""

    wb: object
    kind: str
    merges: dict[str, list] = field(default_factory=dict)


def _open_workbook(content: bytes, name: str, lim: budget.Limits | None = None) -> _Book:
    """Decide the workbook's format by its content, measure it against the budget, open it.
    Raises IngestError for a file that is no workbook, damaged or over the budget."""
    from python_calamine import CalamineError, CalamineWorkbook

    lim = lim or budget.Limits.current("xlsx")
    found = magic_kind(content)
    merges: dict[str, list] = {}
    if found == "ole":
        kind = "xls"
        budget.check_xls(content, name, lim)
    elif found == "zip":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as zf:
                kind, merges = _check_zip(zf, name, lim)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, KeyError):
            raise IngestError.from_key("ingest.corrupt", name=name) from None
    else:
        raise _wrong_type(name, kind_of(name), found or _guess_text(content))
    try:
        return _Book(CalamineWorkbook.from_filelike(io.BytesIO(content)), kind, merges)
    except (CalamineError, ValueError, OSError, RuntimeError):
        key = "ingest.xls_unreadable" if kind == "xls" else "ingest.corrupt"
        raise IngestError.from_key(key, name=name) from None


def _check_zip(zf: zipfile.ZipFile, name: str, lim: budget.Limits) -> tuple[str, dict[str, list]]:
    """A workbook (which one, from its parts), no zip bomb, within the budget (sizes and
    every sheet's extent). Returns its kind and, for an ``.ods``, its merged cells."""
    infos = zf.infolist()
    budget.check_zip_directory(zf, name, lim)
    kind = zip_workbook_kind(zf)
    if kind is None:
        raise IngestError.from_key("ingest.not_workbook", name=name)
    total = sum(i.file_size for i in infos)
    if any(i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 10 << 20
           for i in infos):
        raise IngestError.from_key("ingest.too_large", name=name, size=total // (1 << 20))
    if kind == "xlsx":
        budget.check_xlsx(zf, name, lim)
    elif kind == "xlsb":
        budget.check_xlsb(zf, name, lim)
    else:
        return kind, {e.name: e.merges for e in budget.check_ods(zf, name, lim)}
    return kind, {}


def _visible_sheets(wb) -> list[str]:
    try:
        meta = wb.sheets_metadata
        names = [m.name for m in meta if str(m.visible).endswith("Visible")
                 and str(m.typ).endswith("WorkSheet")]
    except AttributeError:  # older calamine
        names = []
    return names or list(wb.sheet_names)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def number_text(value: float) -> str:
    """A spreadsheet number as text the id-ID parser reads back exactly: whole numbers
    without separators (``1250.0`` gives ``"1250"``), others with a decimal comma."""
    if math.isnan(value) or math.isinf(value):
        return ""
    if value == int(value):
        return str(int(value))
    return format(value, ".15g").replace(".", ",")


def _read_workbook(content: bytes, name: str, sheet: str | None, rank, lim: budget.Limits) -> RawSheet:
    from python_calamine import CalamineError

    book = _open_workbook(content, name, lim)
    wb = book.wb
    ranks: dict[str, tuple] = {}
    try:
        sheets = _visible_sheets(wb)
        ws = None
        if sheet is None and rank is not None and len(sheets) > 1:
            chosen, ws, ranks = _best_sheet(book, sheets, rank)
        else:
            chosen = sheet if sheet is not None else (sheets[0] if sheets else None)
        if chosen is None or chosen not in wb.sheet_names:
            raise IngestError.from_key("ingest.no_sheet", name=name, sheet=sheet or "-",
                                       sheets=", ".join(sheets))
        try:
            ws = wb.get_sheet_by_name(chosen) if ws is None else ws
            budget.check_shape(name, ws.height, ws.width, lim)
            rows = ws.to_python(skip_empty_area=False, nrows=lim.rows + 1)
            budget.check_rows_read(name, len(rows), lim)
            merged = _merges(book, chosen, ws)
        except (CalamineError, ValueError, OSError, RuntimeError):
            raise IngestError.from_key("ingest.corrupt", name=name) from None
    finally:
        wb.close()
    grid, numeric = _grid(rows, merged)
    return RawSheet(grid=grid, file_name=name, kind=book.kind, sheet=chosen, sheets=tuple(sheets),
                    numeric=numeric, ranks=ranks, auto=bool(ranks))


def _merges(book: _Book, sheet: str, ws) -> list:
    """A sheet's merged cells: calamine's, else those measured before opening (``.ods``)."""
    return ws.merged_cell_ranges or book.merges.get(sheet) or []


def _best_sheet(book: _Book, sheets: list[str], rank) -> tuple[str, object, dict[str, tuple]]:
    """``(name, sheet, scores)``: the sheet whose first ``HEAD_ROWS`` rows ``rank`` scores
    highest (the first of equals). Only those rows become Python objects; the chosen
    sheet is kept so that it is not loaded twice."""
    from python_calamine import CalamineError

    best, ranks = None, {}
    for name in sheets:
        try:
            ws = book.wb.get_sheet_by_name(name)
            head = ws.to_python(skip_empty_area=False, nrows=HEAD_ROWS)
        except (CalamineError, ValueError, OSError, RuntimeError):
            continue  # an unreadable sheet is not the data; the chosen one is read again
        ranks[name] = tuple(rank(_grid(head, _merges(book, name, ws))[0]))
        if best is None or ranks[name] > ranks[best[0]]:
            best = (name, ws)
    if best is None:
        return sheets[0], None, {}
    return best[0], best[1], ranks


def _grid(rows: list[list], merged) -> tuple[pd.DataFrame, dict[int, np.ndarray]]:
    """Calamine rows as a text grid (Arrow text, ``TEXT``) indexed from 1, and the
    long-number cells per column."""
    width = max((len(r) for r in rows), default=0)
    if any(len(r) != width for r in rows):
        rows = [list(r) + [""] * (width - len(r)) for r in rows]
    cells = np.empty((len(rows), width), dtype=object)  # one copy of the pointers, cut into columns below
    if len(rows) and width:
        cells[:] = rows
    columns, numeric = {}, {}
    for pos in range(width):
        columns[pos], long_rows = _column_text(cells[:, pos].copy())
        if len(long_rows):
            numeric[pos] = long_rows + 1  # positions count from 0, rows from 1
    _fill_vertical_merges(columns, merged)
    grid = pd.DataFrame({pos: pd.arrays.ArrowStringArray(col, dtype=TEXT) for pos, col in columns.items()},
                        columns=range(width))
    grid.index = pd.RangeIndex(1, len(grid) + 1)
    return grid, numeric


TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # what ``read_csv(dtype=str)`` gives: Arrow text


def _column_text(arr: np.ndarray):
    """One column of calamine cells (an object array) as Arrow text: whole numbers
    without ``.0`` (vectorised: a sheet can hold a million rows); and the positions of
    the cells that held a number of at least ``LONG_NUMBER``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = np.fromiter((v.__class__ is str for v in arr), bool, len(arr))
    if text.all():
        return pa.array(arr, pa.large_string()), _NO_ROWS
    rest = np.flatnonzero(~text)
    sub = arr[rest]
    floats = np.fromiter((v.__class__ is float for v in sub), bool, len(sub))
    long_rows = [_NO_ROWS]
    vals = sub[floats].astype(np.float64)
    whole = np.isfinite(vals) & (vals == np.round(vals)) & (np.abs(vals) < 1e18)
    long_rows.append(rest[floats][np.abs(np.nan_to_num(vals)) >= LONG_NUMBER])
    if floats.all() and whole.all():  # the usual number column: its numbers written by Arrow
        arr[rest] = None
        numbers = pc.cast(pa.array(vals.astype(np.int64)), pa.large_string())
        out = pc.replace_with_mask(pa.array(arr, pa.large_string()), pa.array(~text), numbers)
        return out, np.sort(np.concatenate(long_rows)).astype(np.int64)
    if floats.any():
        out = np.empty(len(vals), dtype=object)
        out[whole] = vals[whole].astype(np.int64).astype(str).astype(object)
        out[~whole] = [number_text(v) for v in vals[~whole]]
        arr[rest[floats]] = out
    others = rest[~floats]
    if len(others):
        long_rows.append(np.array([p for p in others if arr[p].__class__ is int
                                   and abs(arr[p]) >= LONG_NUMBER], dtype=np.int64))
        arr[others] = [_cell_text(v) for v in arr[others]]
    return pa.array(arr, pa.large_string()), np.sort(np.concatenate(long_rows)).astype(np.int64)


_NO_ROWS = np.empty(0, dtype=np.int64)


def _fill_vertical_merges(columns: dict, merged) -> None:
    """A cell merged down over several rows (a regency written once for a block of
    enterprises) shows its value on every row of the block, as the official sees it."""
    import pyarrow as pa

    for (r0, c0), (r1, c1) in merged:
        if c0 != c1 or r1 <= r0 or c0 >= len(columns) or r0 >= len(columns[c0]):
            continue
        col = columns[c0].to_numpy(zero_copy_only=False).astype(object)
        value = col[r0]
        for r in range(r0 + 1, min(r1, len(col) - 1) + 1):
            if col[r] == "":
                col[r] = value
        columns[c0] = pa.array(col, pa.large_string())


# -- csv -------------------------------------------------------------------------------
def _guess_text(content: bytes) -> str:
    return "text" if _looks_like_text(content[:65536]) else "binary"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= max(1, len(head) // 200)


def decode_text(content: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)`` of a CSV: UTF-8 (with or without BOM), else Windows-1252.
    Raises IngestError for a binary file or another encoding."""
    found = magic_kind(content)
    if found is not None:
        raise _wrong_type(name, "csv", found)
    if budget.utf16_without_bom(content[:4096]):
        raise _wrong_type(name, "csv", "utf16")
    if not _looks_like_text(content[:65536]):
        raise _wrong_type(name, "csv", "binary")
    if content.startswith(b"\xef\xbb\xbf"):
        try:
            return content[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise IngestError.from_key("ingest.encoding", name=name) from None
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise IngestError.from_key("ingest.encoding", name=name) from None


def _head_lines(text: str) -> list[str]:
    """The first lines of ``text`` (without splitting all of a large file)."""
    head = text[: 1 << 16]
    lines = head.splitlines()
    if len(head) < len(text) and lines:
        lines = lines[:-1]  # the last one may be cut short
    return lines[:_SNIFF_LINES]


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one that splits the first lines into the most columns
    consistently (a title line has one cell whatever the delimiter)."""
    lines = [ln for ln in _head_lines(text) if ln.strip()]
    best, best_score = ",", (0, 0)
    for delim in DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        multi = [n for n in counts if n > 1]
        if not multi:
            continue
        width, freq = Counter(multi).most_common(1)[0]
        score = (min(width, 200) * freq, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_csv(content: bytes, name: str, lim: budget.Limits) -> RawSheet:
    budget.check_unpacked(name, len(content), lim)
    text, encoding = decode_text(content, name)
    if not text or text.isspace():
        raise IngestError.from_key("ingest.empty", name=name)
    delim = sniff_delimiter(text)
    head = _head_lines(text)
    width = max((len(r) for r in csv.reader(head, delimiter=delim)), default=1)
    budget.check_csv(content, name, delim, width, lim)
    try:
        # the C parser decodes the bytes itself (faster than parsing the decoded text)
        source = io.BytesIO(content[3:] if encoding == "utf-8-sig" else content)
        grid = pd.read_csv(
            source, sep=delim, header=None, names=range(width), dtype=str, encoding=encoding.replace("-sig", ""),
            keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
            index_col=False, quotechar='"',
        )
        if grid.isna().to_numpy().any():
            grid = grid.fillna("")
    except (pd.errors.ParserError, ValueError):
        rows = _csv_rows(text, delim, name, lim)
        width = max((len(r) for r in rows), default=0)
        budget.check_shape(name, len(rows), width, lim)
        grid = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width),
                            dtype=object)
    grid.index = pd.RangeIndex(1, len(grid) + 1)
    return RawSheet(grid=grid, file_name=name, kind="csv", encoding=encoding, delimiter=delim)


def _csv_rows(text: str, delim: str, name: str, lim: budget.Limits) -> list[list[str]]:
    """Rows of unequal width, read by the csv module (whose cells are at most as long as
    the longest allowed)."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(lim.cell_chars, 1))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error:
        raise budget.cell_too_long(name, None, None, None, lim) from None
    finally:
        csv.field_size_limit(old)


# -- parquet ---------------------------------------------------------------------------
def _read_parquet(content: bytes, name: str, lim: budget.Limits) -> RawSheet:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not (content.startswith(b"PAR1") and content.endswith(b"PAR1")):
        found = magic_kind(content)
        raise _wrong_type(name, "parquet", found or _guess_text(content))
    try:
        pf = pq.ParquetFile(io.BytesIO(content))
        budget.check_parquet(pf, name, lim)
        text = [f.name for f in pf.schema_arrow if budget.is_text(f.type)]
        # a string shared by many rows stays one string until its size is known
        table = pq.ParquetFile(io.BytesIO(content), read_dictionary=text).read()
    except (pa.ArrowException, OSError, ValueError):
        raise IngestError.from_key("ingest.corrupt", name=name) from None
    budget.check_arrow_text(table, name, lim)
    columns, numeric = {}, {}
    for i, (col_name, column) in enumerate(zip(table.column_names, table.columns)):
        columns[i] = [str(col_name)] + _arrow_text(column)
        long_rows = _arrow_long_numbers(column)
        if len(long_rows):
            numeric[i] = long_rows + 2  # row 1 holds the column names
    grid = pd.DataFrame(columns, dtype=object)
    grid.index = pd.RangeIndex(1, len(grid) + 1)
    return RawSheet(grid=grid, file_name=name, kind="parquet", numeric=numeric)


def _arrow_long_numbers(column) -> np.ndarray:
    """Positions of the values of a numeric column at least ``LONG_NUMBER`` (a NIK or NIB
    kept as a number before it reached the Parquet file)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
        return _NO_ROWS
    big = pc.fill_null(pc.greater_equal(pc.abs(pc.cast(column, pa.float64())), LONG_NUMBER), False)
    return np.flatnonzero(big.to_numpy(zero_copy_only=False)).astype(np.int64)


def _arrow_text(column) -> list[str]:
    import pyarrow as pa
    import pyarrow.compute as pc

    typ = column.type
    if pa.types.is_dictionary(typ):
        column, typ = column.cast(typ.value_type), typ.value_type
    if pa.types.is_floating(typ):
        return [number_text(v) if v is not None else "" for v in column.to_pylist()]
    if pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_integer(typ):
        return pc.fill_null(pc.cast(column, pa.string()), "").to_pylist()
    return [_cell_text(v) for v in column.to_pylist()]
