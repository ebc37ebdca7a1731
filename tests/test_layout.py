"""Finding the table in a sheet: header among title rows, two-row headers, the No column,
blank rows, totals rows and notes left out, spreadsheet row numbers kept."""

from pathlib import Path

import pandas as pd

from ikm_data import layout, readers
from ikm_data.mapping import resolve

DATA = Path(__file__).resolve().parent / "data"


def grid(rows) -> pd.DataFrame:
    width = max(len(r) for r in rows)
    frame = pd.DataFrame([[("" if v is None else str(v)) for v in r] + [""] * (width - len(r)) for r in rows],
                         dtype=object)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def split(g):
    found = layout.find_header(g)
    cmap = resolve(found.headers)
    return found, cmap, layout.split_body(g, found, cmap)


def test_header_below_title_rows():
    g = grid([["DATA IKM PESERTA JPS GEMILANG TAHAP IV"], ["Dinas Perindustrian"], [],
              ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"],
              ["1", "UD A", "Dompu", "Kopi", "3"]])
    found, cmap, body = split(g)
    assert found.header_rows == (4,) and found.found
    assert found.labels == ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"]
    assert cmap.no_column == 0 and cmap.fields == {"name": 1, "regency": 2, "product": 3, "workers": 4}
    assert list(body.data.index) == [5]


def test_two_row_header_with_group_cell():
    raw = readers.read_file((DATA / "good_two_row_header.xlsx").read_bytes(), "x.xlsx")
    found = layout.find_header(raw.grid)
    assert found.header_rows == (4, 5)
    assert found.labels[:7] == ["No", "Nama IKM/UKM", "Kab./Kota", "Jenis Produk", "Tenaga Kerja / L",
                                "Tenaga Kerja / P", "Tenaga Kerja / Jumlah"]
    cmap = resolve(found.headers)
    assert (cmap.fields["workers_male"], cmap.fields["workers_female"], cmap.fields["workers"]) == (4, 5, 6)
    body = layout.split_body(raw.grid, found, cmap)
    assert list(body.data.index) == [6, 7, 9, 10, 11, 12, 13]
    assert [t.row for t in body.totals] == [14] and body.totals[0].label == "JUMLAH"
    assert body.note_rows == [16, 17]
    assert body.blank_rows == 2  # row 8 and the row between the totals and the notes


def test_group_row_above_a_full_header_row():
    g = grid([["", "", "", "", "Tenaga Kerja", "", ""],
              ["No", "Nama IKM", "Kab/Kota", "Produk", "L", "P", "Jumlah"],
              ["1", "UD A", "Dompu", "Kopi", "1", "2", "3"]])
    found, cmap, body = split(g)
    assert found.header_rows == (1, 2)
    assert cmap.label("workers") == "Tenaga Kerja / Jumlah" and cmap.label("workers_male") == "Tenaga Kerja / L"
    assert list(body.data.index) == [3]


def test_a_data_row_is_never_taken_for_a_sub_header():
    g = grid([["Nama IKM", "Kabupaten", "Produk", "TK"], ["UD A", "Dompu", "Kopi", "3"]])
    found, _, body = split(g)
    assert found.header_rows == (1,) and list(body.data.index) == [2]


def test_totals_rows_variants_and_enterprise_named_total():
    g = grid([["No", "Nama IKM", "Kabupaten/Kota", "Produk", "TK"],
              ["1", "Total Jaya", "Dompu", "Kopi", "3"],
              ["Jumlah Total", "", "", "", "3"],
              ["", "TOTAL", "", "", "3"],
              ["", "Sub Total", "", "", "3"]])
    _, _, body = split(g)
    assert list(body.data.index) == [2]
    assert [t.row for t in body.totals] == [3, 4, 5]
    assert body.totals[2].subtotal


def test_rows_with_only_a_number_are_blank_and_notes_end_the_table():
    g = grid([["No", "Nama IKM", "Kabupaten/Kota", "Produk", "TK"],
              ["1", "UD A", "Dompu", "Kopi", "3"],
              ["2", "", "", "", ""],
              ["Keterangan:", "", "", "", ""],
              ["", "1. data sementara", "", "", ""],
              ["", "Mengetahui, Kepala Dinas", "", "", ""]])
    _, _, body = split(g)
    assert list(body.data.index) == [2]
    assert body.blank_rows == 1 and body.note_rows == [4, 5, 6]


def test_template_example_row_is_skipped():
    g = grid([["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah Tenaga Kerja"],
              ["Contoh", "UD Contoh", "Lombok Timur", "Minyak Goreng", "5"],
              ["1", "UD Nyata", "Dompu", "Kopi", "2"]])
    _, _, body = split(g)
    assert list(body.data.index) == [3] and body.note_rows == [2]


def test_no_header_found_uses_the_first_row():
    g = grid([[], ["apa saja", "lain"], ["1", "2"]])
    found = layout.find_header(g)
    assert not found.found and found.header_rows == (2,)
    assert resolve(found.headers).missing == ["name", "regency", "product", "workers"]


def test_header_with_line_breaks_in_cells():
    g = grid([["Nama\nIKM", "Kabupaten /\nKota", "Jenis   Produk", "Jumlah\nTenaga Kerja"],
              ["UD A", "Dompu", "Kopi", "3"]])
    found, cmap, _ = split(g)
    assert found.labels == ["Nama IKM", "Kabupaten / Kota", "Jenis Produk", "Jumlah Tenaga Kerja"]
    assert not cmap.missing


def test_bare_sums_only_below_the_last_data_row():
    g = grid([["No", "Nama IKM", "Kabupaten/Kota", "Produk", "TK"],
              ["1", "", "", "", "3"],
              ["2", "UD A", "Dompu", "Kopi", "3"],
              ["", "", "", "", "3"]])
    _, _, body = split(g)
    assert list(body.data.index) == [2, 3]
    assert [(t.row, t.label) for t in body.totals] == [(4, "")]


def test_column_numbers_and_repeated_headers_are_not_data():
    header = ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"]
    g = grid([header, ["(1)", "(2)", "(3)", "(4)", "(5)"], ["1", "UD A", "Dompu", "Kopi", "3"],
              header, ["2", "UD B", "Bima", "Garam", "2"]])
    _, _, body = split(g)
    assert list(body.data.index) == [3, 5] and body.note_rows == [2, 4]
    g = grid([header, ["1", "2", "3", "4", "5"], ["1", "UD A", "Dompu", "Kopi", "3"]])
    _, _, body = split(g)
    assert list(body.data.index) == [3]


def test_a_totals_label_in_the_regency_or_product_column_makes_a_totals_row():
    g = grid([["No", "Nama IKM", "Kabupaten/Kota", "Produk", "TK"],
              ["1", "UD Jumlah Berkah", "Dompu", "Kopi", "3"],     # a name with "Jumlah" in it
              ["2", "Jumlah Jaya", "Dompu", "Garam", "2"],         # a name starting with it
              ["", "", "Jumlah", "", "5"],                          # the label in the regency column
              ["3", "UD Maju", "Bima", "Kopi", "4"],
              ["", "", "Bima", "JUMLAH TOTAL", "4"],                # after the regency, in the product column
              ["4", "UD Salah", "Jumlah", "Kopi", "1"],             # a named row stays data (its regency is wrong)
              ["5", "", "Total", "", "10"]])                        # after a number in the No column
    _, _, body = split(g)
    assert list(body.data.index) == [2, 3, 5, 7]
    assert [(t.row, t.label) for t in body.totals] == [(4, "Jumlah"), (6, "JUMLAH TOTAL"), (8, "Total")]


def test_summary_sheet_totals_row_is_not_an_unknown_regency():
    from ikm_data import importer

    outcome = importer.run((DATA / "good_summary_first.xlsx").read_bytes(), "rekap.xlsx", sheet="Rekap", commit=False)
    rep = outcome.report
    assert [i.code for i in rep.errors] == ["validate.missing_column", "validate.missing_column"]
    assert rep.rows == 2 and rep.skipped["totals"] == 1
    assert rep.totals == [{"row": 6, "label": "Jumlah", "column": "Jumlah TK", "field": "workers", "stated": 12,
                           "computed": 12, "ok": True}]
