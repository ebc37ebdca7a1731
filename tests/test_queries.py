"""DuckDB queries over the store: counting rules, filters, the directory, reconciliation."""

import pandas as pd
import pytest

from ikm_data import queries, schema
from ikm_data.queries import Dataset, Filters


def test_kpis_of_the_sample(dataset, phase3):
    k = queries.kpis(dataset, phase3)
    assert (k["enterprises"], k["workers"], k["products"], k["regencies"]) == (453, 2858, 7, 10)
    assert k["workers_per_enterprise"] == pytest.approx(2858 / 453)


def test_by_product_hides_the_unpublished_split_of_the_sample(dataset, phase3):
    frame = queries.by_product(dataset, phase3).set_index("product_code")
    assert frame.loc["minyak_goreng", "enterprises"] == 55
    assert frame.loc["minyak_goreng", "workers"] == 382
    assert frame.loc["minyak_cengkeh_kayu_putih", "enterprises"] == 120
    assert pd.isna(frame.loc["teh_kelor", "workers"])  # only the group's 910 is published


def test_worker_groups(dataset, phase3):
    groups = queries.worker_groups(dataset, phase3).set_index("group")
    assert groups.loc["Teh Kelor / Serbat Jahe / Gula Semut", "workers"] == 910
    assert groups.loc["Teh Kelor / Serbat Jahe / Gula Semut", "enterprises"] == 74
    assert groups["workers"].sum() == 2858


def test_filters_narrow_every_figure(dataset):
    f = Filters(phase=3, regencies=("5201",), products=("susu_kedelai",))
    k = queries.kpis(dataset, f)
    regions = queries.by_regency(dataset, f).set_index("regency_code")
    assert k["enterprises"] == regions.loc["5201", "enterprises"] > 0
    assert regions.drop("5201")["enterprises"].sum() == 0
    assert list(queries.by_product(dataset, f)["product_code"]) == ["susu_kedelai"]


def test_by_regency_lists_all_ten_and_sums_to_the_total(dataset, phase3):
    frame = queries.by_regency(dataset, phase3)
    assert len(frame) == 10
    assert frame["enterprises"].sum() == 453 and frame["workers"].sum() == 2858


def test_an_enterprise_with_two_products_counts_once(tmp_path):
    from ikm_data.store import Store

    store = Store.open(tmp_path, seed_sample=False)
    rows = [
        {"enterprise_key": "A", "name": "UD A", "regency_code": "5201", "product_code": "kopi",
         "product_name": "Kopi", "workers": 10},
        {"enterprise_key": "A", "name": "UD A", "regency_code": "5201", "product_code": "garam",
         "product_name": "Garam", "workers": 10},
        {"enterprise_key": "B", "name": "UD B", "regency_code": "5202", "product_code": "kopi",
         "product_name": "Kopi", "workers": 3},
    ]
    store.commit(schema.to_table(rows), phase=4, user="uji", file_name="x.csv", content=b"x")
    ds = Dataset.open(store)
    k = queries.kpis(ds, Filters(phase=4))
    assert (k["enterprises"], k["workers"], k["product_enterprises"]) == (2, 13, 3)
    by_product = queries.by_product(ds, Filters(phase=4)).set_index("product_code")
    assert by_product.loc["kopi", "enterprises"] == 2 and by_product.loc["kopi", "workers"] == 13
    assert by_product.loc["garam", "workers"] == 10  # real data: per-product workers are known


def test_directory_searches_paginates_and_masks(dataset, phase3):
    total, page = queries.directory(dataset, phase3, "", page=1, page_size=25)
    assert total == 453 and len(page) == 25
    _, last = queries.directory(dataset, phase3, "", page=19, page_size=25)
    assert len(last) == 453 - 18 * 25
    name = page["name"].iloc[0]
    found, rows = queries.directory(dataset, phase3, name.upper())
    assert found >= 1 and name in set(rows["name"])
    assert page["nik"].str.fullmatch(r"52\d{2}\*{10}\d{2}").all()
    assert page["phone"].str.contains(r"\*{6}").all()
    assert page["owner"].str.fullmatch(r"([A-Z]\. ?)+").all()


def test_directory_search_is_a_bound_parameter(dataset, phase3):
    total, _ = queries.directory(dataset, phase3, "'; DROP TABLE participants; --")
    assert total == 0
    assert queries.kpis(dataset, phase3)["enterprises"] == 453


def test_reconciliation_matches_every_department_figure(dataset):
    rec = queries.reconciliation(dataset, 3)
    dept = rec[rec["scope"] == "Dinas Perindustrian NTB"]
    assert dept["match"].all() and len(dept) == 14
    other = rec[rec["scope"] != "Dinas Perindustrian NTB"]
    assert other["match"].isna().all() and other["stored"].isna().all()


def test_phase_summaries_take_one_source_each(dataset):
    phases = queries.phase_summaries(dataset).set_index("phase")
    assert phases.loc[3, "source_kind"] == "sample" and phases.loc[3, "enterprises"] == 453
    assert phases.loc[1, "source_kind"] == "published" and phases.loc[1, "enterprises"] == 57
    assert phases.loc[2, "workers"] == 900 and phases.loc[2, "approximate"]
    assert pd.isna(phases.loc[2, "enterprises"])  # 535 is all agencies: another scope


def test_summary_contract(dataset):
    result = queries.summary(dataset, 3)
    assert result["phases"] == [{"phase": 3, "enterprises": 453, "workers": 2858,
                                 "source": result["phases"][0]["source"], "source_kind": "sample",
                                 "approximate": False, "approx_enterprises": False,
                                 "approx_workers": False, "sample": True}]
    by_product = {r["product"]: r["enterprises"] for r in result["by_product"]}
    assert by_product == {"Minyak Goreng": 55, "Susu Kedelai": 138, "Teh Kelor": 35, "Serbat Jahe": 22,
                          "Gula Semut": 17, "Tas Kemasan": 66, "Minyak Cengkeh / Minyak Kayu Putih": 120}
    assert all(p["phase"] == 3 for p in result["published"])


def test_summary_gives_workers_per_published_group(dataset):
    groups = {g["group"]: g["workers"] for g in queries.summary(dataset, 3)["by_worker_group"]}
    assert groups["Teh Kelor / Serbat Jahe / Gula Semut"] == 910
    assert sum(groups.values()) == 2858
    phase2 = queries.summary(dataset, 2)
    assert phase2["by_worker_group"] == [] and phase2["phases"][0]["workers"] == 900


def test_published_notes_come_in_both_languages(dataset):
    rec = queries.reconciliation(dataset, 3).set_index("commodity")
    assert rec.loc["Kue Kering", "note_id"].startswith("instansi lain")
    assert rec.loc["Kue Kering", "note"].startswith("other agency")


def test_the_one_row_per_enterprise_shortcut_changes_no_figure(dataset, monkeypatch):
    """The sample has one row per enterprise, so queries skip grouping by enterprise; the
    grouped SQL must give the very same figures."""
    f = Filters(phase=3, regencies=("5201", "5203"))
    assert dataset.unique_enterprises(f)
    fast = [queries.kpis(dataset, f), queries.by_product(dataset, f), queries.by_regency(dataset, f),
            queries.worker_groups(dataset, f)]
    monkeypatch.setattr(Dataset, "unique_enterprises", lambda self, f: False)
    slow = [queries.kpis(dataset, f), queries.by_product(dataset, f), queries.by_regency(dataset, f),
            queries.worker_groups(dataset, f)]
    assert fast[0] == slow[0]
    for a, b in zip(fast[1:], slow[1:]):
        pd.testing.assert_frame_equal(a, b)


def test_worker_group_labels_in_english(dataset, phase3):
    groups = queries.worker_groups(dataset, phase3, lang="en").set_index("group")
    assert groups.loc["Moringa tea / Ginger drink / Palm sugar crystals", "workers"] == 910
    assert groups.loc["Clove / cajuput oil", "workers"] == 473


def test_reconciliation_of_a_phase_with_rows_and_no_release_is_empty(store_with_phase3):
    """A newly uploaded phase has rows but nothing published: an empty table, not a KeyError."""
    from ikm_data import sample

    frame = sample.generate().head(3)
    store_with_phase3.commit(schema.to_table(frame), phase=4, user="uji", file_name="t4.csv", content=b"x")
    rec = queries.reconciliation(Dataset.open(store_with_phase3), 4)
    assert rec.empty and {"published", "stored", "match"} <= set(rec.columns)


# -- the phase comparison compares like with like -------------------------------------------
def _phases(ds, **filters):
    return queries.phase_summaries(ds, Filters(**filters)).set_index("phase")


def test_phase_comparison_with_a_product_filter_uses_the_releases_own_breakdown(dataset):
    """Susu Kedelai: phase 1's release counts 25, phase 3's sample rows give 138; phase 2's
    release has no per-product figure, so it shows none rather than its unfiltered 900."""
    phases = _phases(dataset, products=("susu_kedelai",))
    assert phases.loc[1, "enterprises"] == 25 and pd.isna(phases.loc[1, "workers"])
    assert phases.loc[3, "enterprises"] == 138 and phases.loc[3, "workers"] == 895
    assert pd.isna(phases.loc[2, "workers"]) and phases.loc[2, "why_workers"] == "product"
    assert phases.loc[2, "why_enterprises"] == "unpublished"  # 535 is all agencies: never used


def test_phase_comparison_with_a_regency_filter_leaves_published_phases_out(dataset):
    phases = _phases(dataset, regencies=("5203",))
    rows = dataset.sql("SELECT count(DISTINCT enterprise_key) AS n, sum(workers) AS w FROM participants "
                       "WHERE phase = 3 AND regency_code = '5203'").iloc[0]
    assert (phases.loc[3, "enterprises"], phases.loc[3, "workers"]) == (rows["n"], rows["w"]) == (123, 703)
    for phase in (1, 2):
        assert pd.isna(phases.loc[phase, "enterprises"]) and pd.isna(phases.loc[phase, "workers"])
    assert phases.loc[1, "why_enterprises"] == "regency" and phases.loc[2, "why_workers"] == "regency"


def test_phase_comparison_keeps_a_published_group_whole(store_with_phase3):
    """Workers of Teh Kelor, Serbat Jahe and Gula Semut were published as one figure (910):
    a filter on one of them has no worker figure, on all three it has 910 — from the sample
    and from the release alike; several per-product figures are added only because the
    release's own figures add up to its total."""
    for ds in (Dataset.open(store_with_phase3), None):
        if ds is None:
            store_with_phase3.remove_sample(user="uji")
            ds = Dataset.open(store_with_phase3)
        one = _phases(ds, products=("teh_kelor",)).loc[3]
        assert one["enterprises"] == 35 and pd.isna(one["workers"]) and one["why_workers"] == "split"
        three = _phases(ds, products=("teh_kelor", "serbat_jahe", "gula_semut")).loc[3]
        assert (three["enterprises"], three["workers"]) == (74, 910)
        oils = _phases(ds, products=("minyak_cengkeh_kayu_putih", "susu_kedelai")).loc[3]
        assert (oils["enterprises"], oils["workers"]) == (258, 1368)
    assert not three["approx_workers"]  # per-product figures are exact; only the total is 'at least'


def test_phase_comparison_shows_no_figure_for_a_product_the_release_does_not_count(dataset):
    phases = _phases(dataset, products=("kopi",))
    assert pd.isna(phases.loc[1, "enterprises"]) and phases.loc[1, "why_enterprises"] == "product"
    assert phases.loc[3, "enterprises"] == 0  # phase 3 has rows: none of them is coffee


def test_approximate_is_per_metric(store_with_phase3):
    """Phase 3's release gives 453 enterprises exactly and 'at least' 2,858 workers."""
    store_with_phase3.remove_sample(user="uji")
    phases = _phases(Dataset.open(store_with_phase3))
    assert phases.loc[3, "enterprises"] == 453 and not phases.loc[3, "approx_enterprises"]
    assert phases.loc[3, "workers"] == 2858 and phases.loc[3, "approx_workers"]
    assert phases.loc[2, "approx_workers"] and not phases.loc[2, "approx_enterprises"]
    assert phases.loc[3, "approximate"]  # either metric, for the CLI's summary


def test_published_products_in_english_name_combined_products_in_english(store_with_phase3):
    store_with_phase3.remove_sample(user="uji")
    ds = Dataset.open(store_with_phase3)
    names = set(queries.published_products(ds, 3, "en")["product"])
    assert "Clove / cajuput oil" in names and "Minyak Cengkeh / Minyak Kayu Putih" not in names
    assert "Minyak Cengkeh / Minyak Kayu Putih" in set(queries.published_products(ds, 3, "id")["product"])


@pytest.fixture
def wildcard_names(tmp_path) -> Dataset:
    """Phase 4 of enterprises whose names hold LIKE's wildcards and escape character, each
    beside a name a wildcard would wrongly match."""
    from ikm_data.store import Store

    store = Store.open(tmp_path, seed_sample=False)
    names = ["UD 100% Asli", "UD 1000 Asli", "Kopi_Sumbawa", "Kopi Sumbawa", "KopixSumbawa",
             "CV Garis\\Miring", "CV Garis Miring", "Toko Biasa"]
    rows = [{"enterprise_key": n, "name": n, "regency_code": "5203", "product_code": "kopi",
             "product_name": "Kopi", "workers": 1, "village": "Desa Sembalun"} for n in names]
    store.commit(schema.to_table(rows), phase=4, user="uji", file_name="x.csv", content=b"x")
    return Dataset.open(store)


@pytest.mark.parametrize("search,expected", [
    ("%", ["UD 100% Asli"]), ("100%", ["UD 100% Asli"]), ("0%", ["UD 100% Asli"]),
    ("_", ["Kopi_Sumbawa"]), ("i_s", ["Kopi_Sumbawa"]), ("\\", ["CV Garis\\Miring"]),
    ("s\\m", ["CV Garis\\Miring"]), ("%%", []), ("\\%", []), ("\\_", []),
    ("kopi", ["Kopi Sumbawa", "KopixSumbawa", "Kopi_Sumbawa"]),
])
def test_directory_search_takes_wildcards_literally(wildcard_names, search, expected):
    total, rows = queries.directory(wildcard_names, Filters(phase=4), search)
    assert sorted(rows["name"]) == sorted(expected)
    assert total == len(expected)


def test_an_empty_search_still_lists_everything(wildcard_names):
    total, rows = queries.directory(wildcard_names, Filters(phase=4), "  ")
    assert total == len(rows) == 8
