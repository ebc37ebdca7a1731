"""Reference lists and the normalisation of what officials type."""

import pytest

from ikm_data.reference import load_reference, norm_key


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def test_ten_regencies_with_bps_codes(ref):
    assert sorted(r.code for r in ref.regencies) == [
        "5201", "5202", "5203", "5204", "5205", "5206", "5207", "5208", "5271", "5272"]


@pytest.mark.parametrize("text,code", [
    ("Lombok Barat", "5201"), ("KAB. LOMBOK BARAT", "5201"), ("Kabupaten Lombok-Barat", "5201"),
    ("lobar", "5201"), ("Loteng", "5202"), ("lotim", "5203"), ("KSB", "5207"), ("KLU", "5208"),
    ("Bima", "5206"), ("Kab. Bima", "5206"), ("Kota Bima", "5272"), ("KOTA BIMA", "5272"),
    ("Mataram", "5271"), ("Kota Mataram", "5271"), (" sumbawa ", "5204"), ("Sumbawa Barat", "5207"),
])
def test_regency_aliases(ref, text, code):
    assert ref.resolve_regency(text) == code


@pytest.mark.parametrize("text", ["Denpasar", "Kabupaten Mataram", "Lombok Barrat", "", None, "Bali"])
def test_regency_outside_ntb_or_typo_is_unknown(ref, text):
    assert ref.resolve_regency(text) is None


@pytest.mark.parametrize("text,code", [
    ("Minyak Goreng", "minyak_goreng"), ("minyak kelapa", "minyak_goreng"), ("MINYAK  JELENG", "minyak_goreng"),
    ("susu kedele", "susu_kedelai"), ("Teh daun kelor", "teh_kelor"), ("sarbat jahe", "serbat_jahe"),
    ("goodie bag", "tas_kemasan"), ("Minyak Cengkeh / Minyak Kayu Putih", "minyak_cengkeh_kayu_putih"),
])
def test_product_aliases(ref, text, code):
    assert ref.resolve_product(text) == code


def test_closest_product_names_a_typo(ref):
    assert ref.resolve_product("susu kedelaii") is None
    assert ref.closest_product("susu kedelaii").code == "susu_kedelai"
    assert ref.closest_product("mesin bubut") is None


def test_worker_groups_follow_the_release(ref):
    groups = dict(ref.worker_groups(3))
    assert groups["Teh Kelor / Serbat Jahe / Gula Semut"] == ("teh_kelor", "serbat_jahe", "gula_semut")
    assert "minyak_cengkeh" in groups["Minyak Cengkeh / Minyak Kayu Putih"]
    assert len(groups) == 5


def test_published_sources_are_resolved(ref):
    phase3 = [p for p in ref.published_for(3) if p.scope == "Dinas Perindustrian NTB"]
    assert all("disperin.ntbprov.go.id" in p.source for p in phase3)
    totals = {p.metric: p.value for p in phase3 if p.is_total}
    assert totals == {"enterprises": 453, "workers": 2858}


def test_norm_key():
    assert norm_key("  Kab. Lombok-Barat ") == "kab lombok barat"
    assert norm_key("Ñama") == "nama"
