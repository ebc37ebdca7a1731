"""Tests for ikm_data.slides: the curated slide sequence for a phase, its figures, charts, sources and sample badge."""

import datetime as dt

import pandas as pd
import pytest

from ikm_data import slides
from ikm_data.queries import Dataset, Filters

PHASE3_KEYS = ["title", "figures", "products", "workforce", "regions", "standardisation", "tourism", "phases",
               "sources"]
TODAY = dt.date(2026, 11, 30)


def _by_key(deck):
    return {s.key: s for s in deck}


@pytest.fixture
def deck_id(dataset, phase3):
    return slides.build(dataset, phase3, "id", today=TODAY)


def test_phase3_sequence_and_headline_figures(deck_id):
    assert [s.key for s in deck_id] == PHASE3_KEYS
    assert [s.kind for s in deck_id] == ["title", "figures", "chart", "chart", "chart", "chart", "chart", "chart",
                                         "sources"]
    figures = {f.label: f.value for f in _by_key(deck_id)["figures"].figures}
    assert figures == {"IKM/UKM": "453", "Tenaga kerja": "2.858", "Produk": "7", "Kabupaten/Kota": "10"}


def test_title_slide_names_programme_phase_date_and_department(deck_id):
    title = deck_id[0]
    assert title.title == "JPS Gemilang — Tahap III"
    assert "Data per Juli 2020" in title.lines
    assert "Disajikan 30 November 2026" in title.lines
    assert title.notes == ["Dinas Perindustrian Provinsi Nusa Tenggara Barat"]


def test_every_slide_has_a_source_footer_and_the_sample_badge(deck_id):
    for s in deck_id:
        assert s.footer.startswith("Sumber: Dinas Perindustrian NTB"), s.key
        assert s.sample and s.sample_label == "data contoh (sintetis)", s.key
    for s in deck_id[:5]:
        assert s.footer.startswith("Sumber: Dinas Perindustrian NTB, Tahap III · data contoh (sintetis)")


def test_products_slide_counts_enterprises_per_product(deck_id):
    products = _by_key(deck_id)["products"]
    frame = products.data[0].set_index("product")
    assert frame.loc["Susu Kedelai", "enterprises"] == 138
    assert frame["enterprises"].sum() == 453
    assert "453" in products.notes[0]


def test_workforce_slide_shows_published_groups_never_an_invented_split(deck_id):
    workforce = _by_key(deck_id)["workforce"]
    frame = workforce.data[0].set_index("group")
    assert frame.loc["Teh Kelor / Serbat Jahe / Gula Semut", "workers"] == 910
    assert "Teh Kelor" not in frame.index  # no per-product worker figure for a grouped product
    assert frame["workers"].sum() == 2858
    values = [row["workers"] for row in workforce.charts[0].to_dict()["datasets"].values().__iter__().__next__()]
    assert sorted(values) == [198, 382, 473, 895, 910]


def test_charts_are_large_type_untitled_and_not_interactive(deck_id):
    for s in deck_id:
        for chart in s.charts:
            spec = chart.to_dict()
            assert "title" not in spec, s.key
            assert "params" not in spec and all("params" not in layer for layer in spec.get("layer", []))
            assert spec["config"]["axis"]["labelFontSize"] == round(13 * slides.SLIDE_SCALE)
    assert len(_by_key(deck_id)["phases"].charts) == 2


def test_regions_slide_is_the_map(deck_id):
    regions = _by_key(deck_id)["regions"]
    spec = regions.charts[0].to_dict()
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    assert "Lombok Timur (123 IKM)" in regions.notes[0]


def test_sources_slide_lists_each_phase_with_its_source(deck_id):
    table = _by_key(deck_id)["sources"].table
    assert list(table.iloc[:, 0]) == ["Tahap I", "Tahap II", "Tahap III"]
    row3 = table.iloc[2]
    assert list(row3.iloc[1:4]) == ["453", "2.858", "data contoh (sintetis)"]
    assert table.iloc[1, 2] == "± 900"


def test_english_deck(dataset, phase3):
    deck = slides.build(dataset, phase3, "en", today=TODAY)
    assert deck[0].title == "JPS Gemilang — Phase III"
    assert deck[1].footer.startswith("Source: NTB Industry Department, Phase III · sample data (synthetic)")
    assert deck[1].sample_label == "sample data (synthetic)"
    assert {f.label: f.value for f in deck[1].figures}["Workers"] == "2.858"
    assert "Industry Department, West Nusa Tenggara Province" in deck[0].notes


def test_filters_narrow_the_figures(dataset):
    deck = slides.build(dataset, Filters(phase=3, regencies=("5203",)), "id", today=TODAY)
    figures = {f.label: f.value for f in deck[1].figures}
    assert figures["IKM/UKM"] == "123" and figures["Tenaga kerja"] == "703"
    assert "Cakupan: Lombok Timur" in deck[0].lines
    phases = _by_key(deck)["phases"]
    assert "Cakupan: Lombok Timur. Tahap yang hanya punya angka rilis tampil hanya bila rilis merinci " \
           "cakupan itu." in phases.notes
    assert "Tahap I (IKM/UKM), Tahap II (Tenaga kerja): rilis tidak merinci per kabupaten/kota" in phases.notes
    bars = [{r["phase_label"]: r[m] for r in frame.to_dict("records")} for m, frame in
            zip(("enterprises", "workers"), (c.data.dropna(subset=[m]) for m, c in
                                             zip(("enterprises", "workers"), phases.charts)))]
    assert bars == [{"Tahap III": 123}, {"Tahap III": 703}]  # like with like: no unfiltered release


def test_published_only_phase_uses_the_release(dataset):
    deck = slides.build(dataset, Filters(phase=1), "id", today=TODAY)
    assert [s.key for s in deck] == ["title", "figures", "products", "phases", "sources"]
    assert [(f.label, f.value) for f in deck[1].figures] == [("IKM/UKM", "57"), ("Produk", "4")]
    assert not deck[1].sample
    assert deck[1].footer.startswith("Sumber: Dinas Perindustrian NTB, Tahap I · angka rilis 16 April 2020")
    frame = deck[2].data[0].set_index("product")
    assert frame.loc["Susu Kedelai", "enterprises"] == 25 and frame["enterprises"].sum() == 57


def test_approximate_published_figure_is_marked(dataset):
    deck = slides.build(dataset, Filters(phase=2), "id", today=TODAY)
    assert [(f.label, f.value) for f in deck[1].figures] == [("Tenaga kerja", "± 900")]
    assert "± angka perkiraan dalam rilis" in deck[1].notes
    assert "products" not in _by_key(deck)


def test_without_the_sample_phase3_falls_back_to_the_release(store_with_phase3):
    store_with_phase3.remove_sample(user="uji")
    deck = slides.build(Dataset.open(store_with_phase3), Filters(phase=3), "id", today=TODAY)
    figures = {f.label: f.value for f in deck[1].figures}
    assert figures["IKM/UKM"] == "453" and figures["Tenaga kerja"] == "± 2.858"
    assert not any(s.sample for s in deck)
    assert "regions" not in _by_key(deck)
    workforce = _by_key(deck)["workforce"].data[0].set_index("group")
    assert workforce.loc["Teh Kelor / Serbat Jahe / Gula Semut", "workers"] == 910


def test_nothing_to_present(dataset):
    assert slides.build(dataset, Filters(phase=9), "id") == []
    with pytest.raises(ValueError):
        slides.build(dataset, Filters(), "id")


@pytest.mark.parametrize("n, text", [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"),
                                     (44, "XLIV"), (49, "XLIX"), (50, "L"), (90, "XC"), (99, "XCIX")])
def test_roman(n, text):
    assert slides.roman(n) == text


def test_every_phase_on_the_slides_is_named_in_roman_numerals(store_with_phase3):
    from tests.many_phases import MANY, commit_phases

    ds = Dataset.open(commit_phases(store_with_phase3, MANY))
    deck = _by_key(slides.build(ds, Filters(phase=44), "id", today=TODAY))
    assert deck["title"].title == "JPS Gemilang — Tahap XLIV"
    names = [{r["phase_label"] for r in c.data.to_dict("records") if not pd.isna(r[m])}
             for m, c in zip(("enterprises", "workers"), deck["phases"].charts)]
    assert names == [{"Tahap I", "Tahap III", "Tahap IV", "Tahap V", "Tahap XLIV"},
                     {"Tahap II", "Tahap III", "Tahap IV", "Tahap V", "Tahap XLIV"}]
    table = deck["sources"].table
    assert table["Tahap"].tolist() == ["Tahap I", "Tahap II", "Tahap III", "Tahap IV", "Tahap V", "Tahap XLIV"]
    assert not any("Tahap 1" in text or "Tahap 44" in text for s in deck.values() for text in s.texts)
    assert "Tahap I: hitungan pada hari peluncuran" in deck["phases"].notes


def test_sources_slide_marks_only_the_approximate_figure(store_with_phase3):
    """'±' goes with the figure the release gives as approximate: here an 'about 57'
    launch count, never the phase's workers figure it does not have."""
    import dataclasses

    from ikm_data.reference import Reference

    store_with_phase3.remove_sample(user="uji")
    ds = Dataset.open(store_with_phase3)
    published = tuple(dataclasses.replace(p, approximate=True)
                      if (p.phase, p.metric, p.commodity) == (1, "enterprises", "(total)") else p
                      for p in ds.ref.published)
    ds.ref = Reference(ds.ref.regencies, ds.ref.products, published)
    table = _by_key(slides.build(ds, Filters(phase=1), "id", today=TODAY))["sources"].table
    rows = table.set_index("Tahap")[["IKM/UKM", "Tenaga kerja"]].to_dict("index")
    assert rows == {"Tahap I": {"IKM/UKM": "± 57", "Tenaga kerja": "–"},
                    "Tahap II": {"IKM/UKM": "–", "Tenaga kerja": "± 900"},
                    "Tahap III": {"IKM/UKM": "453", "Tenaga kerja": "± 2.858"}}


def test_phases_slide_without_any_comparable_figure_keeps_one_chart(store_with_phase3):
    """Phase 1 with a regency filter once the sample is gone: no phase has a regional
    figure, so nothing is drawn as if it were one, and the layouts still get a chart."""
    store_with_phase3.remove_sample(user="uji")
    deck = slides.build(Dataset.open(store_with_phase3), Filters(phase=1, regencies=("5203",)), "id", today=TODAY)
    phases = _by_key(deck)["phases"]
    assert len(phases.charts) == 1 and phases.data[0]["enterprises"].isna().all()
    assert ("Tahap I (IKM/UKM), Tahap II (Tenaga kerja), Tahap III: rilis tidak merinci per "
            "kabupaten/kota") in phases.notes


def _commit_phase(store, phase, file_name="tahap.xlsx", rows=40):
    from ikm_data import sample, schema

    frame = sample.generate().head(rows)
    store.commit(schema.to_table(frame), phase=phase, user="uji", file_name=file_name, content=file_name.encode())
    return Dataset.open(store)


@pytest.mark.parametrize("lang, uploaded, note_has", [
    ("id", "Data per: tanggal data tidak dicatat (diunggah", "dari baris data unggahan, dihitung sekali per IKM"),
    ("en", "Data as of: date not recorded (uploaded", "from the uploaded rows, counted once per enterprise"),
])
def test_uploaded_phase_without_release_claims_no_release(store_with_phase3, lang, uploaded, note_has):
    ds = _commit_phase(store_with_phase3, 4, "tahap4.xlsx")
    deck = _by_key(slides.build(ds, Filters(phase=4), lang, today=TODAY))
    workforce = deck["workforce"]
    assert note_has in workforce.notes[0]
    assert workforce.title == ("Tenaga kerja per produk" if lang == "id" else "Workers by product")
    assert deck["title"].lines[0].startswith(uploaded)
    # nothing about phase IV speaks of a release, a publication or the sample
    for key in ("title", "figures", "products", "workforce", "regions"):
        text = " ".join(deck[key].texts).lower()
        for claim in ("rilis", "release", "publish", "contoh", "sample"):
            assert claim not in text, (key, claim, text)
        assert "tahap iv" in text or "phase iv" in text or key in ("products", "workforce", "regions")


def test_uploaded_phase_with_a_release_groups_like_it_but_counts_the_rows(store_with_phase3):
    ds = _commit_phase(store_with_phase3, 3, "tahap3_asli.xlsx", rows=60)
    deck = _by_key(slides.build(ds, Filters(phase=3), "id", today=TODAY))
    note = deck["workforce"].notes[0]
    assert "dari baris data unggahan" in note and "kelompok produk mengikuti rilis Dinas" in note
    assert "seperti dirilis" not in note
    assert deck["workforce"].title == "Tenaga kerja per kelompok produk"
    assert deck["title"].lines[0].startswith("Data per: tanggal data tidak dicatat (diunggah")
    assert not deck["figures"].sample


def test_sample_and_published_workforce_keep_the_release_wording(deck_id, store_with_phase3):
    assert "seperti dirilis Dinas" in _by_key(deck_id)["workforce"].notes[0]
    store_with_phase3.remove_sample(user="uji")
    deck = _by_key(slides.build(Dataset.open(store_with_phase3), Filters(phase=3), "id", today=TODAY))
    assert "seperti dirilis Dinas" in deck["workforce"].notes[0]


def test_long_group_names_wrap_instead_of_being_cut(dataset, phase3):
    deck = _by_key(slides.build(dataset, phase3, "en", today=TODAY))
    for key in ("products", "workforce"):
        spec = deck[key].charts[0].to_dict()
        y = spec["layer"][0]["encoding"]["y"]
        assert y["axis"]["labelExpr"] == "split(datum.label, '\\n')", key
        rows = next(iter(spec["datasets"].values()))
        category = "group" if key == "workforce" else "product"
        for row in rows:
            lines = row[y["field"]].split("\n")
            assert " ".join(lines) == row[category]  # every word kept
            assert all(len(line) <= slides.LABEL_WRAP for line in lines)
            # each line fits the axis' label width (about 0.55 em per character)
            assert max(len(line) for line in lines) * 0.55 * spec["config"]["axis"]["labelFontSize"] \
                <= spec["config"]["axis"]["labelLimit"]
    rows = next(iter(deck["workforce"].charts[0].to_dict()["datasets"].values()))
    assert ["Moringa tea / Ginger drink /", "Palm sugar crystals"] in [r["group_lines"].split("\n") for r in rows]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_slide_texts_name_phases_in_roman(store_with_phase3, lang):
    import re

    ds = _commit_phase(store_with_phase3, 4, "tahap4.xlsx")
    for phase in (1, 3, 4):
        for s in slides.build(ds, Filters(phase=phase), lang, today=TODAY):
            for text in s.texts:
                assert not re.search(r"\b(Tahap|Phase) \d", text), (phase, s.key, text)


def test_published_groups_in_english_name_each_product(store_with_phase3):
    store_with_phase3.remove_sample(user="uji")
    deck = _by_key(slides.build(Dataset.open(store_with_phase3), Filters(phase=3), "en", today=TODAY))
    groups = deck["workforce"].data[0].set_index("group")
    assert groups.loc["Moringa tea / Ginger drink / Palm sugar crystals", "workers"] == 910
    assert "Teh Kelor / Serbat Jahe / Gula Semut" not in groups.index


def test_sources_speak_the_slides_language(store_with_phase3):
    """The release's source is named in Indonesian on Indonesian slides (footer, sources
    table, the phase chart's tooltip), never 'news release'."""
    store_with_phase3.remove_sample(user="uji")
    deck = _by_key(slides.build(Dataset.open(store_with_phase3), Filters(phase=3), "id", today=TODAY))
    texts = " ".join(t for s in deck.values() for t in s.texts)
    assert "Siaran pers Dinas Perindustrian NTB" in deck["figures"].footer
    assert "news release" not in texts and "same article" not in texts and "seed/" not in texts
    rows = next(iter(deck["phases"].charts[0].to_dict()["datasets"].values()))
    assert all("news release" not in r["source_text"] for r in rows)


def test_every_product_is_named_on_the_products_slide_at_forum_size(deck_id):
    """Drawn at the Presentasi page's size (1200 x 370 px, 1.6x type), a two-line label must
    not make Vega hide every other product's name (its default label-overlap rule did so in
    Chromium: the axis keeps every label)."""
    import vl_convert as vlc

    from ikm_data import export

    slide = _by_key(deck_id)["products"]
    spec = export.chart_spec(slide.charts[0], 1200)
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelOverlap"] is False
    spec["height"], spec["autosize"] = 370, {"type": "fit", "contains": "padding"}
    svg = vlc.vegalite_to_svg(spec)
    for name in ("Susu Kedelai", "Tas Kemasan", "Minyak Goreng", "Teh Kelor", "Serbat Jahe", "Gula Semut"):
        assert f'opacity="1">{name}<' in svg, name
    assert "Minyak Cengkeh /" in svg and "Minyak Kayu Putih" in svg  # the two-line label
