"""Worker figures of published groups: a bar labelled with a group holds the whole group; a
part of a group is labelled with its products, a real sum for a real upload and unknown (–)
for the synthetic sample, on Produk, Wilayah and Ringkasan alike."""

import json

import pandas as pd
import pytest

from ikm_data import importer, queries
from ikm_data.markup import escape
from ikm_data.queries import Dataset, Filters
from tests.test_pages import _rows, _table

GROUP = "Teh Kelor / Serbat Jahe / Gula Semut"
TEH = {"selection": {"pilih_produk": [{"product_code": "teh_kelor"}]}}

# A real Phase III upload with per-enterprise workers: UD Dua makes teh kelor and serbat
# jahe (one enterprise, 7 workers, counted once wherever both products are in one figure).
REAL_CSV = (
    "Nama IKM,Kabupaten/Kota,Jenis Produk,Jumlah TK\n"
    "UD Satu,Lombok Barat,Teh Kelor,4\n"
    "UD Dua,Lombok Timur,Teh Kelor,7\n"
    "UD Dua,Lombok Timur,Serbat Jahe,7\n"
    "UD Tiga,Lombok Timur,Serbat Jahe,5\n"
    "UD Empat,Bima,Gula Semut,9\n"
    "UD Lima,Dompu,Minyak Goreng,6\n"
).encode()
TEH_WORKERS = 4 + 7


@pytest.fixture
def real_phase3(store_with_phase3):
    """The sample's store after an official uploaded a real Phase III (it replaces the sample)."""
    outcome = importer.run(REAL_CSV, "tahap3.csv", store=store_with_phase3, phase=3, user="uji")
    assert outcome.committed and not outcome.report.errors
    return store_with_phase3


def _groups(at):
    return [(r["group"], r["workers"]) for r in _rows(at.get("vega_lite_chart")[1]) if "group" in r]


# -- queries -------------------------------------------------------------------------------
def test_sample_part_of_a_group_has_no_worker_figure(dataset):
    f = Filters(phase=3, products=("teh_kelor",))
    groups = queries.worker_groups(dataset, f)
    assert groups[["group", "enterprises", "published", "within"]].values.tolist() == [["Teh Kelor", 35, False, GROUP]]
    assert pd.isna(groups["workers"].iloc[0])
    assert queries.by_regency(dataset, f)["workers"].isna().all()
    assert queries.kpis(dataset, f)["workers"] is None
    unknown = queries.unknown_splits(dataset, f)
    assert unknown[["group", "products", "group_workers"]].values.tolist() == [[GROUP, "Teh Kelor", 910]]


def test_sample_whole_group_keeps_its_figure(dataset):
    f = Filters(phase=3, products=("teh_kelor", "serbat_jahe", "gula_semut"))
    groups = queries.worker_groups(dataset, f)
    assert groups[["group", "workers", "published", "within"]].values.tolist() == [[GROUP, 910, True, ""]]
    assert queries.kpis(dataset, f)["workers"] == 910 and queries.unknown_splits(dataset, f).empty
    oils = queries.worker_groups(dataset, Filters(phase=3, products=("minyak_cengkeh_kayu_putih",)))
    assert oils[["group", "workers"]].values.tolist() == [["Minyak Cengkeh / Minyak Kayu Putih", 473]]


def test_real_upload_part_is_labelled_with_its_products(real_phase3):
    ds = Dataset.open(real_phase3)
    one = queries.worker_groups(ds, Filters(phase=3, products=("teh_kelor",)))
    assert one[["group", "enterprises", "workers", "published"]].values.tolist() == [
        ["Teh Kelor", 2, TEH_WORKERS, False]]
    two = queries.worker_groups(ds, Filters(phase=3, products=("teh_kelor", "serbat_jahe")))
    assert two[["group", "enterprises", "workers"]].values.tolist() == [["Serbat Jahe, Teh Kelor", 3, 16]]
    whole = queries.worker_groups(ds, Filters(phase=3))
    assert dict(zip(whole["group"], whole["workers"])) == {GROUP: 25, "Minyak Goreng": 6}
    assert queries.unknown_splits(ds, Filters(phase=3, products=("teh_kelor",))).empty


def test_a_part_never_wears_the_group_label(store_with_phase3):
    """The combined oils are a product named like their group: when a real upload also
    holds a single oil, the combined product alone is a part of the group, not the group."""
    csv = ("Nama IKM,Kabupaten/Kota,Jenis Produk,Jumlah TK\n"
           "UD Satu,Lombok Barat,Minyak Cengkeh / Minyak Kayu Putih,5\n"
           "UD Dua,Lombok Tengah,Minyak Cengkeh,3\n").encode()
    assert importer.run(csv, "t3.csv", store=store_with_phase3, phase=3, user="uji").committed
    ds = Dataset.open(store_with_phase3)
    oils = "Minyak Cengkeh / Minyak Kayu Putih"
    assert queries.worker_groups(ds, Filters(phase=3))[["group", "workers"]].values.tolist() == [[oils, 8]]
    part = queries.worker_groups(ds, Filters(phase=3, products=("minyak_cengkeh_kayu_putih",)))
    assert part[["group", "workers", "within"]].values.tolist() == [[f"{oils} (sebagian kelompok)", 5, oils]]
    en = queries.worker_groups(ds, Filters(phase=3, products=("minyak_cengkeh_kayu_putih",)), lang="en")
    assert en["group"].tolist() == ["Clove / cajuput oil (part of the group)"]


def test_an_enterprise_with_a_nib_on_one_row_only_counts_once(data_dir):
    from ikm_data.store import Store

    store = Store.open(data_dir, seed_sample=False)
    csv = ("Nama IKM,Kabupaten/Kota,Jenis Produk,Jumlah TK,NIB\n"
           "UD Maju,Lombok Barat,Kopi,5,9120000000001\n"
           "UD Maju,Lombok Barat,Garam,5,\n").encode()
    assert importer.run(csv, "t4.csv", store=store, phase=4, user="uji").committed
    assert queries.kpis(Dataset.open(store), Filters(phase=4))["enterprises"] == 1


# -- pages ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["id", "en"])
def test_produk_sample_teh_kelor_shows_no_invented_split(app, lang):
    at = app("produk", lang)
    at.session_state["chart_produk"] = TEH
    at.run()
    assert not at.exception
    assert _groups(at) == []  # neither a "Teh Kelor" bar nor the group's label on 383
    regency_header = "Kabupaten/Kota" if lang == "id" else "Regency/city"
    workers_header = "Tenaga kerja" if lang == "id" else "Workers"
    table = _table(at, regency_header)
    assert set(table[workers_header]) == {"–"}
    assert table[table.columns[1]].astype(int).sum() == 35
    notes = [i.value for i in at.info]
    if lang == "id":
        assert escape("Pembagian tenaga kerja Teh Kelor dalam kelompok Teh Kelor / Serbat Jahe / Gula Semut "
                      "tidak diketahui (data contoh hanya tahu angka kelompok); kelompok itu: 910.") in notes
    else:
        assert any("Moringa tea / Ginger drink / Palm sugar crystals" in n and "910" in n for n in notes)


def test_produk_sidebar_filter_on_part_of_group_and_another_product(app):
    at = app("produk", flt_products=["teh_kelor", "minyak_goreng"])
    assert _groups(at) == [("Minyak Goreng", 382)]
    assert set(_table(at, "Kabupaten/Kota")["Tenaga kerja"]) == {"–"}
    products = _table(at, "Produk").set_index("Produk")
    assert products.loc["Minyak Goreng", "Tenaga kerja"] == "382" and products.loc["Teh Kelor", "Tenaga kerja"] == "–"


def test_produk_sample_whole_group_is_labelled_as_the_group(app):
    at = app("produk", flt_products=["teh_kelor", "serbat_jahe", "gula_semut"])
    assert _groups(at) == [(GROUP, 910)]
    assert _table(at, "Kabupaten/Kota")["Tenaga kerja"].astype(int).sum() == 910


def test_produk_real_upload_teh_kelor_shows_its_real_sum(real_phase3, app):
    at = app("produk")
    assert dict(_groups(at)) == {GROUP: 25, "Minyak Goreng": 6}
    at.session_state["chart_produk"] = TEH
    at.run()
    assert not at.exception
    assert _groups(at) == [("Teh Kelor", TEH_WORKERS)]
    table = _table(at, "Kabupaten/Kota").set_index("Kabupaten/Kota")
    assert table.loc["Lombok Barat", "Tenaga kerja"] == "4" and table.loc["Lombok Timur", "Tenaga kerja"] == "7"
    assert not any("tidak diketahui" in i.value for i in at.info)


def test_ringkasan_and_wilayah_hide_the_sample_part_workers(app):
    at = app("ringkasan", flt_products=["teh_kelor"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "35" and metrics["Tenaga kerja"] == "–"
    assert metrics["Tenaga kerja per IKM"] == "–"
    assert any(escape("kelompok itu: 910") in c.value for c in at.caption)
    at.switch_page("pages/wilayah.py").run()
    assert not at.exception
    assert set(_table(at, "Kabupaten/Kota")["Tenaga kerja"]) == {"–"}
    assert set(_table(at, "Produk")["Tenaga kerja"]) == {"–"}
    assert all(r.get("workers") is None for r in _rows(at.get("vega_lite_chart")[1]) if "regency_code" in r)


def test_wilayah_real_upload_product_table_keeps_real_workers(real_phase3, app):
    at = app("wilayah")
    at.session_state["peta_ntb"] = {"selection": {"pilih_peta": [{"regency_code": "5203"}]}}
    at.run()
    products = _table(at, "Produk").set_index("Produk")
    assert products.loc["Teh Kelor", "Tenaga kerja"] == "7" and products.loc["Serbat Jahe", "Tenaga kerja"] == "12"


def test_produk_on_an_uploaded_phase_without_release_claims_no_release(app, store_with_phase3):
    """Phase 4 was never released: its workers come from the rows, per product."""
    from ikm_data import sample, schema

    store_with_phase3.commit(schema.to_table(sample.generate().head(30)), phase=4, user="uji",
                             file_name="tahap4.csv", content=b"tahap4")
    at = app("produk", flt_phase=4)
    captions = " ".join(c.value for c in at.caption)
    assert "dari baris data unggahan, dihitung sekali per IKM" in captions
    assert "seperti dirilis" not in captions
    spec = json.loads(at.get("vega_lite_chart")[1].proto.spec)
    assert spec["title"]["text"] == "Tenaga kerja per produk"
