"""Normalisation and validation exactly as the spec says, every failure collected with its
spreadsheet row, header as written, value and message."""

from pathlib import Path

import pandas as pd
import pytest

from ikm_data import importer, layout
from ikm_data.mapping import resolve
from ikm_data.validate import NotANumber, parse_flag, parse_number, parse_phase, validate

DATA = Path(__file__).resolve().parent / "data"
HEADER = ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"]


def check(rows, header=HEADER, phase=4, existing=None, lang="id"):
    """Validate ``rows`` under ``header`` (row 1), data from row 2."""
    all_rows = [header] + [[str(i + 1)] + list(r) if header[0] == "No" else list(r) for i, r in enumerate(rows)]
    width = max(len(r) for r in all_rows)
    grid = pd.DataFrame([[("" if v is None else str(v)) for v in r] + [""] * (width - len(r)) for r in all_rows],
                        dtype=object)
    grid.index = pd.RangeIndex(1, len(grid) + 1)
    found = layout.find_header(grid)
    cmap = resolve(found.headers)
    body = layout.split_body(grid, found, cmap)
    return validate(body, cmap, found, phase=phase, existing=existing, existing_info={"version": "v2", "file": "a.csv"},
                    lang=lang)


def issues(rep, kind="errors"):
    return [(i.row, i.column, i.value, i.code) for i in getattr(rep, kind)]


@pytest.mark.parametrize("text,value", [
    ("1.250", 1250), ("12,5", 12.5), ("Rp 12.500.000", 12_500_000), ("12.500.000,00", 12_500_000),
    ("Rp. 1.500.000,-", 1_500_000), ("Rp12.500", 12_500), ("3", 3), ("-3", -3), ("0", 0),
    ("12.5", 12.5), ("12,500,000", 12_500_000), ("1 250", 1250), ("", None), ("  ", None),
    ("5201014405900001", 5201014405900001),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_number_money_words_and_refusals():
    assert parse_number("12,5 juta", money=True) == 12_500_000
    assert parse_number("Rp 2 M", money=True) == 2_000_000_000
    for bad in ("lima", "3 orang", "1.2.3,4,5", "12,5 juta", "--"):
        with pytest.raises(NotANumber):
            parse_number(bad)


@pytest.mark.parametrize("text,flag", [
    ("Ya", True), ("Y", True), ("ada", True), ("✓", True), ("v", True), ("V", True),
    ("P-IRT 2065201010123-25", True), ("ID35110000123450720", True),
    ("Tidak", False), ("T", False), ("-", False), ("", False), ("tidak ada", False), ("belum", False),
    ("mungkin", None), ("proses", False),  # issue 11: "Proses" is a certificate not held yet
])
def test_parse_flag(text, flag):
    assert parse_flag(text) is flag


def test_parse_phase():
    texts = ("3", "III", "Tahap 4", "tahap iv", "TAHAP V", "", "5.0")
    assert [parse_phase(x) for x in texts] == [3, 3, 4, 4, 5, None, 5]
    with pytest.raises(NotANumber):
        parse_phase("empat")


def test_regency_aliases_including_bima_and_kota_bima():
    written = ["Bima", "Kota Bima", "Kab. Bima", "KABUPATEN BIMA", "kota  bima", "Mataram", "Kota Mataram",
               "Lobar", "Lombok-Timur", "KSB", "KLU", "Kab Dompu", "Sumbawa"]
    rows = [[f"UD {i}", w, "Kopi", "1", ""] for i, w in enumerate(written)]
    rep = check(rows)
    assert rep.valid, issues(rep)
    assert list(rep.frame["regency_code"]) == ["5206", "5272", "5206", "5206", "5272", "5271", "5271",
                                               "5201", "5203", "5207", "5208", "5205", "5204"]


@pytest.mark.parametrize("written,code,hint", [
    ("Denpasar", "validate.regency.unknown", None),
    ("Kupang", "validate.regency.unknown", None),
    ("Lombok Timr", "validate.regency.typo", "Lombok Timur"),
    ("Kabupaten Mataram", "validate.regency.typo", "Kota Mataram"),
    ("Sumbawa Besar", "validate.regency.typo", "Sumbawa"),
    ("", "validate.regency.blank", None),
])
def test_regency_errors(written, code, hint):
    rep = check([["UD A", "Dompu", "Kopi", "1", ""], ["UD B", written, "Kopi", "2", ""]])
    assert issues(rep) == [(3, "Kabupaten/Kota", written, code)]
    if hint:
        assert hint in rep.errors[0].message("id") and hint in rep.errors[0].message("en")


def test_product_aliases_and_new_products():
    rep = check([["UD A", "Dompu", "minyak jeleng", "1", ""], ["UD B", "Dompu", "SUSU  KEDELE", "1", ""],
                 ["UD C", "Dompu", "Kopi Luwak", "1", ""], ["UD D", "Dompu", "kopi luwak", "1", ""],
                 ["UD E", "Dompu", "Dodol Rumput Laut", "1", ""]])
    assert rep.valid
    assert list(rep.frame["product_code"]) == ["minyak_goreng", "susu_kedelai", "kopi_luwak", "kopi_luwak",
                                               "dodol_rumput_laut"]
    assert list(rep.frame["product_name"])[:3] == ["Minyak Goreng", "Susu Kedelai", "Kopi Luwak"]
    assert issues(rep, "warnings") == [(4, "Jenis Produk", "Kopi Luwak", "validate.product.new"),
                                       (6, "Jenis Produk", "Dodol Rumput Laut", "validate.product.new_none")]
    assert "Kopi" in rep.warnings[0].message() and "2 baris" in rep.warnings[0].message()
    assert rep.new_products[0] == {"name": "Kopi Luwak", "code": "kopi_luwak", "rows": 2, "first_row": 4,
                                   "closest": "Kopi", "closest_code": "kopi"}


@pytest.mark.parametrize("written,code", [
    ("-3", "validate.workers.negative"), ("2,5", "validate.workers.fraction"), ("1.5", "validate.workers.fraction"),
    ("lima", "validate.workers.not_number"), ("3 orang", "validate.workers.not_number"),
    ("", "validate.workers.blank"), ("-", "validate.workers.not_number"),
])
def test_worker_errors(written, code):
    rep = check([["UD A", "Dompu", "Kopi", written, ""]])
    assert issues(rep) == [(2, "Jumlah TK", written, code)]


def test_workers_as_id_numbers_and_totals():
    rep = check([["UD A", "Dompu", "Kopi", "1.250", ""], ["UD B", "Dompu", "Kopi", "0", ""]])
    assert rep.valid and list(rep.frame["workers"]) == [1250, 0]
    assert (rep.rows, rep.enterprises, rep.workers) == (2, 2, 1250)


def test_split_must_agree_with_total_and_split_alone_is_enough():
    header = ["Nama IKM", "Kab/Kota", "Produk", "L", "P", "Jumlah TK"]
    rep = check([["UD A", "Dompu", "Kopi", "2", "3", "5"], ["UD B", "Dompu", "Kopi", "2", "3", "6"],
                 ["UD C", "Dompu", "Kopi", "", "", "4"], ["UD D", "Dompu", "Kopi", "1", "1", ""]], header=header)
    assert issues(rep) == [(3, "Jumlah TK", "6", "validate.workers.split")]
    assert "2 + 3 = 5" in rep.errors[0].message()
    assert list(rep.frame["workers"]) == [5, 6, 4, 2]
    rep = check([["UD A", "Dompu", "Kopi", "2", "3"], ["UD B", "Dompu", "Kopi", "", "3"]],
                header=["Nama IKM", "Kab/Kota", "Produk", "TK L", "TK P"])
    assert issues(rep) == [(3, "TK L", "", "validate.workers.blank")]
    assert list(rep.frame["workers"])[:1] == [5]


def test_certifications_and_unknown_values():
    header = ["Nama IKM", "Kab/Kota", "Produk", "TK", "PIRT", "Halal", "BPOM", "SNI"]
    rep = check([["UD A", "Dompu", "Kopi", "1", "Ya", "✓", "-", ""],
                 ["UD B", "Dompu", "Kopi", "1", "T", "v", "ada", "SNI 3140.3:2010"],
                 ["UD C", "Dompu", "Kopi", "1", "mungkin", "Tidak", "Y", "Tidak"]], header=header)
    assert rep.valid
    pirt = rep.frame["pirt"]
    assert list(pirt[:2]) == [True, False] and pd.isna(pirt[2])  # unknown stays unknown
    assert list(rep.frame["halal"]) == [True, True, False]
    assert list(rep.frame["bpom"]) == [False, True, True]
    assert list(rep.frame["sni"]) == [False, True, False]
    assert issues(rep, "warnings") == [(4, "PIRT", "mungkin", "validate.flag.unknown")]


def test_money_capacity_nik_nib():
    header = ["Nama IKM", "Kab/Kota", "Produk", "TK", "Nilai Pesanan", "Kapasitas Produksi", "Satuan", "NIK", "NIB"]
    rep = check([["UD A", "Dompu", "Kopi", "1", "Rp 12.500.000", "1.250", "kg", "5205014405900001", "9120001112223"],
                 ["UD B", "Dompu", "Kopi", "1", "12.500.000,00", "500 liter/bulan", "", "5,20501E+15", "-"],
                 ["UD C", "Dompu", "Kopi", "1", "dua juta", "12,5", "", "52050144", "912 000 111 2225"]],
                header=header)
    assert rep.valid
    assert list(rep.frame["order_value"].astype(object)) == [12_500_000, 12_500_000, pd.NA]
    assert list(rep.frame["capacity"]) == [1250.0, 500.0, 12.5]
    assert list(rep.frame["capacity_unit"])[:2] == ["kg", "liter/bulan"]
    assert rep.frame["nik"][0] == "5205014405900001" and rep.frame["nib"][2] == "9120001112225"
    assert pd.isna(rep.frame["nib"][1])
    assert issues(rep, "warnings") == [
        (3, "NIK", "5,20*****15", "validate.nik.scientific"),  # a NIK is listed masked (privacy)
        (4, "Nilai Pesanan", "dua juta", "validate.number.invalid"),
        (4, "NIK", "********", "validate.nik.format"),
    ]


def test_enterprise_key_nib_else_name_and_regency():
    rep = check([["UD. Sinar Jaya", "Dompu", "Kopi", "3", ""], ["UD B", "Dompu", "Garam", "2", "912.000.111-2223"]])
    assert list(rep.frame["enterprise_key"]) == ["ud sinar jaya|5205", "9120001112223"]
    assert list(rep.frame["source_row"]) == [2, 3]


def test_duplicates_by_nib_and_by_name_name_both_rows():
    rep = check([["UD A", "Dompu", "Kopi", "3", "9120000000001"],
                 ["UD A lain nama", "Bima", "Kopi", "3", "9120000000001"],
                 ["UD. Sinar", "Dompu", "Garam", "1", ""],
                 ["ud sinar", "Kab. Dompu", "garam beryodium", "1", ""]])
    assert issues(rep) == [(3, "NIB", "9120000000001", "validate.duplicate.nib"),
                           (5, "Nama IKM", "ud sinar", "validate.duplicate.name")]
    assert "baris 2 dan baris 3" in rep.errors[0].message()
    assert "rows 4 and 5" in rep.errors[1].message("en")


def test_not_duplicates():
    rep = check([["UD A", "Dompu", "Kopi", "3", "9120000000001"],
                 ["UD A", "Dompu", "Garam", "3", "9120000000001"],   # same enterprise, other product
                 ["UD Berkah", "Dompu", "Kopi", "2", "9120000000002"],
                 ["UD Berkah", "Dompu", "Kopi", "2", "9120000000003"],  # same name, different NIBs
                 ["UD Berkah", "Bima", "Kopi", "2", ""]])               # same name, other regency
    assert rep.valid, issues(rep)
    assert (rep.rows, rep.enterprises, rep.workers) == (5, 4, 9)


def test_name_duplicate_when_one_row_has_no_nib():
    rep = check([["UD Berkah", "Dompu", "Kopi", "2", "9120000000002"], ["UD Berkah", "Dompu", "Kopi", "2", ""]])
    assert issues(rep) == [(3, "Nama IKM", "UD Berkah", "validate.duplicate.name")]


def test_append_duplicates_against_stored_rows():
    existing = pd.DataFrame({"phase": [4, 4], "name": ["UD Lama", "UD Nib"], "regency_code": ["5205", "5205"],
                             "product_code": ["kopi", "kopi"], "nib": [None, "9120000000009"], "source_row": [7, 8]})
    rep = check([["UD Baru", "Dompu", "Kopi", "1", ""], ["ud lama", "Dompu", "Kopi", "1", ""],
                 ["Nama Lain", "Bima", "Kopi", "1", "9120000000009"], ["UD Lama", "Dompu", "Garam", "1", ""]],
                existing=existing)
    assert issues(rep) == [(3, "Nama IKM", "ud lama", "validate.duplicate.stored"),
                           (4, "NIB", "9120000000009", "validate.duplicate.stored")]
    assert "baris 7" in rep.errors[0].message() and "v2" in rep.errors[0].message()


def test_tahap_column():
    header = ["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"]
    rows = [["IV", "A", "Dompu", "Kopi", "1"], ["4", "B", "Dompu", "Kopi", "1"], ["Tahap V", "C", "Dompu", "Kopi", "1"],
            ["", "D", "Dompu", "Kopi", "1"], ["empat", "E", "Dompu", "Kopi", "1"]]
    rep = check(rows, header=header, phase=4)
    assert issues(rep) == [(4, "Tahap", "Tahap V", "validate.phase.mismatch"),
                           (6, "Tahap", "empat", "validate.phase.invalid")]
    rep = check(rows, header=header, phase=None)
    assert issues(rep) == [(5, "Tahap", "", "validate.phase.blank"), (6, "Tahap", "empat", "validate.phase.invalid")]
    assert rep.phases == [4, 5]


def test_same_enterprise_in_two_phases_is_not_a_duplicate():
    rep = check([["4", "A", "Dompu", "Kopi", "1"], ["5", "A", "Dompu", "Kopi", "1"]],
                header=["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"], phase=None)
    assert rep.valid and rep.phases == [4, 5]


def test_header_without_rows_and_missing_columns():
    rep = check([])
    assert issues(rep) == [(None, None, None, "validate.no_rows")]
    rep = check([["UD A", "Kopi", "3"]], header=["Nama IKM", "Produk", "TK"])
    assert issues(rep) == [(1, None, None, "validate.missing_column")]
    assert rep.errors[0].field == "regency"


def test_every_error_is_collected_not_just_the_first():
    rep = check([["", "Denpasar", "", "-1", ""], ["UD B", "Lombok Timr", "Kopi", "2,5", ""]])
    assert issues(rep) == [
        (2, "Nama IKM", "", "validate.name.blank"),
        (2, "Kabupaten/Kota", "Denpasar", "validate.regency.unknown"),
        (2, "Jenis Produk", "", "validate.product.blank"),
        (2, "Jumlah TK", "-1", "validate.workers.negative"),
        (3, "Kabupaten/Kota", "Lombok Timr", "validate.regency.typo"),
        (3, "Jumlah TK", "2,5", "validate.workers.fraction"),
    ]
    assert rep.errors_total == 6 and not rep.valid


def test_messages_in_english():
    rep = check([["UD A", "Denpasar", "Kopi", "1", ""]], lang="en")
    assert rep.errors[0].to_dict("en")["message"].startswith("“Denpasar” is not a regency/city of NTB")
    assert rep.errors[0].to_dict("id")["message"].startswith("“Denpasar” bukan kabupaten/kota di NTB")


def test_totals_rows_checked_against_sums():
    rows = [["UD A", "Dompu", "Kopi", "3", ""], ["UD B", "Dompu", "Kopi", "4", ""]]
    ok = check(rows + [["", "", "", "7", ""]], header=HEADER)  # sums typed without a "Jumlah" label
    assert ok.valid and ok.rows == 2 and ok.totals[0]["ok"] and ok.totals[0]["row"] == 4
    grid_rows = [HEADER, ["1", "UD A", "Dompu", "Kopi", "3", ""], ["2", "UD B", "Dompu", "Kopi", "4", ""],
                 ["JUMLAH", "", "", "", "8", ""]]
    frame = pd.DataFrame(grid_rows, dtype=object)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    found = layout.find_header(frame)
    cmap = resolve(found.headers)
    rep = validate(layout.split_body(frame, found, cmap), cmap, found, phase=4)
    assert rep.valid and rep.rows == 2
    assert issues(rep, "warnings") == [(4, "Jumlah TK", "8", "validate.totals.mismatch")]
    assert rep.totals == [{"row": 4, "label": "JUMLAH", "column": "Jumlah TK", "field": "workers", "stated": 8,
                           "computed": 7, "ok": False}]


def test_messy_two_row_file_normalised():
    prepared = importer.prepare((DATA / "good_two_row_header.xlsx").read_bytes(), "good_two_row_header.xlsx")
    rep = importer.check(prepared, phase=4).report
    assert rep.valid and rep.warnings == []
    f = rep.frame
    assert list(f["source_row"]) == [6, 7, 9, 10, 11, 12, 13]
    assert list(f["regency_code"]) == ["5201", "5203", "5206", "5206", "5272", "5271", "5204"]
    assert list(f["product_code"]) == ["minyak_goreng", "susu_kedelai", "teh_kelor", "gula_semut", "serbat_jahe",
                                       "tas_kemasan", "minyak_kayu_putih"]
    assert list(f["workers"]) == [5, 5, 6, 6, 4, 15, 2]
    assert list(f["workers_male"]) == [2, 1, 0, 3, 2, 5, 1]
    assert list(f["order_value"].astype(object))[:6] == [12_500_000, 1_250_000, 3_000_000, 2_750_000,
                                                         1_500_000, 45_000_000]
    assert list(f["capacity"]) == [1250.0, 500.0, 12.5, 200.0, 300.0, 10000.0, 150.0]
    assert list(f["pirt"]) == [True, True, True, False, False, False, False]
    assert list(f["halal"]) == [False, False, True, True, True, False, False]
    assert f["nik"][0] == "5201014405900001" and f["nib"][0] == "9120001112223"
    assert (rep.rows, rep.enterprises, rep.workers) == (7, 7, 43)
    assert [t["ok"] for t in rep.totals] == [True, True, True, True]
    assert rep.skipped == {"blank": 2, "notes": 2, "totals": 1}


def test_nik_and_nib_excel_stored_as_numbers_are_warned_in_their_row():
    prepared = importer.prepare((DATA / "good_summary_first.xlsx").read_bytes(), "good_summary_first.xlsx")
    rep = importer.check(prepared, phase=4, lang="en").report
    assert rep.valid and prepared.raw.sheet == "Data IKM"
    # row 6: NIK typed as a number (Excel kept 15 digits), NIB typed as a number lost its
    # leading zero; row 7: a 13-digit NIB typed as a number came through exact
    assert issues(rep, "warnings") == [
        (6, "NIK", "5201**********00", "reading.validate.nik.numeric"),  # masked
        (6, "NIB", "220000351486", "reading.validate.nib.numeric"),
    ]
    assert "stored as a number by Excel" in rep.warnings[0].message("en")
    assert "Format the NIK column as Text" in rep.warnings[0].message("en")
    assert "Teks" in rep.warnings[1].message("id") and "13" in rep.warnings[1].message("id")
    assert list(rep.frame["nik"]) == ["5201014405900001", "5201010101900000", "5205014405900003"]
    assert list(rep.frame["nib"]) == ["9120007770011", "220000351486", "9120007770013"]


def test_a_nik_ending_in_zeros_as_text_is_not_suspected():
    header = ["Nama IKM", "Kab/Kota", "Produk", "TK", "NIK", "NIB"]
    rep = check([["UD A", "Dompu", "Kopi", "1", "5201010101900000", "9120001110000"],
                 ["UD B", "Dompu", "Kopi", "1", "5.20101E+15", ""]], header=header)
    assert issues(rep, "warnings") == [(3, "NIK", "5.20*****15", "validate.nik.scientific")]


# -- one enterprise, one key -------------------------------------------------------------------
def keys(rep):
    return list(rep.frame["enterprise_key"])


def test_a_row_without_nib_takes_the_nib_of_its_name_and_regency():
    rep = check([["UD Maju", "Lombok Barat", "Kopi", "5", "9120000000001"],
                 ["ud  MAJU", "Kab. Lombok Barat", "Garam", "5", ""],
                 ["UD Maju", "Dompu", "Garam", "2", ""]])          # other regency: another enterprise
    assert rep.valid and rep.warnings == []
    assert keys(rep) == ["9120000000001", "9120000000001", "ud maju|5205"]
    assert (rep.rows, rep.enterprises, rep.workers) == (3, 2, 7)


def test_a_row_without_nib_whose_name_has_two_nibs_is_ambiguous_and_warned():
    rep = check([["UD Maju", "Lombok Barat", "Kopi", "5", "9120000000001"],
                 ["UD Maju", "Lombok Barat", "Garam", "4", "9120000000002"],
                 ["UD Maju", "Lombok Barat", "Sabun", "3", "-"]])
    assert rep.valid
    assert keys(rep) == ["9120000000001", "9120000000002", "ud maju|5201"]
    assert issues(rep, "warnings") == [(4, "NIB", "-", "keys.nib.ambiguous")]
    assert rep.enterprises == 3
    assert "9120000000001, 9120000000002" in rep.warnings[0].message()
    assert "“UD Maju” in Lombok Barat appears with more than one NIB" in rep.warnings[0].message("en")


def test_ambiguity_without_a_nib_column_is_warned_on_the_name():
    existing = pd.DataFrame({"phase": [4, 4], "name": ["UD Maju", "UD Maju"], "regency_code": ["5201", "5201"],
                             "product_code": ["kopi", "garam"], "nib": ["9120000000001", "9120000000002"],
                             "source_row": [2, 3]})
    rep = check([["UD Maju", "Lombok Barat", "Sabun", "3"]], header=HEADER[:5], existing=existing)
    assert issues(rep, "warnings") == [(2, "Nama IKM", "UD Maju", "keys.nib.ambiguous")]
    assert keys(rep) == ["ud maju|5201"] and rep.rekey == {}


def test_the_nib_is_borrowed_within_a_phase_only():
    header = ["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"]
    rep = check([["4", "UD Maju", "Dompu", "Kopi", "1", "9120000000001"],
                 ["5", "UD Maju", "Dompu", "Kopi", "1", "9120000000002"],
                 ["5", "UD Maju", "Dompu", "Garam", "1", ""],
                 ["6", "UD Maju", "Dompu", "Garam", "1", ""]], header=header, phase=None)
    assert rep.valid and rep.warnings == []
    assert keys(rep) == ["9120000000001", "9120000000002", "9120000000002", "ud maju|5205"]


def test_append_a_row_without_nib_takes_the_stored_nib():
    existing = pd.DataFrame({"phase": [4], "name": ["UD Maju"], "regency_code": ["5201"], "product_code": ["kopi"],
                             "nib": ["9120000000001"], "source_row": [2], "enterprise_key": ["9120000000001"]})
    rep = check([["UD Maju", "Lombok Barat", "Garam", "5", ""]], existing=existing)
    assert rep.valid and keys(rep) == ["9120000000001"] and rep.rekey == {}


def test_append_a_nib_names_the_stored_rows_without_one():
    existing = pd.DataFrame({"phase": [4, 4, 4], "name": ["UD Maju", "UD Maju", "UD Lain"],
                             "regency_code": ["5201", "5201", "5201"], "product_code": ["garam", "sabun", "kopi"],
                             "nib": [None, "", None], "source_row": [2, 3, 4],
                             "enterprise_key": ["ud maju|5201", "ud maju|5201", "ud lain|5201"]})
    rep = check([["UD Maju", "Lombok Barat", "Kopi", "5", "9120000000001"]], existing=existing)
    assert rep.valid and keys(rep) == ["9120000000001"]
    assert rep.rekey == {4: {"ud maju|5201": "9120000000001"}}
    # with a second NIB already stored, the stored rows without one stay as they are
    both = pd.concat([existing, pd.DataFrame({"phase": [4], "name": ["UD Maju"], "regency_code": ["5201"],
                                              "product_code": ["teh"], "nib": ["9120000000002"], "source_row": [5],
                                              "enterprise_key": ["9120000000002"]})], ignore_index=True)
    rep = check([["UD Maju", "Lombok Barat", "Kopi", "5", "9120000000001"]], existing=both)
    assert rep.valid and rep.rekey == {} and rep.warnings == []


def test_undefuse_drops_only_the_apostrophe_an_export_puts_before_a_formula_start():
    import pandas as pd

    from ikm_data.validate import undefuse

    values = pd.Series(["'-2+3", "'=1+1", "'+62 812", "'@SUM(A1)", "'\tx", "'abc", "''=x", "=1+1", "-", "'"],
                       dtype="str")
    assert undefuse(values).tolist() == ["-2+3", "=1+1", "+62 812", "@SUM(A1)", "\tx", "'abc", "''=x", "=1+1",
                                         "-", "'"]
    plain = pd.Series(["UD A", "UD B"], dtype="str")
    assert undefuse(plain) is plain  # nothing to do: the same series, no copy


def test_keys_and_raw_texts_of_arrow_text_sliced_under_a_header():
    # a grid column read as Arrow text and cut under its header: its offsets do not start at 0
    # (pyarrow 26's ascii_lower garbles such an array); the texts that need no trimming are kept
    from ikm_data.readers import TEXT
    from ikm_data.reference import norm_key
    from ikm_data.validate import _raw_texts, norm_keys

    cells = ["Nama IKM", "IKM Tahap Empat A", " UD  Maju ", "'-2+3", "x\u00a0y", "Kopi Rinjani"]
    grid = pd.DataFrame({0: pd.Series(cells, dtype=TEXT)}).iloc[1:]
    raw = _raw_texts(grid, type("Map", (), {"fields": {"name": 0}})())["name"]
    assert raw.tolist() == ["IKM Tahap Empat A", "UD  Maju", "-2+3", "x y", "Kopi Rinjani"]
    plain = grid[0].iloc[:1]  # every key plain ASCII: kept as Arrow text
    assert norm_keys(plain).tolist() == ["ikm tahap empat a"]
    assert norm_keys(grid[0]).tolist() == [norm_key(v) for v in cells[1:]]
