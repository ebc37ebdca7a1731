"""Writes hostile files — small on disk, huge or slow once read — into a folder, for the
time and memory budget tests (``tests/test_hostile.py``). They are large, so they are not
committed: the tests write them into a temporary folder once per session.

Each ``HOSTILE`` entry is ``name -> writer(path)``; every file is deterministic (fixed zip
timestamps, ``random.Random(seed)``) and written fast: the xlsx sheets are XML written
directly into the zip, not through openpyxl. ``python tests/make_hostile.py FOLDER`` writes
them all (or ``python tests/make_hostile.py FOLDER NAME...`` some of them).
"""

from __future__ import annotations

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
