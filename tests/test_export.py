"""Tests for ikm_data.export: chart images (PNG 2x, SVG), CSV (two flavours)/XLSX bytes,
tables exported as shown, personal data left out, formulas defused."""

import io

import openpyxl
import pandas as pd
import pytest

from ikm_data import charts, export, queries, tables

HOSTILE = ["=1+1", "+cmd", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"]


@pytest.fixture
def hostile_frame() -> pd.DataFrame:
    """Text cells that a spreadsheet would run, a harmless one, real numbers and personal data."""
    return pd.DataFrame({
        "name": [*HOSTILE, "Sinar Jaya"],
        "workers": [-5, 1, 2, 3, 4, 5, 6],
        "capacity": [-2.5, 0.0, 1.5, 2.0, 3.0, 4.0, 5.0],
        "owner": ["Siti Aminah"] * 7,
        "nik": ["5201012345678901"] * 7,
        "phone": ["081234567890"] * 7,
    })


@pytest.fixture
def product_chart(dataset, phase3):
    return charts.by_product(queries.by_product(dataset, phase3), lang="id", source="Sumber: uji",
                             interactive=False)


def test_png_is_drawn_at_twice_the_svg_size(product_chart):
    png = export.chart_png(product_chart, scale=2)
    svg = export.chart_svg(product_chart).decode("utf-8")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = export.png_size(png)
    svg_width = int(svg.split('width="', 1)[1].split('"', 1)[0])
    svg_height = int(svg.split('height="', 1)[1].split('"', 1)[0])
    assert (width, height) == (2 * svg_width, 2 * svg_height)
    assert width >= 1600  # the 800 px drawing width plus the labels, doubled


def test_svg_is_an_svg_with_the_chart_text(product_chart):
    svg = export.chart_svg(product_chart)
    assert svg.startswith(b"<svg") and svg.rstrip().endswith(b"</svg>")
    text = svg.decode("utf-8")
    assert "Susu Kedelai" in text and "138" in text and "Sumber: uji" in text


def test_chart_spec_gives_a_container_wide_chart_a_pixel_width(product_chart):
    assert product_chart.to_dict()["width"] == "container"
    assert export.chart_spec(product_chart)["width"] == export.DEFAULT_CHART_WIDTH
    assert export.chart_spec(product_chart, 500)["width"] == 500


def test_png_size_refuses_what_is_not_a_png():
    with pytest.raises(ValueError):
        export.png_size(b"GIF89a" + b"\0" * 30)


def test_defuse_formulas_quotes_hostile_text_and_keeps_numbers(hostile_frame):
    out = export.defuse_formulas(hostile_frame)
    assert list(out["name"]) == ["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1:A2)", "'\tx", "'\rx", "Sinar Jaya"]
    assert list(out["workers"]) == [-5, 1, 2, 3, 4, 5, 6]
    assert out["workers"].dtype == hostile_frame["workers"].dtype
    assert out["capacity"].iloc[0] == -2.5
    assert list(hostile_frame["name"])[:1] == ["=1+1"]  # the input is not changed


def test_defuse_cell_leaves_numbers_and_missing_values_alone():
    assert export.defuse_cell(-5) == -5
    assert export.defuse_cell(None) is None
    assert export.defuse_cell("2.858") == "2.858"
    assert export.defuse_cell("-") == "'-"


def test_csv_drops_personal_data_and_defuses(hostile_frame):
    data = export.to_csv_bytes(hostile_frame)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns) == ["name", "workers", "capacity"]
    assert frame["name"].iloc[0] == "'=1+1" and frame["name"].iloc[2] == "'-2+3"
    assert frame["workers"].iloc[0] == -5  # read back as a number
    assert b"Siti" not in data and b"5201012345678901" not in data and b"0812" not in data


def test_csv_keeps_personal_data_only_when_allowed(hostile_frame):
    frame = pd.read_csv(io.BytesIO(export.to_csv_bytes(hostile_frame, allow_personal=True)),
                        encoding="utf-8-sig", dtype=str)
    assert {"owner", "nik", "phone"} <= set(frame.columns)
    assert frame["nik"].iloc[0] == "5201012345678901"


def test_xlsx_cells_are_text_or_numbers_never_formulas(hostile_frame):
    data = export.to_xlsx_bytes(hostile_frame, "IKM: tahap/3")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == "IKM  tahap 3"  # characters Excel forbids in sheet names replaced
    header = [c.value for c in ws[1]]
    assert header == ["name", "workers", "capacity"]
    names = [ws.cell(row=r, column=1) for r in range(2, 9)]
    assert [c.value for c in names] == ["=1+1", "+cmd", "-2+3", "@SUM(A1:A2)", "\tx", "\rx", "Sinar Jaya"]
    assert all(c.data_type == "s" for c in names)  # string cells: no apostrophe needed
    assert [c.quotePrefix for c in names] == [True] * 6 + [False]  # Excel's own mark of typed '=...
    minus_five = ws.cell(row=2, column=2)
    assert minus_five.value == -5 and minus_five.data_type == "n"
    assert ws.cell(row=2, column=3).value == -2.5
    assert ws.freeze_panes == "A2"


def test_xlsx_writes_missing_values_as_empty_cells():
    frame = pd.DataFrame({"product": ["Teh Kelor", "Tas Kemasan"],
                          "workers": pd.array([None, 198], dtype="Int64")})
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(frame))).active
    assert ws.cell(row=2, column=2).value is None
    assert ws.cell(row=3, column=2).value == 198


def test_labelled_names_columns_in_the_ui_language(dataset, phase3):
    frame = queries.by_product(dataset, phase3)
    assert list(export.labelled(frame, "id").columns) == ["Kode produk", "Produk", "Jumlah IKM", "Tenaga kerja"]
    assert list(export.labelled(frame, "en").columns) == ["Product code", "Product", "Enterprises", "Workers"]


def test_a_query_export_has_the_real_figures(dataset, phase3):
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(
        export.labelled(queries.by_product(dataset, phase3))))).active
    rows = {r[1]: r[2] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Susu Kedelai"] == 138 and sum(rows.values()) == 453


def test_file_stem_is_safe():
    assert export.file_stem("IKM per Produk — Tahap 3!") == "ikm-per-produk-tahap-3"
    assert export.file_stem("///") == "data"


def test_csv_for_indonesian_excel_uses_semicolons_and_decimal_commas(hostile_frame):
    data = export.to_csv_bytes(hostile_frame, flavour="id")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "name;workers;capacity" and lines[1] == "'=1+1;-5;-2,5"
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)
    intl = pd.read_csv(io.BytesIO(export.to_csv_bytes(hostile_frame)), encoding="utf-8-sig", keep_default_na=False)
    assert back.equals(intl) and back["capacity"].tolist()[:3] == [-2.5, 0.0, 1.5]
    assert b"Siti" not in data


def test_table_xlsx_has_title_source_header_rows_and_totals(dataset, phase3):
    table = tables.regencies(queries.by_regency(dataset, phase3), "id")
    data = export.table_xlsx(table, export.title_line("IKM per wilayah", 3, ["Kota Mataram"], "id"), "Sumber: uji")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "IKM per wilayah — Tahap 3 — Filter: Kota Mataram" and ws["A1"].font.b
    assert rows[1][0] == "Sumber: uji" and rows[2] == [None, None, None]
    assert rows[3] == ["Kabupaten/Kota", "IKM/UKM", "Tenaga kerja"] and ws.freeze_panes == "A5"
    body = rows[4:-1]
    assert len(body) == 10 and body[0] == ["Lombok Timur", 123, 703]
    assert rows[-1] == ["Jumlah", sum(r[1] for r in body), sum(r[2] for r in body)] == ["Jumlah", 453, 2858]
    last = ws.max_row
    assert ws.cell(row=last, column=1).font.b and ws.cell(row=last, column=2).number_format == "#,##0"


def test_table_exports_round_like_the_screen():
    table = tables.kpis({"enterprises": 453, "workers": 2858, "products": 7, "regencies": 10,
                         "workers_per_enterprise": 2858 / 453}, "en")
    assert table.display().iloc[0].tolist() == ["453", "2.858", "7", "10", "6,3"]
    assert table.values().iloc[0].tolist() == [453, 2858, 7, 10, 6.3]
    assert table.totals() is None  # one row of figures that do not add up
    assert "6,3" in export.table_csv(table, "id").decode("utf-8-sig")
    assert "6.3" in export.table_csv(table, "intl").decode("utf-8-sig")
    ws = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(table))).active
    assert [c.value for c in ws[1]] == ["IKM/SMEs", "Workers", "Products", "Regencies/cities", "Workers per IKM"]
    assert ws.cell(row=2, column=5).value == 6.3 and ws.cell(row=2, column=5).number_format == "#,##0.0"
    assert ws.max_row == 2 and ws.freeze_panes == "A2"  # no title given: header on top


def test_a_total_over_an_unknown_figure_is_left_empty():
    frame = pd.DataFrame({"product": ["Teh Kelor", "Tas Kemasan"], "enterprises": [35, 66],
                          "workers": pd.array([None, 198], dtype="Int64")})
    totals = tables.products(frame, "id").totals()
    assert totals == {"Produk": "Jumlah (IKM dengan beberapa produk dihitung per produk)",
                      "IKM/UKM": 101, "Tenaga kerja": None}


def test_table_exports_defuse_hostile_labels():
    frame = pd.DataFrame({"product": ["=HYPERLINK(\"http://x\")", "-1+1"], "enterprises": [-3, 4],
                          "workers": [1, 2]})
    table = tables.products(frame, "id")
    ws = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(table, "=t", "@s"))).active
    assert ws["A1"].value == "=t" and ws["A2"].value == "@s"
    assert all(ws[c].data_type == "s" for c in ("A1", "A2", "A5", "A6"))
    assert ws["A5"].value == "=HYPERLINK(\"http://x\")" and ws["A6"].value == "-1+1"
    assert ws["B5"].value == -3 and ws["B5"].data_type == "n"
    assert "'-1+1" in export.table_csv(table).decode("utf-8-sig")


def test_table_exports_leave_personal_columns_out(dataset, phase3):
    _, rows = queries.directory(dataset, phase3)
    table = tables.directory(rows, "id")
    assert {"Pemilik", "NIK", "No. HP"} <= set(table.display().columns)  # masked on screen
    header = pd.read_csv(io.BytesIO(export.table_csv(table, "id")), sep=";", encoding="utf-8-sig").columns
    assert not {"Pemilik", "NIK", "No. HP"} & set(header) and "Nama IKM" in header
    assert {"NIK"} <= set(table.values(allow_personal=True).columns)


def test_title_line_names_phase_and_filters():
    assert export.title_line("Tabel", None, [], "en") == "Tabel — All phases — No filters"
    assert export.title_line("", 2, ["Lombok Barat", "Teh Kelor"], "id") == "Tahap 2 — Filter: Lombok Barat · Teh Kelor"
