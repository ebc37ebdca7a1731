"""The synthetic Phase III sample reproduces the published release and nothing more."""

from ikm_data import sample, schema
from ikm_data.reference import load_reference


def test_sample_matches_published_enterprise_counts_and_worker_groups():
    frame = sample.generate()
    counts = frame.groupby("product_code").size().to_dict()
    assert counts == {"minyak_goreng": 55, "susu_kedelai": 138, "teh_kelor": 35, "serbat_jahe": 22,
                      "gula_semut": 17, "tas_kemasan": 66, "minyak_cengkeh_kayu_putih": 120}
    workers = frame.groupby("product_code")["workers"].sum()
    assert workers["minyak_goreng"] == 382 and workers["susu_kedelai"] == 895
    assert workers[["teh_kelor", "serbat_jahe", "gula_semut"]].sum() == 910
    assert workers["tas_kemasan"] == 198 and workers["minyak_cengkeh_kayu_putih"] == 473
    assert len(frame) == 453 and frame["workers"].sum() == 2858


def test_sample_is_deterministic_and_spreads_over_all_regencies():
    a, b = sample.generate(), sample.generate()
    assert a.equals(b)
    assert set(a["regency_code"]) == {r.code for r in load_reference().regencies}
    assert a["enterprise_key"].is_unique


def test_sample_rows_are_plausible_and_fit_the_schema():
    frame = sample.generate()
    assert (frame["workers"] >= 1).all()
    assert (frame["workers_male"] + frame["workers_female"] == frame["workers"]).all()
    assert frame["nik"].str.fullmatch(r"52\d{14}").all()
    assert frame["phone"].str.fullmatch(r"08\d{10}").all()
    assert frame["tourism"].any() and frame["pirt"].any()
    table = schema.to_table(frame)
    assert table.num_rows == 453 and table.schema == schema.SCHEMA


def test_plan_reads_the_release_not_constants():
    plan = sample.plan(load_reference())
    assert ("minyak_goreng", 55, "Minyak Goreng") in plan
    assert sum(n for _, n, _ in plan) == 453
