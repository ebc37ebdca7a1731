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
    assert all(p.source_in("id").startswith("Siaran pers Dinas Perindustrian NTB") for p in phase3)
    assert all(p.source_in("en").startswith("Dinas Perindustrian NTB news release") for p in phase3)


def test_published_texts_name_no_internal_file(ref):
    shown = [text for p in ref.published for text in (p.source, p.source_id, p.note, p.note_id)]
    assert not [text for text in shown if "seed/" in text or text.lower().startswith("same ")]
    assert ref.published[0].provenance == "text in seed/000_d01f6b45eee1e194.txt"  # kept, never shown
    assert ref.published_for(1)[1].source_in("id") == "metrontb.com, 2020-04-16 ('57 IKM')"
    assert ref.published_for(1)[1].note_in("en").startswith("coconut oil")


def test_published_values_are_the_release_figures(ref):
    assert [(p.phase, p.value) for p in ref.published] == [
        (3, 55), (3, 382), (3, 138), (3, 895), (3, 35), (3, 22), (3, 17), (3, 910), (3, 66), (3, 198),
        (3, 120), (3, 473), (3, 453), (3, 2858), (3, 184), (2, 900), (2, 535), (1, 25), (1, 23), (1, 6),
        (1, 3), (1, 57)]


def test_norm_key():
    assert norm_key("  Kab. Lombok-Barat ") == "kab lombok barat"
    assert norm_key("Ñama") == "nama"
