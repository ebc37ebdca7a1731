"""Writes hostile files — small on disk, huge or slow once read — into a folder, for the
time and memory budget tests (``tests/test_hostile.py``). They are large, so they are not
committed: the tests write them into a temporary folder once per session.

Each ``HOSTILE`` entry is ``name -> writer(path)``; every file is deterministic (fixed zip
timestamps, ``random.Random(seed)``) and written fast: the xlsx sheets are XML written
directly into the zip, not through openpyxl. ``python tests/make_hostile.py FOLDER`` writes
them all (or ``python tests/make_hostile.py FOLDER NAME...`` some of them).
"""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

_FIXED_TIME = (2020, 7, 13, 8, 0, 0)
HEADER = ("No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB")
REGENCIES = ("Lombok Barat", "Lombok Tengah", "Lombok Timur", "Sumbawa", "Dompu", "Bima",
             "Sumbawa Barat", "Lombok Utara", "Kota Mataram", "Kota Bima")
PRODUCTS = ("Minyak Goreng", "Susu Kedelai", "Kopi", "Dodol Rumput Laut", "Sabun Cuci Tangan")


# -- csv ---------------------------------------------------------------------------------
def _csv(path: Path, lines) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(HEADER) + "\n")
        fh.writelines(lines)
    return path


def one_name_csv(path: Path, rows: int, *, nib: bool) -> Path:
    """``rows`` rows of one enterprise name, regency and product: with distinct NIBs (the
    duplicate check's quadratic case: none of them is a duplicate) or without NIB (every
    row after the first is a duplicate of the first)."""
    return _csv(path, (f"{i},UD Sama,Dompu,Kopi,3,{9120000000000 + i if nib else ''}\n"
                       for i in range(1, rows + 1)))


def valid_csv(path: Path, rows: int = 200_000) -> Path:
    """A legitimately large file: ``rows`` valid, distinct enterprises (must be accepted)."""
    return _csv(path, (f"{i},IKM Nomor {i},{REGENCIES[i % 10]},{PRODUCTS[i % 5]},{1 + i % 9},"
                       f"{9120000000000 + i}\n" for i in range(1, rows + 1)))


def wide_valid_csv(path: Path, rows: int = 499_999) -> Path:
    """At the limits: half a million rows of ten columns (five million cells), every row valid."""
    header = HEADER + ("Alamat", "Desa", "Kecamatan", "No. HP")
    lines = (f"{i},IKM Nomor {i},{REGENCIES[i % 10]},{PRODUCTS[i % 5]},{1 + i % 9},{9120000000000 + i},"
             f"Jl. Nomor {i % 997},Desa {i % 101},Kecamatan {i % 13},0812{i:08d}\n" for i in range(1, rows + 1))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        fh.writelines(lines)
    return path


def many_lines_csv(path: Path, rows: int = 2_000_000) -> Path:
    """Two million short rows (over the row limit)."""
    return _csv(path, (f"{i},A,Dompu,Kopi,1,\n" for i in range(1, rows + 1)))


def long_name_csv(path: Path, size: int = 10 << 20) -> Path:
    """One enterprise whose name is ``size`` characters long (10 MB)."""
    return _csv(path, [f"1,UD {'A' * size},Dompu,Kopi,3,\n", "2,UD Dua,Bima,Kopi,4,\n"])


def wide_csv(path: Path, columns: int = 100_000) -> Path:
    """A header of 100.000 columns and two rows."""
    head = ",".join(f"Kolom {i}" for i in range(columns))
    row = ",".join("x" for _ in range(columns))
    path.write_text(f"{head}\n{row}\n{row}\n", encoding="utf-8")
    return path


def huge_line_csv(path: Path, size: int = 60 << 20) -> Path:
    """One line of 60 MB (no line break at all): one cell, far too long."""
    path.write_bytes(b"A" * size)
    return path


def utf16_csv(path: Path, *, big_endian: bool = False) -> Path:
    """A small valid CSV saved as UTF-16 without the byte order mark."""
    text = ",".join(HEADER) + "\r\n" + "".join(
        f"{i},IKM {i},Dompu,Kopi,3,\r\n" for i in range(1, 21))
    path.write_bytes(text.encode("utf-16-be" if big_endian else "utf-16-le"))
    return path


# -- parquet -------------------------------------------------------------------------------
def rows_parquet(path: Path, rows: int) -> Path:
    """``rows`` identical rows: a few KB on disk (run-length encoded)."""
    table = pa.table({
        "Nama IKM": pa.array(["UD Sama"] * rows),
        "Kabupaten/Kota": pa.array(["Dompu"] * rows),
        "Jenis Produk": pa.array(["Kopi"] * rows),
        "Jumlah TK": pa.array([3] * rows, pa.int64()),
    })
    pq.write_table(table, path, compression="zstd", row_group_size=1 << 20)
    return path


def huge_string_parquet(path: Path, rows: int = 2_000, size: int = 1 << 20) -> Path:
    """``rows`` rows sharing one dictionary-encoded name of ``size`` characters: a few KB on
    disk, ``rows * size`` (2 GB) as text."""
    name = pa.array(["N" * size], pa.string())
    table = pa.table({
        "Nama IKM": pa.DictionaryArray.from_arrays(pa.array([0] * rows, pa.int32()), name),
        "Kabupaten/Kota": pa.array(["Dompu"] * rows),
        "Jenis Produk": pa.array(["Kopi"] * rows),
        "Jumlah TK": pa.array([3] * rows, pa.int64()),
    })
    pq.write_table(table, path, compression="zstd")
    return path


def wide_parquet(path: Path, columns: int = 20_000, rows: int = 100) -> Path:
    """20.000 columns."""
    column = pa.array(["x"] * rows)
    pq.write_table(pa.table({f"k{i}": column for i in range(columns)}), path, compression="zstd")
    return path


def nested_parquet(path: Path, rows: int = 20, length: int = 1_000_000) -> Path:
    """A list column whose every cell holds a million numbers."""
    values = pa.array([7] * (rows * length), pa.int64())
    offsets = pa.array([i * length for i in range(rows + 1)], pa.int32())
    table = pa.table({"Nama IKM": pa.array([f"IKM {i}" for i in range(rows)]),
                      "Kabupaten/Kota": pa.array(["Dompu"] * rows),
                      "Jenis Produk": pa.array(["Kopi"] * rows),
                      "Jumlah TK": pa.ListArray.from_arrays(offsets, values)})
    pq.write_table(table, path, compression="zstd")
    return path


# -- xlsx ------------------------------------------------------------------------------------
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '{dimension}<sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _xlsx(path: Path, rows, *, dimension: str | None, strings: tuple[str, ...] = ()) -> Path:
    """A one-sheet workbook whose sheet XML is ``rows`` (an iterable of ``<row>`` texts)."""
    shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
                           ("xl/sharedStrings.xml",
                            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns='
                            '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                            f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')):
            zf.writestr(_entry(name), text)
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        with zf.open(_entry("xl/worksheets/sheet1.xml"), "w", force_zip64=True) as fh:
            fh.write(_SHEET_HEAD.format(dimension=dim).encode())
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10_000:
                    fh.write("".join(batch).encode())
                    batch = []
            fh.write(("".join(batch) + _SHEET_TAIL).encode())
    return path


def _header_row() -> str:
    cells = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCDEF"))
    return f'<row r="1">{cells}</row>'


def same_name_xlsx(path: Path, rows: int = 1_000_000) -> Path:
    """A million rows of one enterprise name with distinct NIBs and long filler columns:
    about 27 MB on disk, about 1 GB of sheet XML (ratio under 40, no zip bomb by ratio)."""
    filler = "Jl. Raya Pelabuhan Kayangan Nomor 17, Dusun Tengah, Desa Labuhan Lombok " * 4

    def body():
        yield _header_row()
        for r in range(2, rows + 2):
            yield (f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c>'
                   f'<c r="B{r}" t="inlineStr"><is><t>UD Sama Sekali Sentosa Jaya</t></is></c>'
                   f'<c r="C{r}" t="s"><v>6</v></c><c r="D{r}" t="s"><v>7</v></c>'
                   f'<c r="E{r}"><v>3</v></c><c r="F{r}" t="inlineStr"><is><t>{9120000000000 + r}'
                   f'</t></is></c><c r="G{r}" t="inlineStr"><is><t>{filler}{r}</t></is></c>'
                   f'<c r="H{r}" t="inlineStr"><is><t>{filler}</t></is></c></row>')

    return _xlsx(path, body(), dimension=f"A1:H{rows + 1}", strings=HEADER + ("Dompu", "Kopi"))


def lying_xlsx(path: Path, rows: int = 1_500_000) -> Path:
    """A sheet that says it is A1:F3 (``<dimension>``) and holds 1.500.000 rows."""
    def body():
        yield _header_row()
        for r in range(2, rows + 2):
            yield (f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c><c r="B{r}" t="s"><v>6</v></c>'
                   f'<c r="C{r}" t="s"><v>6</v></c><c r="D{r}" t="s"><v>7</v></c>'
                   f'<c r="E{r}"><v>3</v></c></row>')

    return _xlsx(path, body(), dimension="A1:F3", strings=HEADER + ("Dompu", "Kopi"))


def at_limits_xlsx(path: Path, rows: int = 499_999) -> Path:
    """At the limits: half a million rows of ten columns, each row a valid enterprise."""
    def body():
        yield _header_row()
        for r in range(2, rows + 2):
            yield (f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c><c r="B{r}" t="inlineStr"><is><t>IKM {r}'
                   f'</t></is></c><c r="C{r}" t="s"><v>6</v></c><c r="D{r}" t="s"><v>7</v></c>'
                   f'<c r="E{r}"><v>3</v></c><c r="F{r}" t="inlineStr"><is><t>{9120000000000 + r}</t></is>'
                   f'</c><c r="G{r}" t="s"><v>6</v></c><c r="H{r}" t="s"><v>7</v></c><c r="I{r}"><v>{r}</v>'
                   f'</c><c r="J{r}"><v>{r % 7}</v></c></row>')

    return _xlsx(path, body(), dimension=f"A1:J{rows + 1}", strings=HEADER + ("Dompu", "Kopi"))


# -- xlsb and ods ----------------------------------------------------------------------------
def _record(kind: int, payload: bytes = b"") -> bytes:
    """One BIFF12 record: its type and size as variable-length integers, then its payload."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, out = len(payload), bytearray()
    while True:
        out.append((size & 0x7F) | (0x80 if size > 0x7F else 0))
        size >>= 7
        if not size:
            break
    return head + bytes(out) + payload


def _wide(text: str) -> bytes:
    return len(text).to_bytes(4, "little") + text.encode("utf-16-le")


def _xlsb_cell(col: int, value) -> bytes:
    head = col.to_bytes(4, "little") + bytes(4)
    if isinstance(value, str):
        return _record(0x06, head + _wide(value))  # BrtCellSt
    import struct

    return _record(0x05, head + struct.pack("<d", float(value)))  # BrtCellReal


def xlsb_bytes(rows, *, dimension: tuple[int, int] | None = None) -> bytes:
    """A one-sheet ``.xlsb`` (sheet "Data") holding ``rows`` (lists of str/number, None
    for a blank), written record by record (LibreOffice cannot write xlsb);
    ``dimension`` is the (rows, columns) its ``BrtWsDim`` states (default: the truth)."""
    rows = list(rows)
    height, width = dimension or (len(rows), max((len(r) for r in rows), default=1))
    sheet = bytearray(_record(0x81) + _record(0x94, b"".join(
        n.to_bytes(4, "little") for n in (0, max(height - 1, 0), 0, max(width - 1, 0)))) + _record(0x91))
    for r, row in enumerate(rows):
        sheet += _record(0x00, r.to_bytes(4, "little") + bytes(13))
        for c, value in enumerate(row):
            if value is not None:
                sheet += _xlsb_cell(c, value)
    sheet += _record(0x92) + _record(0x82)
    book = (_record(0x83) + _record(0x8F) + _record(0x9C, bytes(4) + (1).to_bytes(4, "little") + _wide("rId1")
                                                     + _wide("Data")) + _record(0x90) + _record(0x84))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>'
            '</Relationships>')
    root_rels = _RELS.replace("workbook.xml", "workbook.bin")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
             'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
             'vnd.openxmlformats-package.relationships+xml"/><Default Extension="bin" ContentType="application/'
             'vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", types.encode()), ("_rels/.rels", root_rels.encode()),
                           ("xl/workbook.bin", book), ("xl/_rels/workbook.bin.rels", rels.encode()),
                           ("xl/worksheets/sheet1.bin", bytes(sheet))):
            zf.writestr(_entry(name), data)
    return buf.getvalue()


def lying_xlsb(path: Path) -> Path:
    """A 1 KB ``.xlsb`` whose ``BrtWsDim`` says A1:F3 and whose records hold three rows and
    one cell at XFD1048576: calamine would build a rectangle of seventeen billion cells."""
    body = xlsb_bytes([list(HEADER), [1, "UD Sama", "Dompu", "Kopi", 3]], dimension=(3, 6))
    far = _record(0x00, (1_048_575).to_bytes(4, "little") + bytes(13)) + _xlsb_cell(16_383, "x")
    src = zipfile.ZipFile(io.BytesIO(body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet1.bin"):
                end = _record(0x92) + _record(0x82)
                data = data[: -len(end)] + far + end
            dst.writestr(_entry(info.filename), data)
    return path


_ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:'
                 'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:'
                 'full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                 '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                 '</manifest:manifest>')
_ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:'
             'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
             '<office:spreadsheet><table:table table:name="Data">')
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods(path, rows_xml):
    """An ``.ods`` (into ``path``, a path or a binary file object) whose one sheet's rows are
    ``rows_xml`` (``<table:table-row>`` texts)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = _entry("mimetype")
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(_entry("META-INF/manifest.xml"), _ODS_MANIFEST)
        with zf.open(_entry("content.xml"), "w", force_zip64=True) as fh:
            fh.write(_ODS_HEAD.encode())
            for row in rows_xml:
                fh.write(row.encode())
            fh.write(_ODS_TAIL.encode())
    return path


def _ods_cell(value: str, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{rep}><text:p>{value}</text:p></table:table-cell>'


def zip_bomb_ods(path: Path, rows: int = 1_000_000) -> Path:
    """An ``.ods`` of 3 MB whose ``content.xml`` unpacks to 520 MB (a million identical
    rows)."""
    row = "<table:table-row>" + "".join(_ODS_CELL_ROW) + "</table:table-row>"
    header = "<table:table-row>" + "".join(_ods_cell(h) for h in HEADER) + "</table:table-row>"
    return _ods(path, [header] + [row * 10_000] * (rows // 10_000))


_ODS_CELL_ROW = tuple(_ods_cell(v) for v in ("1", "UD Sama Sekali", "Dompu", "Kopi", "3", ""))


def repeated_ods(path: Path) -> Path:
    """A tiny ``.ods`` whose one row, repeated by an attribute two million times, holds
    six filled cells: calamine would build twelve million cells."""
    header = "<table:table-row>" + "".join(_ods_cell(h) for h in HEADER) + "</table:table-row>"
    row = ('<table:table-row table:number-rows-repeated="2000000">' + "".join(_ODS_CELL_ROW[:5])
           + "</table:table-row>")
    return _ods(path, [header, row])


HOSTILE = {
    "rows_1m.parquet": lambda p: rows_parquet(p, 1_000_000),
    "rows_5m.parquet": lambda p: rows_parquet(p, 5_000_000),
    "huge_string.parquet": huge_string_parquet,
    "wide.parquet": wide_parquet,
    "nested.parquet": nested_parquet,
    "same_name_1m.xlsx": same_name_xlsx,
    "dimension_lies.xlsx": lying_xlsx,
    "one_name_1000_nib.csv": lambda p: one_name_csv(p, 1_000, nib=True),
    "one_name_2000_nib.csv": lambda p: one_name_csv(p, 2_000, nib=True),
    "one_name_4000_nib.csv": lambda p: one_name_csv(p, 4_000, nib=True),
    "one_name_4000_no_nib.csv": lambda p: one_name_csv(p, 4_000, nib=False),
    "one_name_200k_nib.csv": lambda p: one_name_csv(p, 200_000, nib=True),
    "name_10mb.csv": long_name_csv,
    "columns_100k.csv": wide_csv,
    "one_line_60mb.csv": huge_line_csv,
    "rows_2m.csv": many_lines_csv,
    "utf16le_no_bom.csv": utf16_csv,
    "utf16be_no_bom.csv": lambda p: utf16_csv(p, big_endian=True),
    "valid_200k.csv": valid_csv,
    "at_limits_500k_x10.csv": wide_valid_csv,
    "at_limits_500k_x10.xlsx": at_limits_xlsx,
    "dimension_lies.xlsb": lying_xlsb,
    "zip_bomb.ods": zip_bomb_ods,
    "rows_repeated.ods": repeated_ods,
}


def write(folder: Path, name: str) -> Path:
    """Write the hostile file ``name`` into ``folder`` (once: an existing one is kept)."""
    path = Path(folder) / name
    if not path.exists():
        partial = path.with_name(f".{name}.partial")
        HOSTILE[name](partial)
        partial.rename(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[2:] or HOSTILE:
        started = time.perf_counter()
        p = write(out, name)
        print(f"{name:28} {p.stat().st_size:>12,} bytes {time.perf_counter() - started:6.1f} s")
