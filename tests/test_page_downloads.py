"""The files behind each page's download buttons, made by the real pages through AppTest and read
back: the screen's headers, labels and rounding, the UI's language, titles and totals."""

import io

import openpyxl
import pandas as pd
import pytest
from tests import apptest

RAW = ("enterprises", "workers_per_enterprise", "note_id", "source_kind", "True", "False",
       "published", "sample", "seed/", "All agencies", "news release", "same release", "same article")


def _sheet(files, name):
    """The rows of an exported workbook's sheet, as values."""
    ws = openpyxl.load_workbook(io.BytesIO(files[name]())).active
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def _text(files, name) -> str:
    data = files[name]()
    if name.endswith(".xlsx"):
        return "\n".join(str(v) for row in _sheet(files, name)[1] for v in row if v is not None)
    return data.decode("utf-8-sig")


_table = apptest.table_with


def _select_phase(at, phase):
    next(w for w in at.selectbox if w.key == "flt_phase").set_value(phase).run()
    assert not at.exception


def test_buttons_offer_both_csv_flavours_and_excel(app):
    at = app("ringkasan")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:3] == ["CSV (Excel Indonesia)", "CSV (internasional)", "Excel"]
    at = app("ringkasan", "en")
    assert [b.proto.label for b in at.get("download_button")][:2] == ["CSV (Excel Indonesia)", "CSV (international)"]


def test_reconciliation_xlsx_speaks_indonesian_like_the_screen(app, files):
    at = app("ringkasan")
    ws, rows = _sheet(files, "pencocokan-rilis-tahap-3.xlsx")
    assert rows[0][0] == "Pencocokan dengan angka rilis — Tahap 3 — Tanpa filter"
    assert rows[1][0].startswith("Sumber: data contoh (sintetis) v1")
    assert rows[2][0] == "Angka rilis: sumber masing-masing di kolom Sumber." and rows[3][0] is None
    rows = rows[1:]  # one more source line than the other exports
    screen = _table(at, "Cocok")
    assert rows[3] == list(screen.columns) == ["Cocok", "Rilis", "Data", "Angka", "Lingkup", "Per tanggal",
                                               "Sumber", "Catatan"]
    assert ws.freeze_panes == "A6"
    body = rows[4:]
    assert len(body) == len(screen)  # no totals row: product rows, totals and other scopes side by side
    assert [r[0] for r in body] == screen["Cocok"].tolist() and [r[0] for r in body].count("✓") == 14
    total = next(r for r in body if r[3] == "Tenaga kerja · total")
    assert total[1] == 2858 and total[2] == 2858 and total[5] == "Juli 2020"
    assert total[7] == "'tak kurang dari'; sama dengan jumlah baris per produk"
    assert total[6] == "Siaran pers Dinas Perindustrian NTB (disperin.ntbprov.go.id/?p=1431)"
    assert ws.cell(row=6, column=3).data_type == "n" and ws.cell(row=6, column=3).number_format == "#,##0"
    text = _text(files, "pencocokan-rilis-tahap-3.xlsx")
    assert not [raw for raw in RAW if raw in text]


def test_reconciliation_of_phase_2_names_all_agencies_in_indonesian(app, files):
    at = app("ringkasan")
    _select_phase(at, 2)
    assert "Semua instansi" in _table(at, "Cocok")["Lingkup"].tolist()
    for name in ("pencocokan-rilis-tahap-2.xlsx", "pencocokan-rilis-tahap-2.csv"):
        text = _text(files, name)
        assert "Semua instansi" in text and "All agencies" not in text and "slot pemasok" in text


def test_english_ui_exports_english_headers_and_notes(app, files):
    app("ringkasan", "en")
    _, rows = _sheet(files, "pencocokan-rilis-tahap-3.xlsx")
    assert rows[0][0] == "Reconciliation with published figures — Phase 3 — No filters"
    assert rows[2][0] == "Published figures: each one's source is in the Source column."
    rows = rows[1:]
    assert rows[3] == ["Match", "Published", "Data", "Figure", "Scope", "As of", "Source", "Note"]
    notes = [r[7] for r in rows[4:] if r[7]]
    assert "equals the sum of the product rows" in notes
    text = _text(files, "pencocokan-rilis-tahap-3.xlsx")
    assert "sama dengan" not in text and "Siaran pers" not in text and "July 2020" in text
    assert "Dinas Perindustrian NTB news release (disperin.ntbprov.go.id/?p=1431)" in text
    assert "note_id" not in text and "seed/" not in text


def test_kpi_export_rounds_like_the_card(app, files):
    at = app("ringkasan")
    cards = {m.label: m.value for m in at.metric}
    csv_id = _text(files, "angka-utama-tahap-3.csv")
    assert csv_id.splitlines() == ["IKM/UKM;Tenaga kerja;Produk;Kabupaten/Kota;Tenaga kerja per IKM",
                                   "453;2858;7;10;6,3"]
    assert cards["Tenaga kerja per IKM"] == "6,3" and "6.309" not in csv_id
    back = pd.read_csv(io.BytesIO(files["angka-utama-tahap-3.csv"]()), sep=";", decimal=",", encoding="utf-8-sig")
    intl = pd.read_csv(io.BytesIO(files["angka-utama-tahap-3-intl.csv"]()), encoding="utf-8-sig")
    assert back.to_dict("records") == intl.to_dict("records") == [
        {"IKM/UKM": 453, "Tenaga kerja": 2858, "Produk": 7, "Kabupaten/Kota": 10, "Tenaga kerja per IKM": 6.3}]
    ws, rows = _sheet(files, "angka-utama-tahap-3.xlsx")
    assert rows[3] == list(cards) and rows[4] == [453, 2858, 7, 10, 6.3]
    assert ws.cell(row=5, column=5).number_format == "#,##0.0" and len(rows) == 5


def test_regency_export_has_a_totals_row_equal_to_the_sum(app, files):
    at = app("wilayah")
    _, rows = _sheet(files, "ikm-per-wilayah-tahap-3.xlsx")
    assert rows[0][0] == "Jumlah IKM per kabupaten/kota — Tahap 3 — Tanpa filter"
    assert rows[3] == ["Kabupaten/Kota", "IKM/UKM", "Tenaga kerja"]
    body, total = rows[4:-1], rows[-1]
    screen = _table(at, "Kabupaten/Kota")
    assert [r[0] for r in body] == screen["Kabupaten/Kota"].tolist()
    assert total == ["Jumlah", sum(r[1] for r in body), sum(r[2] for r in body)] == ["Jumlah", 453, 2858]
    back = pd.read_csv(io.BytesIO(files["ikm-per-wilayah-tahap-3.csv"]()), sep=";", decimal=",",
                       encoding="utf-8-sig")
    assert back["IKM/UKM"].sum() == 453 and len(back) == len(body)  # CSV: data only, no totals


def test_filters_are_named_in_the_title(app, files):
    at = app("wilayah")
    next(w for w in at.multiselect if w.key == "flt_regencies").set_value(["5271"]).run()
    _, rows = _sheet(files, "ikm-per-wilayah-tahap-3.xlsx")
    assert rows[0][0] == "Jumlah IKM per kabupaten/kota — Tahap 3 — Filter: Kota Mataram"
    assert rows[-1] == ["Jumlah", 43, sum(r[2] for r in rows[4:-1])]


def test_product_exports_leave_an_unknown_total_empty(app, files):
    app("produk")
    _, rows = _sheet(files, "ikm-per-produk-tahap-3.xlsx")
    assert rows[3] == ["Produk", "IKM/UKM", "Tenaga kerja"]
    assert rows[-1] == ["Jumlah (IKM dengan beberapa produk dihitung per produk)", 453, None]
    assert [r for r in rows if r[0] == "Teh Kelor"] == [["Teh Kelor", 35, None]]
    _, groups = _sheet(files, "tenaga-kerja-per-kelompok-tahap-3.xlsx")
    assert groups[3] == ["Kelompok produk", "Produk", "IKM/UKM", "Tenaga kerja", "Kelompok menurut rilis"]
    assert groups[-1][3] == sum(r[3] for r in groups[4:-1]) == 2858
    assert {r[4] for r in groups[4:-1]} == {"✓"}


def test_phase_export_labels_kinds_and_adds_nothing(app, files):
    at = app("tahap")
    _, rows = _sheet(files, "perbandingan-tahap-enterprises.xlsx")
    assert rows[0][0] == "Ringkasan per tahap — Semua tahap — Tanpa filter"
    screen = _table(at, "Jenis sumber")
    assert rows[3] == list(screen.columns)
    kind, workers = rows[3].index("Jenis sumber"), rows[3].index("Tenaga kerja")
    assert [r[kind] for r in rows[4:]] == ["angka rilis", "angka rilis", "data contoh (sintetis)"]
    assert [r[1] for r in rows[4:]] == [57, None, 453] and len(rows) == 7  # no totals across phases
    assert [r[workers] for r in rows[4:]] == [None, 900, 2858]  # numbers, the ± named in "Perkiraan"
    text = _text(files, "perbandingan-tahap-workers.csv")
    assert not [raw for raw in RAW if raw in text]


def test_directory_export_has_no_personal_data_or_raw_booleans(app, files):
    at = app("direktori")
    _, rows = _sheet(files, "direktori-ikm-tahap-3-halaman-1.xlsx")
    assert rows[0][0] == "Direktori IKM (halaman 1) — Tahap 3 — Tanpa filter"
    screen = _table(at, "NIK")
    assert rows[3] == [c for c in screen.columns if c not in ("Pemilik", "NIK", "No. HP")]
    assert len(rows) == 4 + len(screen)  # a page of results is not totalled
    assert {r[-1] for r in rows[4:]} <= {"✓", "–"}
    text = _text(files, "direktori-ikm-tahap-3-halaman-1.csv")
    assert "True" not in text and "*" not in text


def test_published_figures_on_screen_speak_the_ui_language(app):
    at = app("tentang")
    published = _table(at, "Lingkup")
    assert "Semua instansi" in published["Lingkup"].tolist()
    assert not published["Sumber"].str.contains("seed/|news release|same ").any()
    at = app("tahap", "en")
    other = _table(at, "Figure")  # the figures of other scopes
    assert "All agencies" in other["Scope"].tolist() and "Semua instansi" not in other["Scope"].tolist()


def test_downloads_refuses_a_raw_frame(app):
    """A caller passing the query's frame (raw keys, True, unrounded ratios) fails at once, not on click."""
    from ikm_data import ui

    with pytest.raises(TypeError, match="tables.Table"):
        ui.downloads(table=pd.DataFrame({"enterprises": [453]}), name="x")


def test_chart_files_are_the_chart_without_its_click_selection(app, files, store_with_phase3):
    """``ui.chart`` draws a clickable chart once for the screen; its PNG and SVG are the same
    chart function's ``interactive=False`` drawing, made only when a file is asked for."""
    import json
    import re

    from ikm_data import charts, export, queries
    from ikm_data.i18n import t
    from ikm_data.queries import Dataset, Filters

    at = app("wilayah")
    shown = json.loads(next(c for c in at.get("vega_lite_chart") if charts.SELECT_REGENCY in c.proto.spec).proto.spec)
    assert "params" in json.dumps(shown)  # the screen's chart is clickable
    regions = queries.by_regency(Dataset.open(store_with_phase3), Filters(phase=3))
    drawn = charts.by_regency(regions, lang="id", source=t("source.sample", "id", version="v1"), interactive=False)
    def same(svg: bytes) -> bytes:  # each drawing numbers its clip paths anew
        return re.sub(rb"clip\d+", b"clip", svg)

    assert same(files["ikm-per-wilayah-tahap-3.svg"]()) == same(export.chart_svg(drawn))
