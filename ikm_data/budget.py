"""The budget of one file: rows, columns, cells, the length of one cell and the data it
holds once unpacked, each a setting (``IKM_MAX_*``), checked before the costly work.

A file under 100 MB can be small on disk and huge once read (a 14 KB Parquet file of a
million rows, an xlsx whose one long string is shared by a million cells), so each format
is measured where it is cheap: Parquet by its metadata and its dictionaries, xlsx by its
zip directory and one streaming pass over its sheet XML, CSV by counting bytes and line
breaks. Every check raises ``IngestError`` naming the number found and the limit, id-ID
formatted, with advice (``budget.*`` texts).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

import numpy as np

from ikm_data.errors import IngestError
from ikm_data.formatting import fmt_int
from ikm_data.settings import setting

MB = 1 << 20
_CHUNK = 4 * MB


@dataclass(frozen=True)
class Limits:
    """The limits in force (read from the settings at each check)."""

    rows: int
    columns: int
    cells: int
    cell_chars: int
    unpacked: int  # bytes

    @classmethod
    def current(cls, kind: str | None = None) -> "Limits":
        """The limits for a file of ``kind``: a workbook (xlsx, xls, ods, xlsb) has its own
        cells limit (every cell of a workbook becomes a Python object on the way in, a
        CSV's or Parquet's does not)."""
        from ikm_data.workbook_scan import KINDS as WORKBOOKS

        cells = setting("IKM_MAX_XLSX_CELLS" if kind in WORKBOOKS else "IKM_MAX_CELLS")
        return cls(rows=int(setting("IKM_MAX_ROWS")), columns=int(setting("IKM_MAX_COLUMNS")),
                   cells=int(cells), cell_chars=int(setting("IKM_MAX_CELL_CHARS")),
                   unpacked=int(float(setting("IKM_MAX_UNPACKED_MB")) * MB))


# -- the checks every format shares -------------------------------------------------------
def check_shape(name: str, rows: int, columns: int, lim: Limits, *, values: int | None = None) -> None:
    """Refuse more rows, columns or cells (``rows * columns``, or ``values`` when the file
    says how many values it holds) than the limits."""
    if rows > lim.rows:
        raise IngestError.from_key("budget.rows", name=name, rows=fmt_int(rows), limit=fmt_int(lim.rows))
    if columns > lim.columns:
        raise IngestError.from_key("budget.columns", name=name, columns=fmt_int(columns),
                                   limit=fmt_int(lim.columns))
    if rows * columns > lim.cells:
        raise IngestError.from_key("budget.cells", name=name, cells=fmt_int(rows * columns), rows=fmt_int(rows),
                                   columns=fmt_int(columns), limit=fmt_int(lim.cells))
    if values is not None and values > lim.cells:
        raise IngestError.from_key("budget.values", name=name, values=fmt_int(values),
                                   columns=fmt_int(columns), limit=fmt_int(lim.cells))


def check_rows_read(name: str, rows: int, lim: Limits) -> None:
    """The backstop after reading at most ``lim.rows + 1`` rows: more than the limit."""
    if rows > lim.rows:
        raise IngestError.from_key("budget.rows.more", name=name, limit=fmt_int(lim.rows))


def check_unpacked(name: str, size: int, lim: Limits) -> None:
    """Refuse a file holding more than ``lim.unpacked`` bytes once unpacked."""
    if size > lim.unpacked:
        raise IngestError.from_key("budget.unpacked", name=name, size=fmt_int(-(-size // MB)),
                                   limit=fmt_int(lim.unpacked // MB))


def cell_too_long(name: str, length: int | None, row, column, lim: Limits) -> IngestError:
    """The error for a cell longer than ``lim.cell_chars`` (where it is, when known)."""
    if row is None:
        return IngestError.from_key("budget.cell.somewhere", name=name, limit=fmt_int(lim.cell_chars))
    return IngestError.from_key("budget.cell", name=name, row=fmt_int(row), column=column,
                                length=fmt_int(length), limit=fmt_int(lim.cell_chars))


def check_grid(name: str, grid, lim: Limits, labels=None, added_rows: int = 0) -> None:
    """Refuse a text grid (``readers.RawSheet.grid``) with a cell longer than the limit,
    naming its row and its column (``labels[pos]`` when given, else its number).
    ``added_rows``: rows the grid has that the file has not (a Parquet file's names)."""
    check_shape(name, len(grid) - added_rows, len(grid.columns), lim)
    for pos in grid.columns:
        lengths = text_lengths(grid[pos])
        if len(lengths) and lengths.max() > lim.cell_chars:
            at = int(np.flatnonzero(lengths > lim.cell_chars)[0])
            label = labels[pos] if labels is not None else fmt_int(pos + 1)
            raise cell_too_long(name, int(lengths[at]), grid.index[at], label, lim)


def text_lengths(cells) -> np.ndarray:
    """The length in characters of every cell of a text column (a ``str`` each): counted
    by Arrow for a column held as Arrow text, else one by one."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(cells.dtype, pd.StringDtype) and cells.dtype.storage == "pyarrow" and not cells.hasnans:
        return pc.utf8_length(pa.array(cells.array)).to_numpy().astype(np.int64, copy=False)
    return np.fromiter(map(len, cells.to_numpy(dtype=object)), np.int64, len(cells))


# -- CSV ---------------------------------------------------------------------------------------
def check_csv(content: bytes, name: str, delimiter: str, width: int, lim: Limits) -> None:
    """Before pandas builds the grid: the bytes, the rows (line breaks), the columns (the
    header's width, and the first line's delimiters), and the longest cell of the longest
    line (split on the delimiter, ignoring quotes: a cell with line breaks or delimiters
    inside quotes is caught in the grid)."""
    check_unpacked(name, len(content), lim)
    breaks = np.flatnonzero(np.frombuffer(content, dtype=np.uint8) == 10)
    rows = len(breaks) + (0 if content.endswith(b"\n") else 1)
    first = content[: breaks[0] if len(breaks) else len(content)]
    columns = max(width, first.count(delimiter.encode()) + 1)
    check_shape(name, rows, columns, lim)
    starts = np.r_[0, breaks + 1]
    ends = np.r_[breaks, len(content)]
    longest = int(np.argmax(ends - starts))
    if ends[longest] - starts[longest] <= lim.cell_chars:
        return
    line = content[starts[longest]:ends[longest]]
    pieces = line.split(delimiter.encode())
    lengths = [len(p) for p in pieces]
    at = int(np.argmax(lengths))
    if lengths[at] > lim.cell_chars:  # bytes: a UTF-8 text is at most as long in characters
        chars = len(pieces[at].decode("utf-8", errors="replace").strip("\r"))
        if chars > lim.cell_chars:
            header = first.split(delimiter.encode())
            label = (header[at].decode("utf-8", errors="replace").strip().strip('"')[:60]
                     if at < len(header) and longest > 0 else fmt_int(at + 1))
            raise cell_too_long(name, chars, longest + 1, label or fmt_int(at + 1), lim)


def utf16_without_bom(head: bytes) -> bool:
    """True when ``head`` looks like UTF-16 text saved without its byte order mark: most
    characters are ASCII, so every other byte is NUL (at odd positions: little endian; at
    even positions: big endian) and the others are not."""
    sample = head[: 4096 - (len(head[:4096]) % 2)]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    n = len(even)
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    return (zeros_odd >= 0.6 * n and zeros_even <= 0.1 * n) or (zeros_even >= 0.6 * n and zeros_odd <= 0.1 * n)


# -- Parquet ------------------------------------------------------------------------------------
def check_parquet(pf, name: str, lim: Limits) -> None:
    """From the metadata alone (nothing is decoded): rows, top-level columns, values of every
    leaf column (a list column holds many per row) and the uncompressed size of the pages."""
    md = pf.metadata
    columns = len(pf.schema_arrow)
    values = sum(md.row_group(g).column(c).num_values
                 for g in range(md.num_row_groups) for c in range(md.num_columns))
    check_shape(name, md.num_rows, columns, lim, values=values)
    check_unpacked(name, sum(md.row_group(g).total_byte_size for g in range(md.num_row_groups)), lim)


def check_arrow_text(table, name: str, lim: Limits) -> None:
    """The text a table read with its strings kept as dictionaries would become: refuse
    a cell longer than the limit or more text than ``lim.unpacked`` (a few rows sharing
    one dictionary entry of many megabytes) before any string is copied."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = 0
    for label, column in zip(table.column_names, table.columns):
        for chunk in column.chunks:
            if pa.types.is_dictionary(chunk.type):
                lengths = pc.take(_lengths(chunk.dictionary), chunk.indices)
            elif is_text(chunk.type):
                lengths = _lengths(chunk)
            else:
                continue
            longest = pc.max(lengths).as_py() or 0
            if longest > lim.cell_chars:
                at = pc.index(lengths, longest).as_py()
                raise cell_too_long(name, longest, at + 2, str(label)[:60], lim)
            total += pc.sum(lengths).as_py() or 0
    check_unpacked(name, total, lim)


def is_text(typ) -> bool:
    import pyarrow as pa

    return pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_binary(typ) \
        or pa.types.is_large_binary(typ)


def _lengths(array):
    import pyarrow.compute as pc

    return pc.fill_null(pc.binary_length(array), 0) if is_text(array.type) else pc.fill_null(
        pc.binary_length(array.cast("string")), 0)


# -- xlsx ------------------------------------------------------------------------------------------
_ROW_REF = re.compile(rb'<row[^>]*?\sr="(\d+)"')
_CELL_REF = re.compile(rb'<c\s[^>]*?r="([A-Z]{1,3})\d')
_SHARED_REF = re.compile(rb'<c\s[^>]*?t="s"[^>]*>\s*<v>(\d+)<')


@dataclass
class SheetExtent:
    """What one pass over a sheet's XML found: its rows (the last row number, or the count
    of ``<row>`` elements when larger), columns (the widest cell reference), cell elements
    and cells holding a shared string."""

    rows: int = 0
    columns: int = 0
    cells: int = 0
    shared: int = 0


def check_xlsx(zf: zipfile.ZipFile, name: str, lim: Limits) -> None:
    """Before calamine builds a sheet (it keeps every cell of the whole rectangle, each
    shared string copied into every cell that uses it): the unzipped size, then for every
    worksheet its real extent from one streaming pass over its XML (the ``<dimension>``
    may lie), then the text its shared strings become."""
    infos = zf.infolist()
    check_unpacked(name, sum(i.file_size for i in infos), lim)
    sheets = [i for i in infos if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]
    extents = []
    for info in sheets:
        extent = sheet_extent(zf, info)
        check_shape(name, extent.rows, max(extent.columns, 1), lim, values=extent.cells)
        extents.append((info, extent))
    if "xl/sharedStrings.xml" not in {i.filename for i in infos}:
        return
    lengths = shared_string_lengths(zf)
    if len(lengths) and lengths.max() > lim.cell_chars:
        raise cell_too_long(name, None, None, None, lim)
    longest = int(lengths.max()) if len(lengths) else 0
    for info, extent in extents:
        if extent.shared * longest > lim.unpacked:  # the cheap bound fails: count exactly
            check_unpacked(name, _shared_text(zf, info, lengths), lim)


def sheet_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> SheetExtent:
    """The rows and columns a worksheet really holds, from one pass over its XML in
    chunks."""
    out = SheetExtent()
    counted, tail = 0, b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            counted += _count(data, (b"<row ", b"<row>")) - _count(tail, (b"<row ", b"<row>"))
            out.cells += _count(data, (b"<c ", b"<c>")) - _count(tail, (b"<c ", b"<c>"))
            out.shared += data.count(b't="s"') - tail.count(b't="s"')
            refs = _ROW_REF.findall(data[-(1 << 16):])
            if refs:
                out.rows = max(out.rows, int(refs[-1]))
            for letters in set(_CELL_REF.findall(data)):
                out.columns = max(out.columns, _column_number(letters))
            tail = data[-64:]
    out.rows = max(out.rows, counted)
    return out


def _count(data: bytes, needles) -> int:
    return sum(data.count(n) for n in needles)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def shared_string_lengths(zf: zipfile.ZipFile) -> np.ndarray:
    """The length of each ``<si>`` entry of the shared strings in bytes of XML (an upper
    bound of its text), in order."""
    lengths, carry, seen = [], 0, False
    with zf.open("xl/sharedStrings.xml") as fh:
        while chunk := fh.read(_CHUNK):
            parts = chunk.split(b"<si")
            if len(parts) > 1:
                if seen:
                    lengths.append(carry + len(parts[0]))
                lengths.extend(len(p) for p in parts[1:-1])
                carry, seen = len(parts[-1]), True
            else:
                carry += len(chunk)
    if seen:
        lengths.append(carry)
    return np.array(lengths, dtype=np.int64)


def _shared_text(zf: zipfile.ZipFile, info: zipfile.ZipInfo, lengths: np.ndarray) -> int:
    """The bytes of text the shared-string cells of one sheet become."""
    total, tail = 0, b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            cut = chunk.rfind(b"</c>") + 4 if b"</c>" in chunk else 0
            data = tail + chunk[:cut]
            tail = chunk[cut:] if cut else tail + chunk
            refs = np.array(_SHARED_REF.findall(data), dtype=np.int64)
            total += int(lengths[refs[refs < len(lengths)]].sum())
    return total


# -- the other workbooks: ods, xlsb, xls -------------------------------------------------------------
def check_zip_directory(zf: zipfile.ZipFile, name: str, lim: Limits) -> None:
    """Any zipped workbook, from its directory alone: the number of parts and the bytes
    they unpack to (what a zip bomb lies about first)."""
    infos = zf.infolist()
    most = int(setting("IKM_MAX_ZIP_ENTRIES"))
    if len(infos) > most:
        raise IngestError.from_key("budget.entries", name=name, entries=fmt_int(len(infos)), limit=fmt_int(most))
    check_unpacked(name, sum(i.file_size for i in infos), lim)


def check_ods(zf: zipfile.ZipFile, name: str, lim: Limits) -> list:
    """An ``.ods`` before calamine: every sheet's extent from one pass over
    ``content.xml`` (rows and cells repeated by an attribute counted as they expand).
    Returns the extents (with their merged cells) for the reader."""
    from ikm_data.workbook_scan import ods_extents

    extents = ods_extents(zf)
    for extent in extents:
        check_shape(name, extent.rows, max(extent.columns, 1), lim, values=extent.cells)
    return extents


def check_xlsb(zf: zipfile.ZipFile, name: str, lim: Limits) -> None:
    """An ``.xlsb`` before calamine: every sheet's extent from its records (its stated
    dimension may lie), then the text its shared strings become."""
    from ikm_data.workbook_scan import xlsb_extent, xlsb_shared_lengths

    sheets = [i for i in zf.infolist() if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".bin")]
    extents = []
    for info in sheets:
        extent = xlsb_extent(zf, info)
        check_shape(name, extent.rows, max(extent.columns, 1), lim, values=extent.cells)
        extents.append(extent)
    lengths = xlsb_shared_lengths(zf)
    longest = max(lengths, default=0)
    if longest > lim.cell_chars * 2 + 16:  # UTF-16 text, a few bytes of header
        raise cell_too_long(name, None, None, None, lim)
    for extent in extents:
        check_unpacked(name, extent.shared * longest // 2, lim)


def check_xls(content: bytes, name: str, lim: Limits) -> None:
    """An ``.xls`` (not compressed): its bytes bound what it holds, and no sheet holds more
    cells than a sheet of 65.536 rows × 256 columns; its sheets are measured again once
    open (``check_shape``), before any cell becomes a Python object."""
    check_unpacked(name, len(content), lim)
