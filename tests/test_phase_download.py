"""Direktori's full download of a filtered phase (ikm_data/phase_download.py): every row the
filters and the search find, read back from the CSV, the Excel and the Parquet file, equals
the rows computed independently from the store; no NIK, phone or owner; formulas defused;
the page builds the files only when asked."""

import io

import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from ikm_data import phase_download, sample, schema
from ikm_data.queries import Dataset, Filters
from tests.apptest import button, click

HOSTILE_NAMES = {0: '=HYPERLINK("http://contoh.invalid","klik")', 1: "@SUM(A1:A9)", 2: "+62 Kopi", 3: "-Kopi-"}


@pytest.fixture
def phase4(store_with_phase3):
    """Phase 4: 120 generated rows, four names a spreadsheet would run as formulas."""
    rows = sample.generate().head(120).copy()
    for i, name in HOSTILE_NAMES.items():
        rows.loc[i, "name"] = name
    rows["phase"] = 4
    store_with_phase3.commit(schema.to_table(rows), phase=4, user="uji", file_name="tahap4.xlsx", content=b"t4")
    return store_with_phase3, rows


def expected(rows: pd.DataFrame, f: Filters, search: str) -> pd.DataFrame:
    """The rows the directory must find, computed with pandas from what was stored."""
    keep = pd.Series(True, index=rows.index)
    if f.regencies:
        keep &= rows["regency_code"].isin(f.regencies)
    if f.products:
        keep &= rows["product_code"].isin(f.products)
    if search:
        q = search.lower()
        keep &= (rows["name"].str.lower().str.contains(q, regex=False)
                 | rows["nib"].fillna("").str.lower().str.contains(q, regex=False)
                 | rows["village"].fillna("").str.lower().str.contains(q, regex=False))
    return rows[keep]


def _read(fmt: str, data: bytes) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data), sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    if fmt == "xlsx":
        return pd.read_excel(io.BytesIO(data), engine="openpyxl", header=4, dtype=str, keep_default_na=False)
    return pq.read_table(io.BytesIO(data)).to_pandas()


CASES = [(Filters(phase=4), ""), (Filters(phase=4, regencies=("5203", "5271")), ""),
         (Filters(phase=4, products=("susu_kedelai", "kopi")), "a"), (Filters(phase=4), "karang")]


@pytest.mark.parametrize("fmt", phase_download.FORMATS)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_downloaded_rows_equal_the_filtered_rows(phase4, fmt, case):
    store, rows = phase4
    f, search = CASES[case]
    want = expected(rows, f, search)
    assert 0 < len(want) < len(rows) or not (f.regencies or f.products or search)
    made = phase_download.build(Dataset.open(store), f, search, fmt, "id")
    got = _read(fmt, made.data)
    assert made.rows == len(want) == len(got)
    assert made.file_name.startswith("direktori_ikm_tahap4_v2_") and made.file_name.endswith(f".{fmt}")
    assert sorted(got["NIB"].astype(str)) == sorted(want["nib"].astype(str))
    assert sorted(got["Kode Kab/Kota"].astype(str)) == sorted(want["regency_code"])
    workers = pd.to_numeric(got["Jumlah Tenaga Kerja"]).sum()
    assert workers == want["workers"].sum()
    assert not {"NIK", "No. HP", "Nama Pemilik", "nik", "phone", "owner"} & set(got.columns)


@pytest.mark.parametrize("fmt", phase_download.FORMATS)
def test_no_personal_data_anywhere_in_the_file(phase4, fmt):
    store, rows = phase4
    data = phase_download.build(Dataset.open(store), Filters(phase=4), "", fmt, "id").data
    text = data.decode("utf-8", "replace") if fmt == "csv" else _read(fmt, data).to_csv()
    for column in ("nik", "phone", "owner"):
        values = [str(v) for v in rows[column].dropna()[:20] if len(str(v)) >= 6]
        assert values and not [v for v in values if v in text], column


def test_formulas_are_defused(phase4):
    store, _ = phase4
    ds = Dataset.open(store)
    csv = phase_download.build(ds, Filters(phase=4), "", "csv", "id").data.decode("utf-8-sig")
    for name in HOSTILE_NAMES.values():
        assert f"'{name}" in csv.replace('""', '"')
    ws = load_workbook(io.BytesIO(phase_download.build(ds, Filters(phase=4), "", "xlsx", "id").data)).active
    cells = {c.value: c for row in ws.iter_rows(min_row=6, max_col=2) for c in row if isinstance(c.value, str)}
    for name in HOSTILE_NAMES.values():
        assert cells[name].data_type == "s" and cells[name].quotePrefix  # text, kept text when edited
    assert ws["A1"].value.startswith("Direktori IKM — Tahap 4") and ws["A2"].value.startswith("Sumber: unggahan tahap4")
    assert "v2" in ws["A2"].value and ws.freeze_panes == "A6"


def test_english_headers_and_parquet_metadata(phase4):
    store, rows = phase4
    made = phase_download.build(Dataset.open(store), Filters(phase=4), "", "parquet", "en")
    table = pq.read_table(io.BytesIO(made.data))
    assert {"Enterprise name", "Regency/city", "Phase", "Regency code", "Halal"} <= set(table.column_names)
    assert set(table.column("Halal").to_pylist()) <= {"Yes", "No", None}
    assert table.schema.metadata[b"ikm.source"].decode().startswith("Source: upload tahap4.xlsx (v2")
    assert table.column("Enterprise name").to_pylist()[:1] and table.num_rows == len(rows)


def test_page_builds_the_files_only_when_asked(app, phase4):
    _, rows = phase4
    at = app("direktori")
    assert not _full_buttons(at)
    assert button(at, "dir_full_prepare").label == "Siapkan unduhan"
    at = click(at, "dir_full_prepare")
    assert _full_buttons(at) == ["dir_full_csv", "dir_full_xlsx", "dir_full_parquet"]
    labels = [node.label for node in _nodes(at.main) if node.type == "status"]
    assert labels == [f"Unduhan siap: {len(rows)} baris"]
    at.run()  # the next run: the files are ready, no button, no building
    assert _full_buttons(at) == ["dir_full_csv", "dir_full_xlsx", "dir_full_parquet"]
    assert not [b for b in at.button if b.key == "dir_full_prepare"]
    at.text_input(key="dir_search").set_value("karang").run()
    assert not _full_buttons(at) and button(at, "dir_full_prepare")  # other rows: asked again


def _nodes(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _nodes(child)


def _full_buttons(at) -> list[str]:
    return [b.key for b in at.get("download_button") if b.key and b.key.startswith("dir_full_")]
