"""The budget of one file: rows, columns, cells, cell length and unpacked size refused before
the costly work, for CSV, Parquet and xlsx, with the numbers and the limit in id-ID; the
UTF-16 hint for a file saved without its byte order mark; field length limits in the report."""

import io
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ikm_data import budget, importer, readers
from ikm_data.errors import IngestError
from tests import make_hostile

HEAD = "No,Nama IKM,Kabupaten/Kota,Jenis Produk,Jumlah TK\n"


def _refused(content: bytes, name: str) -> IngestError:
    with pytest.raises(IngestError) as err:
        readers.read_file(content, name)
    return err.value


@pytest.fixture
def small_limits(monkeypatch):
    """Limits small enough to reach with tiny files."""
    for key, value in (("IKM_MAX_ROWS", "1000"), ("IKM_MAX_COLUMNS", "20"), ("IKM_MAX_CELLS", "2000"),
                       ("IKM_MAX_XLSX_CELLS", "2000"),
                       ("IKM_MAX_CELL_CHARS", "300"), ("IKM_MAX_UNPACKED_MB", "1")):
        monkeypatch.setenv(key, value)


def test_csv_rows_named_with_the_limit_and_advice(small_limits):
    content = (HEAD + "".join(f"{i},UD {i},Dompu,Kopi,3\n" for i in range(4999))).encode()
    err = _refused(content, "besar.csv")
    assert err.key == "budget.rows"
    assert err.text("id") == ("Berkas “besar.csv” berisi 5.000 baris; batasnya 1.000 — bagi berkasnya per "
                              "kabupaten lalu unggah satu per satu.")
    assert "holds 5.000 rows; the limit is 1.000 — split the file by regency" in err.text("en")
    assert err.heading("id") == "Berkas terlalu besar"


def test_csv_columns_cells_and_unpacked_size(small_limits):
    wide = ",".join(f"K{i}" for i in range(30)) + "\n" + ",".join("x" * 30) + "\n"
    assert _refused(wide.encode(), "lebar.csv").params["columns"] == "30"
    cells = HEAD.replace("\n", ",A,B,C\n") + "".join(f"{i},UD,Dompu,Kopi,3,a,b,c\n" for i in range(300))
    err = _refused(cells.encode(), "sel.csv")
    assert err.key == "budget.cells" and err.params["cells"] == "2.408"
    big = (HEAD + "1,UD A,Dompu,Kopi,3\n" * 60_000).encode()
    assert _refused(big, "mb.csv").key == "budget.unpacked"


def test_csv_long_cell_named_by_row_and_column(small_limits):
    content = (HEAD + "1,UD A,Dompu,Kopi,3\n" + f"2,UD {'B' * 400},Dompu,Kopi,3\n").encode()
    err = _refused(content, "panjang.csv")
    assert err.key == "budget.cell"
    assert err.params == {"name": "panjang.csv", "row": "3", "column": "Nama IKM", "length": "403",
                          "limit": "300"}


def test_csv_long_quoted_cell_over_many_lines_is_caught_in_the_grid(small_limits):
    long = "\n".join(["baris panjang"] * 40)
    content = (HEAD + f'1,"UD {long}",Dompu,Kopi,3\n').encode()
    err = _refused(content, "kutip.csv")
    assert err.key == "budget.cell" and err.params["row"] == "2" and err.params["column"] == "2"


def _parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def test_parquet_refused_from_its_metadata(small_limits):
    rows = _parquet(pa.table({"Nama IKM": ["UD A"] * 5000, "Kabupaten/Kota": ["Dompu"] * 5000}))
    err = _refused(rows, "banyak.parquet")
    assert err.key == "budget.rows" and err.params["rows"] == "5.000"
    nested = _parquet(pa.table({"Nama IKM": ["UD A"] * 3, "TK": [[1] * 1000] * 3}))
    assert _refused(nested, "bersarang.parquet").key == "budget.values"


def test_parquet_shared_long_string_refused_before_decoding(small_limits, monkeypatch):
    monkeypatch.setenv("IKM_MAX_ROWS", "100000")
    monkeypatch.setenv("IKM_MAX_CELLS", "100000")
    name = pa.DictionaryArray.from_arrays(pa.array([0] * 5000, pa.int32()), pa.array(["N" * 250]))
    content = _parquet(pa.table({"Nama IKM": name, "Kabupaten/Kota": ["Dompu"] * 5000}))
    assert len(content) < 10_000  # 1,25 MB of text once decoded
    err = _refused(content, "kamus.parquet")
    assert (err.key, err.params["size"], err.params["limit"]) == ("budget.unpacked", "2", "1")
    long = _parquet(pa.table({"Nama IKM": ["UD A", "N" * 400]}))
    assert _refused(long, "panjang.parquet").params == {
        "name": "panjang.parquet", "row": "3", "column": "Nama IKM", "length": "400", "limit": "300"}


def _xlsx(tmp_path, writer, **kwargs) -> bytes:
    return writer(tmp_path / "x.xlsx", **kwargs).read_bytes()


def test_xlsx_whose_dimension_lies_is_measured_by_its_rows(small_limits, tmp_path):
    content = _xlsx(tmp_path, make_hostile.lying_xlsx, rows=1500)
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        extent = budget.sheet_extent(zf, zf.getinfo("xl/worksheets/sheet1.xml"))
    assert (extent.rows, extent.columns, extent.cells) == (1501, 6, 1500 * 5 + 6)
    err = _refused(content, "bohong.xlsx")
    assert err.key == "budget.rows" and err.params["rows"] == "1.501"


def test_xlsx_within_the_budget_reads(tmp_path):
    raw = readers.read_file(_xlsx(tmp_path, make_hostile.lying_xlsx, rows=50), "kecil.xlsx")
    assert len(raw.grid) == 51 and raw.grid.loc[2].tolist()[:2] == ["1", "Dompu"]


def test_xlsx_shared_string_repeated_is_counted(monkeypatch, tmp_path):
    monkeypatch.setenv("IKM_MAX_UNPACKED_MB", "1")
    strings = make_hostile.HEADER + ("D" * 30_000, "Kopi")
    rows = (f'<row r="{r}"><c r="A{r}" t="s"><v>6</v></c></row>' for r in range(2, 102))
    content = make_hostile._xlsx(tmp_path / "s.xlsx", rows, dimension=None, strings=strings).read_bytes()
    assert _refused(content, "berbagi.xlsx").key == "budget.unpacked"  # 100 x 30.000 characters


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_gets_the_utf16_hint(codec):
    content = (HEAD + "1,UD A,Dompu,Kopi,3\n").encode(codec)
    err = _refused(content, "unicode.csv")
    assert err.key == "ingest.wrong_type.utf16" and "UTF-16" in err.text("id")


def test_utf16_detection_leaves_other_text_alone():
    assert not budget.utf16_without_bom("Nama;Desa\nUD Café;Sélong\n".encode("cp1252"))
    assert not budget.utf16_without_bom(b"\x00\x01\x02\x03" * 100)
    assert budget.utf16_without_bom("Nama IKM,Kabupaten".encode("utf-16-le"))


def test_long_name_is_an_error_naming_row_and_column():
    name = "UD " + "Sentosa " * 40
    content = (HEAD + "1,UD A,Dompu,Kopi,3\n" + f"2,{name},Dompu,Kopi,3\n").encode()
    rep = importer.check(importer.prepare(content, "nama.csv"), phase=4).report
    errors = [(i.row, i.column, i.code) for i in rep.errors]
    assert errors == [(3, "Nama IKM", "validate.too_long")]
    issue = rep.errors[0]
    assert issue.message("id") == "Nama IKM terlalu panjang: 322 karakter; batasnya 200. Periksa isi sel ini."
    assert len(issue.value) == 81
