"""ikm_data.themes, ``python -m ikm_data indicators`` and the three theme pages on a small
file whose counts are worked out by hand below: certificate numbers, Ya/Tidak/Belum/-,
blank cells, a hotel partner written in three ways and two partners in one cell, an
enterprise with two products, mentoring; then rows appended from a file without those
columns (unknown, not "no")."""

from __future__ import annotations

import json

import pytest

from ikm_data.cli import main
from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store
from ikm_data import themes
from tests import apptest
from tests.states import BASIC, csv_bytes, upload

COLUMNS = ["Nama IKM", "NIB", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "PIRT", "Halal", "BPOM", "SNI",
           "Pasar Pariwisata", "Mitra Hotel", "Pendampingan"]
ROWS = [
    # E1: two products; PIRT by its number on one row; halal; partner written twice (one double space)
    ["UD Sinar Jaya", "5203000000001", "Lotim", "minyak kelapa", "5", "P-IRT 2062301010123-25", "Ya", "Tidak", "",
     "Ya", "Hotel Santika Mataram", "Ya"],
    ["UD Sinar Jaya", "5203000000001", "Lotim", "kopi bubuk", "5", "Tidak", "Tidak", "Tidak", "Tidak",
     "Ya", "Hotel  Santika Mataram", "Ya"],
    # E2: halal by its number, "Belum", "-"
    ["KUB Mekar Sari", "5201000000002", "Lobar", "susu kedele", "3", "Belum", "ID52110001234567", "-", "Tidak",
     "Tidak", "", "Ya"],
    # E3: SNI by its number; two partners in one cell, one in capitals
    ["CV Segara Bahari", "5201000000003", "Lobar", "garam beryodium", "8", "Tidak", "Tidak", "Tidak", "SNI 3556:2016",
     "Ya", "Novotel Lombok; HOTEL SANTIKA MATARAM", "Tidak"],
    # E4: nothing
    ["IKM Tunas Mulia", "5271000000004", "Mataram", "kopi bubuk", "2", "Tidak", "Tidak", "Tidak", "Tidak",
     "Tidak", "", "Tidak"],
    # E5: no tourism flag but a partner named (spaces doubled)
    ["UMKM Putri Rinjani", "5203000000005", "Lotim", "minyak kelapa", "4", "Belum", "Tidak", "Tidak", "Tidak",
     "", "Novotel  Lombok", ""],
    # E6: every flag blank
    ["UD Bahari Lestari", "5208000000006", "KLU", "abon", "6", "", "", "", "", "", "", ""],
]
# Worked out by hand from ROWS (6 enterprises; blank cells are "no", as the template says)
HAND = {
    "enterprises": 6, "workers": 28,
    "pirt": 1, "halal": 2, "bpom": 0, "sni": 1, "certified": 3, "none": 3,  # held by E1 | E1, E2 | - | E3
    "tourism_market": 3, "mentoring": 2,  # E1, E3, E5 | E1, E2
}
PARTNERS = [{"partner": "Hotel Santika Mataram", "enterprises": 2, "products": ["Garam", "Kopi", "Minyak Goreng"]},
            {"partner": "Novotel Lombok", "enterprises": 2, "products": ["Garam", "Minyak Goreng"]}]
MENTORED_BY_MATERIAL = [{"raw_material": "Kedelai", "enterprises": 1}, {"raw_material": "Kelapa", "enterprises": 1},
                        {"raw_material": "Kopi", "enterprises": 1}]


@pytest.fixture
def hand_store(data_dir) -> Store:
    store = Store.open(data_dir)
    upload(store, 4, "sertifikasi_tahap_4.csv", csv_bytes(COLUMNS, ROWS))
    return store


@pytest.fixture
def partial_store(hand_store) -> Store:
    """The same phase with two more enterprises from a file that had none of the columns."""
    extra = [[1, "UD Karya Baru", "Dompu", "kopi bubuk", 3], [2, "UD Harapan Baru", "Dompu", "abon", 2]]
    upload(hand_store, 4, "tambahan.csv", csv_bytes(BASIC, extra), mode="append")
    return hand_store


def test_counts_are_the_hand_counts(hand_store):
    ds = Dataset.open(hand_store)
    c = themes.counts(ds, Filters(phase=4))
    assert {k: c[k] for k in HAND} == HAND
    assert all(c[f"{k}_known"] == 6 for k in themes.FLAGS)
    assert themes.counts(ds, Filters(phase=4, regencies=("5203",)))["certified"] == 1  # Lotim: E1 of E1, E5
    assert themes.counts(ds, Filters(phase=4, products=("kopi",)))["pirt"] == 0  # E1's PIRT is its oil's


def test_partners_are_counted_by_name_whatever_the_case_and_spacing(hand_store):
    frame = themes.partners(Dataset.open(hand_store), Filters(phase=4))
    assert [{"partner": p, "enterprises": n, "products": list(x)} for p, n, x in
            zip(frame["partner"], frame["enterprises"], frame["product_names"])] == PARTNERS
    assert frame["spellings"].tolist() == [2, 1]  # "Hotel Santika Mataram", "HOTEL SANTIKA MATARAM"


def test_the_matrix_the_target_list_and_the_comparison(hand_store):
    ds = Dataset.open(hand_store)
    f = Filters(phase=4)
    m = themes.certification_matrix(ds, f, "regency").set_index(["label", "cert"])
    assert (m.loc[("Lombok Barat", "halal"), "held"], m.loc[("Lombok Barat", "halal"), "known"]) == (1, 2)
    assert m.loc[("Lombok Timur", "certified"), "share"] == 0.5
    total, page = themes.uncertified(ds, f, 1, 2)
    assert total == 3 and page["name"].tolist() == ["UMKM Putri Rinjani", "UD Bahari Lestari"]  # Lotim, KLU
    _, rest = themes.uncertified(ds, f, 2, 2)
    assert rest.to_dict("records") == [{"name": "IKM Tunas Mulia", "regency": "Kota Mataram",
                                        "product": "Kopi", "workers": 2}]
    cmp = themes.mentoring_comparison(ds, f).set_index("key")
    assert cmp.loc[True, "enterprises"] == 2 and cmp.loc[True, "workers_per_enterprise"] == 4.0
    assert (cmp.loc[True, "certified"], cmp.loc[True, "certified_known"]) == (2, 2)
    assert cmp.loc[False, "workers_per_enterprise"] == 5.0 and cmp.loc[False, "certified_share"] == 0.25


def test_indicators_json_holds_the_hand_counts(hand_store, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "indicators", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["phase"] == 4 and out["enterprises"] == 6 and not out["sample"]
    assert out["certifications"] == {"pirt": 1, "halal": 2, "bpom": 0, "sni": 1, "any": 3, "none": 3, "known": 6,
                                     "known_each": {"pirt": 6, "halal": 6, "bpom": 6, "sni": 6}}
    assert out["tourism"] == {"enterprises": 3, "known": 6, "partners": PARTNERS}
    assert out["mentoring"] == {"enterprises": 2, "known": 6, "by_raw_material": MENTORED_BY_MATERIAL}


def test_indicators_of_a_published_phase_and_in_words(partial_store, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "indicators", "--phase", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rows"] is False and out["enterprises"] == 57 and out["certifications"]["pirt"] is None
    assert main(["--data-dir", str(data_dir), "indicators", "--phase", "4", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Phase 4: 8 IKM" in text and "1 of       6 enterprises with data" in text
    assert "Hotel Santika Mataram" in text and "Coconut" in text


def _metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_the_pages_show_the_hand_counts(hand_store):
    at = apptest.open_app("sertifikasi", flt_phase=4)
    assert _metrics(at) == {"PIRT": "1", "Halal": "2", "BPOM": "0", "SNI": "1", "Salah satu": "3",
                            "Belum satu pun": "3"}
    assert "dari 6 IKM yang datanya ada (33,3%)" in [c.value for c in at.caption]
    target = apptest.table_with(at, "Nama IKM")
    assert target["Nama IKM"].tolist() == ["UMKM Putri Rinjani", "UD Bahari Lestari", "IKM Tunas Mulia"]
    at.switch_page("pages/pariwisata.py").run()
    assert _metrics(apptest.ok(at)) == {"IKM pemasok pasar pariwisata": "3", "Mitra hotel/pariwisata": "2"}
    partners = apptest.table_with(at, "Mitra")
    assert partners[["Mitra", "IKM/UKM"]].values.tolist() == [["Hotel Santika Mataram", "2"], ["Novotel Lombok", "2"]]
    at.switch_page("pages/dampingan.py").run()
    assert _metrics(apptest.ok(at)) == {"IKM didampingi": "2", "Tenaga kerja per IKM": "5,0",
                                        "Punya sertifikat": "1"}  # the last group's cards win the dict
    table = apptest.table_with(at, "Kelompok")
    assert table.values.tolist() == [["Didampingi", "2", "4,0", "2", "2", "100,0%"],
                                     ["Tidak didampingi", "4", "5,0", "1", "4", "25,0%"]]
    assert any("bukan dampak pendampingan" in i.value for i in at.info)


def test_unknown_is_said_not_counted_as_no(partial_store):
    at = apptest.open_app("sertifikasi", "en", flt_phase=4)
    assert "The data is there for 6 of 8 enterprises. The other 2 are unknown" in apptest.page_text(at)
    assert _metrics(at)["Any of them"] == "3"
    assert "of 6 enterprises with data (50,0%)" in [c.value for c in at.caption]


def test_the_target_list_downloads_whole_with_the_screens_headers(hand_store):
    from ikm_data import export, theme_tables

    _, rows = themes.uncertified(Dataset.open(hand_store), Filters(phase=4), 1, None)
    text = export.table_csv(theme_tables.uncertified(rows, "id"), "id", False).decode("utf-8-sig")
    assert text.splitlines() == ["Nama IKM;Kabupaten/Kota;Produk;Tenaga kerja",
                                 "UMKM Putri Rinjani;Lombok Timur;Minyak Goreng;4",
                                 "UD Bahari Lestari;Lombok Utara;Abon Ikan;6",
                                 "IKM Tunas Mulia;Kota Mataram;Kopi;2"]
    at = apptest.open_app("sertifikasi", flt_phase=4)
    keys = {b.key for b in at.get("download_button")}
    stems = ("sertifikasi-per-product-tahap-4", "sertifikasi-per-regency-tahap-4")
    assert keys == {f"dl_{s}_{kind}" for s in stems for kind in ("png", "svg", "csv", "csv_intl", "xlsx")} | {
        f"dl_ikm-tanpa-sertifikat-tahap-4_{kind}" for kind in ("csv", "csv_intl", "xlsx")}
