"""Reading officials' files from bytes and a name: xlsx, csv (encodings, delimiters), parquet;
everything as text; wrong, empty and unsupported files refused with IngestError."""

import io
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from ikm_data import readers
from ikm_data.errors import IngestError

DATA = Path(__file__).resolve().parent / "data"
NOT_UTF8 = "No;Nama IKM;Desa\r\n1;UD Café;Sélong\r\n".encode("cp1252")


def _xlsx(rows, merges=()) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cells(raw, row):
    return [c for c in raw.grid.loc[row].tolist()]


def test_xlsx_keeps_row_numbers_and_reads_numbers_as_text():
    content = _xlsx([["Judul"], [], ["Nama", "TK", "NIK", "NIB", "Kapasitas"],
                     ["UD A", 5, "5201014405900001", 9120001112223, 12.5]])
    raw = readers.read_file(content, "tahap.xlsx")
    assert raw.kind == "xlsx" and raw.sheet == "Sheet"
    assert list(raw.grid.index) == [1, 2, 3, 4]
    assert _cells(raw, 1)[0] == "Judul"
    assert _cells(raw, 4) == ["UD A", "5", "5201014405900001", "9120001112223", "12,5"]


def test_xlsx_sheet_names_and_chosen_sheet():
    content = (DATA / "good_several_sheets.xlsx").read_bytes()
    assert readers.list_sheets(content, "x.xlsx") == ["Petunjuk", "Data Tahap 4", "Rekap"]
    raw = readers.read_file(content, "x.xlsx", sheet="Data Tahap 4")
    assert raw.sheet == "Data Tahap 4" and _cells(raw, 4)[:2] == ["1", "IKM Lembar Dua A"]
    assert _cells(raw, 4)[5] == "9120007770001"
    with pytest.raises(IngestError) as err:
        readers.read_file(content, "x.xlsx", sheet="Tidak Ada")
    assert err.value.key == "ingest.no_sheet" and "Petunjuk" in err.value.message


def test_xlsx_vertical_merge_fills_the_block_horizontal_stays_blank():
    content = _xlsx([["A", "B", None], ["Bima", "x", "z"], [None, "y", "w"]], merges=("A2:A3", "B1:C1"))
    raw = readers.read_file(content, "m.xlsx")
    assert _cells(raw, 3)[0] == "Bima"
    assert _cells(raw, 1) == ["A", "B", ""]


def test_number_text_round_trips_through_the_id_parser():
    from ikm_data.validate import parse_number

    for value in (1250.0, 12.5, 0.1 + 0.2, 5201014405900001.0, -3.0):
        assert parse_number(readers.number_text(value)) == pytest.approx(value)
    assert readers.number_text(1250.0) == "1250"
    assert readers.number_text(12.5) == "12,5"


@pytest.mark.parametrize("name,encoding,delimiter", [
    ("good_semicolon_cp1252.csv", "cp1252", ";"),
    ("good_tab_bom.csv", "utf-8-sig", "\t"),
    ("good_comma_quoted.csv", "utf-8", ","),
])
def test_csv_encodings_and_delimiters(name, encoding, delimiter):
    raw = readers.read_file((DATA / name).read_bytes(), name)
    assert (raw.encoding, raw.delimiter) == (encoding, delimiter)


def test_cp1252_text_comes_back_right():
    raw = readers.read_file(NOT_UTF8, "x.csv")
    assert raw.encoding == "cp1252"
    assert _cells(raw, 2) == ["1", "UD Café", "Sélong"]


def test_csv_quoted_commas_and_ragged_title_rows():
    raw = readers.read_file((DATA / "good_comma_quoted.csv").read_bytes(), "q.csv")
    assert _cells(raw, 2)[1] == "UD Sinar, Jaya & Putra"
    assert _cells(raw, 3)[1] == 'IKM "Berkah" Dompu'
    ragged = "Judul\r\n\r\nNama;Kab;Produk;TK\r\nUD A;Dompu;Kopi;3;ekstra;lagi\r\n".encode()
    raw = readers.read_file(ragged, "r.csv")
    assert raw.grid.shape == (4, 6) and _cells(raw, 4)[:4] == ["UD A", "Dompu", "Kopi", "3"]
    assert _cells(raw, 1)[0] == "Judul" and _cells(raw, 2) == [""] * 6


def test_csv_keeps_leading_zeros_and_long_ids():
    raw = readers.read_file(b"HP,NIK\n081234,5201014405900001\n", "x.csv")
    assert _cells(raw, 2) == ["081234", "5201014405900001"]


def test_parquet_columns_become_the_header_row():
    raw = readers.read_file((DATA / "good_export.parquet").read_bytes(), "e.parquet")
    assert _cells(raw, 1)[:4] == ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah Tenaga Kerja"]
    assert _cells(raw, 2)[3:] == ["3", "5203010101900001", "1500000"]
    assert _cells(raw, 3)[5] == "2250000,5" and _cells(raw, 4)[5] == ""


def test_parquet_ints_and_nulls():
    buf = io.BytesIO()
    pq.write_table(pa.table({"a": pa.array([1, None], pa.int32()), "b": ["x", None]}), buf)
    raw = readers.read_file(buf.getvalue(), "p.parquet")
    assert _cells(raw, 2) == ["1", "x"] and _cells(raw, 3) == ["", ""]


@pytest.mark.parametrize("name,key", [
    ("bad_empty.csv", "ingest.empty"),
    ("bad_empty.xlsx", "ingest.empty"),
    ("bad_blank_lines.csv", "ingest.empty"),
    ("bad_random_bytes.xlsx", "ingest.wrong_type"),
    ("bad_random_bytes.csv", "ingest.wrong_type"),
    ("bad_pdf_named.csv", "ingest.wrong_type.pdf"),
    ("bad_xlsx_named.csv", "ingest.wrong_type.zip"),
    ("bad_csv_named.xlsx", "ingest.wrong_type.text"),
    ("bad_old_format.xls", "ingest.xls_unreadable"),
    ("bad_zip_bomb.xlsx", "ingest.too_large"),
    ("bad_notes.txt", "ingest.unsupported"),
])
def test_unreadable_files_are_refused_with_a_named_error(name, key):
    with pytest.raises(IngestError) as err:
        readers.read_file((DATA / name).read_bytes(), name)
    assert err.value.key == key
    assert err.value.exit_code == 2
    assert name in err.value.message
    assert err.value.text("en") != err.value.text("id")


def test_pdf_renamed_xlsx_and_parquet_named_csv():
    with pytest.raises(IngestError) as err:
        readers.read_file(b"%PDF-1.7\n...", "data.xlsx")
    assert err.value.key == "ingest.wrong_type.pdf"
    buf = io.BytesIO()
    pq.write_table(pa.table({"a": [1]}), buf)
    with pytest.raises(IngestError) as err:
        readers.read_file(buf.getvalue(), "data.csv")
    assert err.value.key == "ingest.wrong_type.parquet"


def test_zip_that_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(IngestError) as err:
        readers.read_file(buf.getvalue(), "surat.xlsx")
    assert err.value.key == "ingest.not_workbook"


def test_truncated_xlsx_is_corrupt():
    content = _xlsx([["a"]])
    with pytest.raises(IngestError) as err:
        readers.read_file(content[: len(content) // 2], "potong.xlsx")
    assert err.value.key == "ingest.corrupt"


def test_utf16_csv_explains_how_to_save():
    with pytest.raises(IngestError) as err:
        readers.read_file("Nama\tKab\r\n".encode("utf-16"), "unicode.csv")
    assert err.value.key == "ingest.wrong_type.utf16"


def test_reads_from_a_file_object_too():
    raw = readers.read_file(io.BytesIO(b"a,b\n1,2\n"), "f.csv")
    assert _cells(raw, 2) == ["1", "2"]


def test_sniff_delimiter_prefers_the_consistent_one():
    assert readers.sniff_delimiter("Judul\nNama;Nilai\nUD A, B;12,5\nUD C;1.250\n") == ";"
    assert readers.sniff_delimiter("a\tb\tc\n1\t2,5\t3\n") == "\t"
    assert readers.sniff_delimiter("a,b,c\n1,2,3\n") == ","


# -- the sheet chosen by its header; numbers that were identifiers -------------------------
def test_a_rank_picks_the_data_sheet_after_a_summary_sheet():
    from ikm_data.layout import sheet_score

    content = (DATA / "good_summary_first.xlsx").read_bytes()
    assert readers.list_sheets(content, "x.xlsx") == ["Rekap", "Data IKM", "Keterangan"]
    raw = readers.read_file(content, "x.xlsx", rank=sheet_score)
    assert (raw.sheet, raw.auto) == ("Data IKM", True)
    assert raw.ranks == {"Rekap": (2, 0), "Data IKM": (4, 2), "Keterangan": (0, 0)}
    assert _cells(raw, 5)[:2] == ["1", "UD Rekap Satu"] and len(raw.grid) == 7
    # without a rank, or with a sheet named, nothing is chosen
    assert readers.read_file(content, "x.xlsx").sheet == "Rekap"
    named = readers.read_file(content, "x.xlsx", sheet="Rekap", rank=sheet_score)
    assert (named.sheet, named.auto, named.ranks) == ("Rekap", False, {})


def test_a_rank_sees_only_the_first_rows_and_equals_keep_the_first_sheet():
    wb = Workbook()
    wb.active.title = "A"
    for i in range(300):
        wb.active.append([f"a{i}", i])
    wb.create_sheet("B").append(["b"])
    buf = io.BytesIO()
    wb.save(buf)
    seen = {}

    def rank(grid):
        seen[grid.iat[0, 0]] = len(grid)
        return (0,)

    raw = readers.read_file(buf.getvalue(), "x.xlsx", rank=rank)
    assert seen == {"a0": readers.HEAD_ROWS, "b": 1}
    assert raw.sheet == "A" and len(raw.grid) == 300 and _cells(raw, 300) == ["a299", "299"]


def test_long_numbers_in_xlsx_and_parquet_are_marked_with_their_rows():
    raw = readers.read_file((DATA / "good_summary_first.xlsx").read_bytes(), "x.xlsx", sheet="Data IKM")
    assert {c: rows.tolist() for c, rows in raw.numeric.items()} == {5: [6], 6: [6, 7]}
    assert _cells(raw, 6)[5:] == ["5201010101900000", "220000351486"]
    buf = io.BytesIO()
    pq.write_table(pa.table({"NIK": pa.array([5201010101900000, None, 7], pa.int64()),
                             "NIB": pa.array([9120001112223.0, 1.5, None])}), buf)
    raw = readers.read_file(buf.getvalue(), "p.parquet")
    assert {c: rows.tolist() for c, rows in raw.numeric.items()} == {0: [2], 1: [2]}
    assert readers.read_file(b"NIK\n5201010101900000\n", "x.csv").numeric == {}
