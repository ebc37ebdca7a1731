"""Writes the corpus of officials' files into tests/data/: spreadsheets made the way regency
offices make them (title rows, two-row merged headers, a No column, blank rows, totals
rows, notes, id-ID numbers typed as text, several encodings and delimiters) and files that
must be refused. Run ``python tests/make_fixtures.py``; a test checks the committed files
are exactly what this script writes.

Every file is deterministic (fixed content, fixed zip timestamps, ``random.Random(seed)``),
so the committed bytes can be compared."""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
_FIXED_TIME = (2020, 7, 13, 8, 0, 0)
TITLE = "DATA IKM PESERTA JPS GEMILANG TAHAP IV"
OFFICE = "DINAS PERINDUSTRIAN PROVINSI NUSA TENGGARA BARAT"


# -- writing helpers ---------------------------------------------------------------------
def normalise_zip(content: bytes) -> bytes:
    """The same xlsx with fixed timestamps (zip entries and document properties), so the
    script writes identical bytes every time."""
    src = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2020-07-13T08:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def xlsx_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def sheet(wb: Workbook, title: str, rows: list[list], merges: tuple[str, ...] = (), index: int | None = None):
    ws = wb.active if index == 0 and wb.active.title == "Sheet" else wb.create_sheet(title)
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    return ws


def one_sheet(rows: list[list], merges: tuple[str, ...] = (), title: str = "Data") -> bytes:
    wb = Workbook()
    sheet(wb, title, rows, merges, index=0)
    return xlsx_bytes(wb)


def csv_text(rows: list[list], delimiter: str = ",") -> str:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


# -- the good files ------------------------------------------------------------------------
def messy_two_row_header(total_ok: bool = True) -> bytes:
    """Title rows, a two-row header with ``Tenaga Kerja`` merged over L/P/Jumlah, ``No``
    merged down, a blank row, a regency merged down over two enterprises, a totals row,
    notes under the table; NIK/NIB as text, money and capacity as id-ID text."""
    head = [
        [TITLE], [OFFICE], [],
        ["No", "Nama IKM/UKM", "Kab./Kota", "Jenis Produk", "Tenaga Kerja", None, None, "NIK", "NIB",
         "Nilai Pesanan (Rp)", "Kapasitas Produksi", "Satuan", "PIRT", "Halal"],
        [None, None, None, None, "L", "P", "Jumlah", None, None, None, None, None, None, None],
    ]
    data = [
        [1, "UD Sinar Jaya", "Kab. Lombok Barat", "minyak kelapa", "2", "3", "5", "5201014405900001",
         "9120001112223", "Rp 12.500.000", "1.250", "liter/bulan", "Ya", "Tidak"],
        [2, "KUB Maju Bersama", "Lotim", "Susu kedele", "1", "4", "5", "5203015506880002",
         "9120001112224", "1.250.000,00", "500", "botol/bulan", "✓", "-"],
        [None] * 14,
        [3, "IKM Rinjani Asri", "Bima", "Teh Daun Kelor", "0", "6", "6", "5206016607950003", "",
         "Rp 3.000.000", "12,5", "kg/bulan", "ada", "v"],
        [4, "CV Tambora Mulia", None, "gula semut aren", "3", "3", "6", "5206017708910004", "9120001112226",
         "2.750.000", "200", "kg/bulan", "T", "Ya"],
        [5, "UMKM Mbojo Sari", "Kota Bima", "Serbat", "2", "2", "4", "", "9120001112227",
         "Rp 1.500.000,-", "300", "kemasan/bulan", "-", "ID35110000123450720"],
        [6, "Kelompok Harapan", "KOTA MATARAM", "Tas JPS", "5", "10", "15", "5271018808850006",
         "9120001112228", "Rp 45.000.000", "10.000", "pcs/bulan", "Tidak", "Tidak"],
        [7, "UD Cahaya Samawa", "Kabupaten Sumbawa", "Minyak Kayu Putih", "1", "1", "2", "", "",
         "", "150", "botol/bulan", "", ""],
    ]
    totals = [["JUMLAH", None, None, None, "14", "29", "43" if total_ok else "45", None, None,
               "Rp 66.000.000", None, None, None, None]]
    notes = [[], ["Sumber: Dinas Perindustrian Kabupaten/Kota se-NTB"],
             ["Keterangan: L = laki-laki, P = perempuan"]]
    merges = ("E4:G4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "C9:C10")
    return one_sheet(head + data + totals + notes, merges)


def semicolon_cp1252() -> bytes:
    """An Indonesian Excel's CSV export: ``;`` separated, Windows-1252 (é, ’), title rows,
    numbers typed with ``.`` for thousands, money with ``,00``."""
    rows = [
        [TITLE, "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["No.", "Nama Usaha", "Kabupaten", "Komoditas", "Jml TK", "Nilai Kontrak", "Desa/Kelurahan"],
        ["1", "UD Café Rinjani", "Lombok Utara", "Kopi", "1.000", "12.500.000,00", "Sélong"],
        ["2", "Dapur Bu’ Aminah", "Loteng", "Abon", "7", "Rp 2.500.000", "Praya"],
        ["3", "KUB Garam Lestari", "KSB", "Garam Beryodium", "12", "750.000", "Taliwang"],
        ["", "", "", "", "", "", ""],
        ["Jumlah", "", "", "", "1.019", "15.750.000,00", ""],
    ]
    return csv_text(rows, ";").encode("cp1252")


def tab_bom() -> bytes:
    """Tab separated, UTF-8 with a BOM, English headers, L/P split without a total."""
    rows = [
        ["Business name", "Regency", "Product", "TK Laki-laki", "TK Perempuan", "NIB", "Halal"],
        ["Lombok Soy Co", "Mataram", "Soy milk", "2", "5", "9120009990001", "Y"],
        ["Sumbawa Honey", "Sumbawa", "Madu Hutan", "1", "1", "9120009990002", "Tidak"],
    ]
    return b"\xef\xbb\xbf" + csv_text(rows, "\t").encode("utf-8")


def comma_quoted() -> bytes:
    """Comma separated with quoted names holding commas and a new product."""
    rows = [
        ["NO", "NAMA IKM", "KAB/KOTA", "JENIS PRODUK", "TENAGA KERJA", "NO. HP", "SNI"],
        ["1", "UD Sinar, Jaya & Putra", "Lobar", "Dodol Rumput Laut", "4", "081234567890", "-"],
        ["2", "IKM \"Berkah\" Dompu", "dompu", "Kopi Luwak", "3", "'081999888777", "SNI 3140.3:2010"],
        ["3", "KUB Sejahtera", "Kab Lombok Tengah", "sabun cuci tangan", "9", "", "Tidak"],
    ]
    return csv_text(rows, ",").encode("utf-8")


def parquet_file() -> bytes:
    """A Parquet export from another system: typed columns, NIK as text."""
    table = pa.table({
        "Nama IKM": ["IKM Parquet Satu", "IKM Parquet Dua", "IKM Parquet Tiga"],
        "Kabupaten/Kota": ["Lombok Timur", "Kota Mataram", "Bima"],
        "Jenis Produk": ["Minyak Goreng", "Susu Kedelai", "Teh Kelor"],
        "Jumlah Tenaga Kerja": pa.array([3, 8, 2], pa.int64()),
        "NIK": ["5203010101900001", "5271010101900002", "5206010101900003"],
        "Nilai Pesanan": pa.array([1500000.0, 2250000.5, None], pa.float64()),
    })
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    return buf.getvalue()


def several_sheets() -> bytes:
    """A workbook whose first sheet is instructions; the data is on the second."""
    wb = Workbook()
    sheet(wb, "Petunjuk", [["Petunjuk pengisian"], ["Isi data di lembar berikutnya."]], index=0)
    sheet(wb, "Data Tahap 4", [
        ["DATA IKM TAHAP IV"], [],
        ["No", "Nama IKM", "Kabupaten/Kota", "Produk", "Jumlah TK", "NIB"],
        [1, "IKM Lembar Dua A", "Lombok Barat", "Minyak Goreng", 4, 9120007770001],
        [2, "IKM Lembar Dua B", "Dompu", "Garam", 6, 9120007770002],
    ])
    sheet(wb, "Rekap", [["Rekap per kabupaten"], ["Lombok Barat", 1], ["Dompu", 1]])
    return xlsx_bytes(wb)


def summary_first() -> bytes:
    """The workbook an office sends: a summary per regency first ("Rekap", whose header
    names a regency and workers but no enterprise or product), then the data with title
    rows ("Data IKM"), then notes ("Keterangan"). One NIK was typed as a number: Excel kept
    15 digits (5201010101900001 became 5201010101900000); one NIB as a number lost its
    leading zero; another NIB typed as a number kept all its 13 digits."""
    wb = Workbook()
    sheet(wb, "Rekap", [
        ["REKAPITULASI IKM PER KABUPATEN/KOTA"], [],
        ["No", "Kabupaten/Kota", "Jumlah IKM", "Jumlah TK"],
        [1, "Lombok Barat", 2, 9], [2, "Dompu", 1, 3], [None, "Jumlah", 3, 12],
    ], index=0)
    sheet(wb, "Data IKM", [
        [TITLE], [OFFICE], [],
        ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIK", "NIB"],
        [1, "UD Rekap Satu", "Lombok Barat", "Minyak Goreng", 4, "5201014405900001", "9120007770011"],
        [2, "UD Rekap Dua", "Lombok Barat", "Kopi", 5, 5201010101900000, 220000351486],
        [3, "UD Rekap Tiga", "Dompu", "Garam", 3, "5205014405900003", 9120007770013],
    ])
    sheet(wb, "Keterangan", [["Keterangan"], ["TK = tenaga kerja"], ["Sumber: Dinas Perindustrian"]])
    return xlsx_bytes(wb)


def tahap_column() -> bytes:
    """One file for two phases: a ``Tahap`` column written three ways."""
    rows = [
        ["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"],
        ["IV", "IKM Tahap Empat A", "Lombok Barat", "Minyak Goreng", "3"],
        ["4", "IKM Tahap Empat B", "Lombok Timur", "Susu Kedelai", "5"],
        ["Tahap V", "IKM Tahap Lima A", "Dompu", "Kopi", "2"],
    ]
    return csv_text(rows).encode("utf-8")


def numbers_as_numbers() -> bytes:
    """Workers typed as Excel numbers, NIB as a 13-digit number cell, NIK as text, a
    product that appears twice for one enterprise (two products, one enterprise)."""
    return one_sheet([
        ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB", "NIK"],
        ["UD Dua Produk", "Lombok Barat", "Minyak Goreng", 5, 9120005550001, "5201010101900001"],
        ["UD Dua Produk", "Lombok Barat", "Sabun", 5, 9120005550001, "5201010101900001"],
        ["UD Satu Produk", "Kota Mataram", "Kopi", 3, 9120005550002, "5271010101900002"],
    ])


def office_report() -> bytes:
    """A regency office's report as printed for signing: column numbers under a merged
    two-row header, headers joining synonyms with a slash, a regency merged over its block,
    a subtotal per regency, a grand total and a signature block under the table."""
    rows = [
        ["DAFTAR IKM PENYEDIA PAKET JPS GEMILANG TAHAP IV"], ["DINAS PERINDUSTRIAN PROVINSI NTB TAHUN 2020"], [],
        ["NO", "NAMA IKM / PELAKU USAHA", "NAMA PEMILIK", "ALAMAT", "KAB/KOTA", "JENIS PRODUK/KOMODITI",
         "TENAGA KERJA (ORANG)", None, None, "KETERANGAN"],
        [None, None, None, None, None, None, "L", "P", "JML", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
        [1, "UD. Berkah Jaya", "H. Ahmad", "Gerung", "Lombok Barat", "Minyak Kelapa", 2, 3, 5, "baru"],
        [2, "KUB Melati", "Hj. Siti", "Kediri", None, "Susu Kedelai", 0, 4, 4, None],
        [None, "Jumlah Lombok Barat", None, None, None, None, 2, 7, 9, None],
        [3, "IKM Sumber Rejeki", "Made", "Selong", "Lombok Timur", "Gula Semut", 1, 1, 2, None],
        [None, "Jumlah Lombok Timur", None, None, None, None, 1, 1, 2, None],
        ["JUMLAH TOTAL", None, None, None, None, None, 3, 8, 11, None],
        [],
        [None, None, None, None, None, None, None, "Mataram, 20 Juli 2020"],
        [None, None, None, None, None, None, None, "Kepala Dinas Perindustrian"],
        [],
        [None, None, None, None, None, None, None, "NAMA KEPALA DINAS, SE., ME"],
    ]
    merges = ("G4:I4", "E7:E8") + tuple(f"{c}4:{c}5" for c in "ABCDEFJ")
    return one_sheet(rows, merges, title="Tahap IV")


# -- the bad files -------------------------------------------------------------------------
HEADER = ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"]


# -- programme themes: certifications, the tourism market, mentoring, returning enterprises --
TITLE_5 = "DATA IKM PESERTA JPS GEMILANG TAHAP V"


def certified_phase4() -> bytes:
    """Phase IV as a regency office typed it: a title, a two-row header with ``Sertifikasi``
    merged over PIRT/Halal/BPOM/SNI and ``Pariwisata`` over Pasar/Mitra Hotel; certificates
    written as their numbers, ``Proses``, ``Belum``, ``Belum (diajukan 2021)``, ✓, ``-`` and
    blank cells; hotel partners spelt three ways; an enterprise with two products (one NIB);
    a totals row and a note under the table."""
    head = [
        [TITLE], [OFFICE], [],
        ["No", "Nama IKM", "Kab/Kota", "Jenis Produk", "Jumlah TK", "NIB", "Sertifikasi", None, None, None,
         "Pariwisata", None, "Pendampingan"],
        [None, None, None, None, None, None, "PIRT", "Halal", "BPOM", "SNI", "Pasar Pariwisata", "Mitra Hotel",
         None],
    ]
    data = [
        [1, "UD Sinar Rinjani", "Lotim", "minyak kelapa", "5", "9120004000001", "P-IRT No. 2065203010123-25",
         "ID52110000123450722", "-", None, "Ya", "Hotel Santika Mataram", "Ya"],
        [2, "UD Sinar Rinjani", "Lotim", "kopi bubuk", "5", "9120004000001", "P-IRT No. 2065203010124-25",
         "Proses", "-", None, "Ya", "Hotel Santika Mataram", "Ya"],
        [3, "KUB Maju Bersama", "Lobar", "susu kedele", "4", "9120004000002", "Ya", "Belum", "MD 224513001234",
         None, "Tidak", None, "Tidak"],
        [4, "IKM Tunas Mekar", "Loteng", "abon", "3", None, "Proses", "Tidak", None, None, "ya",
         "hotel santika  mataram", "Tidak"],
        [5, "CV Segara Bahari", "KSB", "Ikan Kering", "6", None, "✓", "✓", None, "SNI 01-2708-2010", "Ya",
         "HOTEL SANTIKA MATARAM", "Ya"],
        [6, "UD Barokah Jaya", "Dompu", "garam beryodium", "2", "9120004000005", "Belum", "Belum", "Belum",
         "SNI 3556:2016", "Tidak", "-", "Tidak"],
        [7, "Kelompok Putri Tani", "Kota Mataram", "tas jps", "8", None, None, None, None, None, "Ya",
         "Novotel Lombok", "Tidak"],
        [8, "UMKM Berkah Lestari", "Kab. Bima", "kopi bubuk", "3", "9120004000007", "Belum (diajukan 2021)", "Ya",
         None, None, "Ya", "Novotel  Lombok", "Ya"],
        [9, "UD Harapan Abadi", "Sumbawa", "minyak kayu putih", "4", None, "Tidak", "Tidak", "Tidak", "Tidak",
         "Tidak", None, "Ya"],
    ]
    totals = [["JUMLAH", None, None, None, "40", None, None, None, None, None, None, None, None]]
    notes = [[], ["Ket: nomor sertifikat ditulis bila sudah terbit; Proses = sedang diurus"]]
    merges = ("G4:J4", "K4:L4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "M4:M5")
    return one_sheet(head + data + totals + notes, merges)


def returning_phase5() -> bytes:
    """Phase V from another office: ``;``-separated CSV, one-row header with other synonyms,
    no SNI and no mentoring column; enterprises of phase IV come back — by NIB (one written
    with dots, one under two products), by name + regency (written differently, or where
    only one phase has a NIB) — beside one with the same name in another regency and one
    with the same name under another NIB (neither is the same enterprise)."""
    rows = [
        [TITLE_5],
        [],
        ["No.", "Nama Usaha", "Kabupaten", "Komoditas", "Jumlah Tenaga Kerja", "NIB", "P-IRT", "Sertifikat Halal",
         "Izin BPOM", "Pasar Pariwisata", "Mitra Pariwisata"],
        ["1", "UD. Sinar Rinjani", "Lombok Timur", "Minyak Goreng", "7", "912.000.400.0001", "Ya", "Ya", "Tidak",
         "Ya", "Hotel Santika Mataram"],
        ["2", "KUB Maju Bersama", "Lombok Barat", "Susu Kedelai", "4", "9120005999999", "Ya", "Ya", "", "Tidak", ""],
        ["3", "ikm tunas  mekar", "Lombok Tengah", "Abon Ikan", "4", "", "Ya", "Proses", "", "Tidak", ""],
        ["4", "CV Segara Bahari", "Lombok Barat", "Ikan Kering", "6", "", "Tidak", "Tidak", "", "Tidak", ""],
        ["5", "UD Barokah Jaya", "Dompu", "Garam", "3", "", "Belum", "Ya", "", "Tidak", ""],
        ["6", "Kelompok Putri Tani", "Kota Mataram", "Tas", "9", "9120005000006", "", "", "", "Ya",
         "Novotel Lombok"],
        ["7", "UMKM Berkah Lestari", "Kab. Bima", "Kopi", "5", "9120004000007", "PIRT 2065206020456-26", "Ya", "",
         "Ya", "Katamaran Resort"],
        ["8", "UMKM Berkah Lestari", "Kab. Bima", "Gula Semut", "5", "9120004000007", "PIRT 2065206020457-26", "Ya",
         "", "Ya", "Katamaran Resort"],
        ["9", "UD Karya Baru", "KLU", "Kopi", "2", "9120005000009", "Tidak", "Tidak", "", "Tidak", ""],
    ]
    return b"\xef\xbb\xbf" + csv_text(rows, ";").encode("utf-8")


def _rows(*data: list) -> list[list]:
    return [HEADER] + [[str(i + 1), *row] for i, row in enumerate(data)]


GOOD_ROWS = [
    ["UD Satu", "Lombok Barat", "Minyak Goreng", "3", "9120000000011"],
    ["UD Dua", "Lombok Timur", "Susu Kedelai", "4", "9120000000012"],
    ["UD Tiga", "Dompu", "Kopi", "5", "9120000000013"],
]


def bad_csv(*replace: tuple[int, int, str], extra: list[list] | None = None) -> bytes:
    """The three good rows with cells replaced: ``(data row index, column index, value)``."""
    rows = [list(r) for r in GOOD_ROWS] + (extra or [])
    for i, j, value in replace:
        rows[i][j] = value
    return csv_text(_rows(*rows)).encode("utf-8")


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def zip_bomb() -> bytes:
    """A small zip with an xlsx's workbook part whose sheet unpacks to 40 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in (("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>"),
                           ("xl/worksheets/sheet1.xml", b"\0" * (40 << 20))):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


def files() -> dict[str, bytes]:
    """Every file of the corpus: ``{name: bytes}``."""
    rnd = random.Random(20200713)
    noise = bytes(rnd.randrange(256) for _ in range(4096))
    out = {
        # good
        "good_two_row_header.xlsx": messy_two_row_header(),
        "good_totals_mismatch.xlsx": messy_two_row_header(total_ok=False),
        "good_semicolon_cp1252.csv": semicolon_cp1252(),
        "good_tab_bom.csv": tab_bom(),
        "good_comma_quoted.csv": comma_quoted(),
        "good_export.parquet": parquet_file(),
        "good_several_sheets.xlsx": several_sheets(),
        "good_summary_first.xlsx": summary_first(),
        "good_tahap_column.csv": tahap_column(),
        "good_numbers.xlsx": numbers_as_numbers(),
        "good_office_report.xlsx": office_report(),
        "good_sertifikasi_tahap4.xlsx": certified_phase4(),
        "good_berulang_tahap5.csv": returning_phase5(),
        # unreadable
        "bad_empty.csv": b"",
        "bad_empty.xlsx": b"",
        "bad_blank_lines.csv": b"\r\n\r\n  \r\n",
        "bad_random_bytes.xlsx": noise,
        "bad_random_bytes.csv": noise,
        "bad_pdf_named.csv": pdf_bytes(),
        "bad_xlsx_named.csv": messy_two_row_header(),
        "bad_csv_named.xlsx": csv_text(_rows(*GOOD_ROWS)).encode("utf-8"),
        "bad_old_format.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise[:512],
        "bad_zip_bomb.xlsx": zip_bomb(),
        "bad_notes.txt": b"catatan rapat\n",
        # invalid
        "bad_header_only.xlsx": one_sheet([[TITLE], [], HEADER]),
        "bad_header_only.csv": csv_text([[TITLE], [], HEADER, [], ["Sumber: Disperin NTB"]]).encode("utf-8"),
        "bad_missing_regency.xlsx": one_sheet([
            ["No", "Nama IKM", "Jenis Produk", "Jumlah TK"],
            [1, "UD Satu", "Kopi", 3],
        ]),
        "bad_missing_workers.csv": csv_text([
            ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "NIB"],
            ["UD Satu", "Dompu", "Kopi", "9120000000011"],
        ]).encode("utf-8"),
        "bad_negative_workers.csv": bad_csv((1, 3, "-3")),
        "bad_fraction_workers.xlsx": one_sheet([
            ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"],
            [1, "UD Satu", "Lombok Barat", "Kopi", 3],
            [2, "UD Dua", "Lombok Barat", "Kopi", 2.5],
        ]),
        "bad_fraction_text.csv": bad_csv((2, 3, "4,5")),
        "bad_text_workers.csv": bad_csv((0, 3, "lima")),
        "bad_blank_workers.csv": bad_csv((2, 3, "")),
        "bad_regency_outside.csv": bad_csv((1, 1, "Denpasar")),
        "bad_regency_typo.csv": bad_csv((2, 1, "Lombok Timr")),
        "bad_kabupaten_mataram.csv": bad_csv((0, 1, "Kabupaten Mataram")),
        "bad_blank_regency.csv": bad_csv((0, 1, "")),
        "bad_blank_name.csv": bad_csv((1, 0, "")),
        "bad_blank_product.csv": bad_csv((2, 2, "")),
        "bad_duplicate_nib.csv": bad_csv(extra=[["UD Tiga Lagi", "Dompu", "Kopi", "5", "9120000000013"]]),
        "bad_duplicate_name.xlsx": one_sheet([
            ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"],
            [1, "UD. Sinar Jaya", "Lombok Barat", "Minyak Goreng", 3],
            [2, "UD Lain", "Lombok Barat", "Minyak Goreng", 4],
            [3, "ud sinar  jaya", "Kab. Lombok Barat", "minyak kelapa", 3],
        ]),
        "bad_split_mismatch.xlsx": split_mismatch(),
        "bad_tahap_mismatch.csv": tahap_column(),
        "bad_tahap_blank.csv": csv_text([
            ["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"],
            ["4", "IKM A", "Lombok Barat", "Kopi", "3"],
            ["", "IKM B", "Lombok Barat", "Garam", "3"],
        ]).encode("utf-8"),
        "bad_many_errors.csv": bad_csv((0, 1, "Denpasar"), (1, 3, "-1"), (2, 0, ""),
                                       extra=[["UD Empat", "Bima", "Kopi", "2,5", ""]]),
    }
    return out


def split_mismatch() -> bytes:
    """The messy two-row file with one L + P that does not add up to its Jumlah."""
    return one_sheet([
        [TITLE], [],
        ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Tenaga Kerja", None, None],
        [None, None, None, None, "L", "P", "Jumlah"],
        [1, "UD Satu", "Lombok Barat", "Kopi", 2, 3, 5],
        [2, "UD Dua", "Lombok Barat", "Garam", 2, 3, 6],
    ], ("E3:G3", "A3:A4", "B3:B4", "C3:C4", "D3:D4"))


def build(out_dir: Path = DATA) -> list[Path]:
    """Write every file into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in files().items():
        path = out_dir / name
        path.write_bytes(content)
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    print(f"{len(written)} files in {written[0].parent}")
