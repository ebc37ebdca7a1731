"""The spreadsheet formats beside xlsx — ``.xls`` and ``.ods`` saved by LibreOffice
(tests/make_office_formats.py) and ``.xlsb`` — through the one reading path: each twin stores
exactly the rows its xlsx stores; the format is decided by the content, not the name; the
budget refuses their hostile files before calamine builds them; the CLI and the upload
page take them."""

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from ikm_data import cli, importer, readers
from ikm_data.errors import IngestError
from ikm_data.markup import escape
from tests import make_hostile, make_office_formats
from tests.apptest import upload

DATA = Path(__file__).resolve().parent / "data"
TWINS = make_office_formats.twins()


def _prepared_frame(store, content: bytes, name: str):
    report = importer.run(content, name, store=store, phase=4, commit=False).report
    return report, report.frame.reset_index(drop=True)


def test_every_twin_is_committed():
    assert len(TWINS) == 8 and all((DATA / name).stat().st_size > 1000 for name in TWINS)


@pytest.mark.parametrize("name", TWINS)
def test_twin_stores_exactly_the_rows_of_its_xlsx(store_with_phase3, name):
    twin = DATA / name
    xlsx_report, xlsx_frame = _prepared_frame(store_with_phase3, (DATA / twin.with_suffix(".xlsx").name).read_bytes(),
                                              twin.with_suffix(".xlsx").name)
    report, frame = _prepared_frame(store_with_phase3, twin.read_bytes(), name)
    assert report.valid and xlsx_report.valid
    assert len(frame) >= 3
    pd.testing.assert_frame_equal(frame, xlsx_frame)
    assert [i.code for i in report.warnings] == [i.code for i in xlsx_report.warnings]
    assert report.totals == xlsx_report.totals and report.skipped == xlsx_report.skipped


def test_ods_merges_come_from_its_content_not_calamine():
    """calamine gives no merged cells for an .ods: the regency merged down over two
    enterprises (C9:C10) still reaches the second one, and the header's merges too."""
    from python_calamine import CalamineWorkbook

    content = (DATA / "good_two_row_header.ods").read_bytes()
    assert CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).merged_cell_ranges is None
    raw = readers.read_file(content, "good_two_row_header.ods")
    assert raw.kind == "ods"
    assert raw.grid.loc[9, 2] == "Bima" and raw.grid.loc[10, 2] == "Bima"
    assert raw.grid.loc[10, 1] == "CV Tambora Mulia"


def test_ods_numbers_are_whole_and_a_nik_typed_as_number_keeps_its_digits():
    raw = readers.read_file((DATA / "good_summary_first.ods").read_bytes(), "x.ods", rank=lambda g: (len(g),))
    data = raw.grid
    row = data.index[data[1] == "UD Rekap Dua"][0]
    assert data.loc[row, 0] == "2" and data.loc[row, 4] == "5"  # 2.0 and 5.0 in the file
    assert data.loc[row, 5] == "5201010101900000" and data.loc[row, 6] == "220000351486"
    assert row in raw.numeric[5] and row in raw.numeric[6]  # warned as in the xlsx


@pytest.mark.parametrize("twin,renamed", [("good_two_row_header.xls", "data.xlsx"),
                                          ("good_two_row_header.ods", "data.xlsx"),
                                          ("good_two_row_header.xls", "data.ods")])
def test_the_content_decides_the_format_not_the_name(twin, renamed):
    raw = readers.read_file((DATA / twin).read_bytes(), renamed)
    assert raw.kind == twin.rsplit(".", 1)[1] and raw.file_name == renamed
    assert raw.grid.loc[6, 1] == "UD Sinar Jaya"


def test_xlsb_reads_through_the_same_path():
    content = make_hostile.xlsb_bytes([["DATA IKM TAHAP IV"], [], list(make_hostile.HEADER),
                                       [1, "UD Biner", "Dompu", "Kopi", 3, "9120000000001"],
                                       [2, "UD Biner Dua", "Bima", "Garam", 4.0, None]])
    raw = readers.read_file(content, "data_tahap4.xlsb")
    assert raw.kind == "xlsb" and raw.sheets == ("Data",)
    assert raw.grid.loc[4].tolist() == ["1", "UD Biner", "Dompu", "Kopi", "3", "9120000000001"]
    assert raw.grid.loc[5, 4] == "4"
    assert readers.read_file(content, "renamed.xlsx").kind == "xlsb"


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("content,name,key", [
    (b"%PDF-1.7\n...", "laporan.xls", "ingest.wrong_type.pdf"),
    (b"No,Nama IKM\n1,UD A\n", "data.ods", "ingest.wrong_type.text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "data.xls", "ingest.xls_unreadable"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "surat.ods",
     "ingest.not_workbook"),
    (_zip({"word/document.xml": b"<w/>"}), "surat.xlsb", "ingest.not_workbook"),
])
def test_a_renamed_something_else_is_refused_clearly(content, name, key):
    with pytest.raises(IngestError) as err:
        readers.read_file(content, name)
    assert err.value.key == key and name in err.value.message
    assert err.value.text("en") != err.value.text("id")


def test_budget_refuses_repeated_ods_rows_before_calamine():
    buf = io.BytesIO()
    make_hostile._ods(buf, ['<table:table-row>' + "".join(make_hostile._ods_cell(h) for h in make_hostile.HEADER)
                            + '</table:table-row>', '<table:table-row table:number-rows-repeated="2000000">'
                            + "".join(make_hostile._ODS_CELL_ROW[:5]) + '</table:table-row>'])
    assert len(buf.getvalue()) < 2000
    with pytest.raises(IngestError) as err:
        readers.read_file(buf.getvalue(), "ulang.ods")
    assert err.value.key == "budget.rows" and "2.000.001 baris; batasnya 1.000.000" in err.value.message


def test_budget_refuses_a_lying_xlsb_from_its_records(monkeypatch):
    monkeypatch.setenv("IKM_MAX_ROWS", "100")
    body = [list(make_hostile.HEADER)] + [[r, "UD Sama", "Dompu", "Kopi", 3] for r in range(1, 150)]
    content = make_hostile.xlsb_bytes(body, dimension=(3, 6))
    with pytest.raises(IngestError) as err:
        readers.read_file(content, "bohong.xlsb")
    assert err.value.key == "budget.rows" and "150 baris; batasnya 100" in err.value.message
    wide = make_hostile.xlsb_bytes([["a"] + [None] * 998 + ["z"]], dimension=(1, 1))
    with pytest.raises(IngestError) as err:
        readers.read_file(wide, "lebar.xlsb")
    assert err.value.key == "budget.columns"


def test_budget_refuses_a_zip_of_too_many_parts(monkeypatch):
    monkeypatch.setenv("IKM_MAX_ZIP_ENTRIES", "50")
    parts = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}
    parts |= {f"Pictures/{i}.png": b"" for i in range(60)}
    with pytest.raises(IngestError) as err:
        readers.read_file(_zip(parts), "banyak.ods")
    assert err.value.key == "budget.entries" and "62 bagian" in err.value.message


def test_budget_refuses_an_xls_over_the_size_and_a_sheet_over_the_cells(monkeypatch):
    content = (DATA / "good_two_row_header.xls").read_bytes()
    monkeypatch.setenv("IKM_MAX_XLSX_CELLS", "100")  # the sheet is 17 x 14
    with pytest.raises(IngestError) as err:
        readers.read_file(content, "x.xls")
    assert err.value.key == "budget.cells" and "238 sel (17 baris × 14 kolom)" in err.value.message
    monkeypatch.setenv("IKM_MAX_UNPACKED_MB", "0.005")
    with pytest.raises(IngestError) as err:
        readers.read_file(content, "x.xls")
    assert err.value.key == "budget.unpacked"


@pytest.mark.parametrize("name", ["good_two_row_header.xls", "good_two_row_header.ods"])
def test_cli_validate_and_import_take_them(capsys, tmp_path, name):
    store = tmp_path / "store"
    code = cli.main(["--data-dir", str(store), "validate", str(DATA / name), "--phase", "4", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and (payload["rows"], payload["enterprises"], payload["workers"]) == (7, 7, 43)
    code = cli.main(["--data-dir", str(store), "import", str(DATA / name), "--phase", "4", "--user", "Baiq",
                     "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and payload["version"] == "v2" and payload["rows"] == 7


@pytest.mark.parametrize("name", ["good_two_row_header.xls", "good_office_report.ods"])
def test_upload_page_accepts_them(app, name):
    at = upload(app("unggah"), name)
    assert not at.error, [e.value for e in at.error]
    caption = " ".join(c.value for c in at.caption)
    assert f"{escape(name)} — {name.rsplit('.', 1)[1].upper()}, lembar" in caption
    assert any(b.key == "unggah_commit" for b in at.button)
    (uploader,) = at.get("file_uploader")
    assert ".xls" in uploader.help and ".ods" in uploader.help and ".xlsb" in uploader.help
