"""Every page through Streamlit's AppTest, in both languages, asserting real content:
figures, chart specs, chart selections that filter, sidebar filters that persist."""

import json

import pyarrow as pa
import pytest
from tests import apptest

PAGES = ["ringkasan", "produk", "wilayah", "tahap", "direktori", "tentang"]
TITLES = {
    "ringkasan": ("Ringkasan", "Overview"), "produk": ("Produk/Komoditas", "Products/Commodities"),
    "wilayah": ("Wilayah", "Regions"), "tahap": ("Perbandingan Tahap", "Phase comparison"),
    "direktori": ("Direktori IKM", "IKM directory"), "tentang": ("Tentang Data", "About the data"),
}


def _spec(chart):
    return json.loads(chart.proto.spec)


def _rows(chart):
    """Every data row a chart carries: Streamlit moves the spec's datasets into Arrow."""
    rows = [row for values in _spec(chart).get("datasets", {}).values() for row in values]
    for dataset in chart.proto.datasets:
        rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return rows


_widget, _texts, _table = apptest.widget, apptest.page_text, apptest.table_with


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(app, page, lang):
    at = app(page, lang)
    assert at.title[0].value == TITLES[page][0 if lang == "id" else 1]
    badge = "data contoh (sintetis)" if lang == "id" else "sample data (synthetic)"
    if page != "tentang":
        assert badge in _texts(at)


def test_ringkasan_shows_the_published_totals(app):
    at = app("ringkasan")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "453" and metrics["Tenaga kerja"] == "2.858"
    assert metrics["Tenaga kerja per IKM"] == "6,3"
    rec = _table(at, "Cocok")
    assert (rec["Cocok"] == "✓").sum() == 14
    assert "14 angka sama dengan rilis." in [s.value for s in at.success]


def test_ringkasan_in_english_keeps_id_number_format(app):
    at = app("ringkasan", "en")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Workers"] == "2.858"


def test_product_chart_spec_holds_the_published_counts(app):
    at = app("produk")
    counts = {r["product"]: r["enterprises"] for r in _rows(at.get("vega_lite_chart")[0]) if "product" in r}
    assert counts["Minyak Goreng"] == 55 and counts["Minyak Cengkeh / Minyak Kayu Putih"] == 120
    groups = {r["group"]: r["workers"] for r in _rows(at.get("vega_lite_chart")[1]) if "group" in r}
    assert groups["Teh Kelor / Serbat Jahe / Gula Semut"] == 910


def test_clicking_a_product_bar_filters_the_regency_table(app):
    at = app("produk")
    before = _table(at, "Kabupaten/Kota")
    assert before["IKM/UKM"].astype(int).sum() == 453
    at.session_state["chart_produk"] = {"selection": {"pilih_produk": [{"product_code": "minyak_goreng"}]}}
    at.run()
    assert not at.exception
    after = _table(at, "Kabupaten/Kota")
    assert after["IKM/UKM"].astype(int).sum() == 55
    groups = _rows(at.get("vega_lite_chart")[1])
    assert [(r["group"], r["workers"]) for r in groups if "group" in r] == [("Minyak Goreng", 382)]
    assert any("Minyak Goreng" in i.value for i in at.info)


def test_clicking_a_regency_on_the_map_filters_the_tables(app):
    at = app("wilayah")
    at.session_state["peta_ntb"] = {"selection": {"pilih_peta": [{"regency_code": "5203"}]}}
    at.run()
    table = _table(at, "Kabupaten/Kota")
    nonzero = table[table["IKM/UKM"] != "0"]
    assert nonzero["Kabupaten/Kota"].tolist() == ["Lombok Timur"]
    assert nonzero["IKM/UKM"].tolist() == ["123"]
    products = _table(at, "Produk")
    assert products["IKM/UKM"].astype(int).sum() == 123


def test_sidebar_filters_persist_across_pages(app):
    at = app("ringkasan")
    _widget(at, "multiselect", "flt_regencies").set_value(["5271"]).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "43"
    at.switch_page("pages/wilayah.py").run()
    assert _widget(at, "multiselect", "flt_regencies").value == ["5271"]
    rows = {r["regency_code"]: r["enterprises"] for r in _rows(at.get("vega_lite_chart")[1])
            if "regency_code" in r}
    assert rows["5271"] == 43 and rows["5201"] == 0
    assert any("Kota Mataram" in c.value for c in at.caption)


def test_a_published_only_phase_shows_its_release(app):
    at = app("ringkasan")
    _widget(at, "selectbox", "flt_phase").set_value(1).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "57" and metrics["Tenaga kerja"] == "–"
    at.switch_page("pages/produk.py").run()
    assert not at.exception
    rows = {r["product"]: r["enterprises"] for r in _rows(at.get("vega_lite_chart")[0]) if "product" in r}
    assert rows == {"Susu Kedelai": 25, "Minyak Goreng": 23, "Sabun": 6, "Teh Kelor": 3}


def test_directory_searches_and_masks(app):
    at = app("direktori")
    table = _table(at, "NIK")
    assert len(table) == 25 and table["NIK"].str.contains(r"\*{10}").all()
    name = table["Nama IKM"].iloc[3]
    at.text_input(key="dir_search").set_value(name).run()
    table = _table(at, "NIK")
    assert name in table["Nama IKM"].tolist() and len(table) < 25
    assert any("dari" in m.value for m in at.markdown)


def test_phase_comparison_lists_other_scopes_apart(app):
    at = app("tahap")
    phases = _table(at, "Jenis sumber")
    assert phases["Tahap"].tolist() == ["Tahap 1", "Tahap 2", "Tahap 3"]
    assert phases["IKM/UKM"].tolist() == ["57", "–", "453"]
    other = _table(at, "Rilis")
    assert set(other["Rilis"]) == {"184", "535"}


def test_removing_the_sample_is_one_action_and_leaves_history(app, store_with_phase3):
    at = app("tentang", role="uploader")
    at.checkbox(key="confirm_remove_sample").check().run()
    at.button(key="hapus_sampel").click().run()
    assert not at.exception
    assert store_with_phase3.state().phases[3] is None
    assert [m.mode for m in store_with_phase3.history()] == ["remove", "sample"]
    at.switch_page("pages/ringkasan.py").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "453"  # now the published release itself
    assert "data contoh (sintetis)" not in _texts(at)


def test_phase_comparison_explains_when_only_one_phase_is_comparable(app, monkeypatch):
    from ikm_data import queries

    real = queries.phase_summaries
    monkeypatch.setattr(queries, "phase_summaries",
                        lambda ds, f=None: real(ds, f).query("phase == 3").reset_index(drop=True))
    at = app("tahap")
    infos = [i.value for i in at.info]
    assert any("hanya satu tahap" in i and "IKM/UKM" in i for i in infos)
    assert any("hanya satu tahap" in i and "Tenaga kerja" in i for i in infos)


# -- Perbandingan Tahap compares like with like -----------------------------------------------
def _phase_bars(at):
    """{metric: {phase label: value}} from the page's two phase charts."""
    out = {}
    for chart, metric in zip(at.get("vega_lite_chart"), ("enterprises", "workers")):
        out[metric] = {r["phase_label"]: r[metric] for r in _rows(chart) if "phase_label" in r}
    return out


def test_phase_comparison_with_a_product_filter_compares_the_same_product(app):
    """Susu Kedelai: phase 1's release counts 25 of them, phase 3's rows 138; phase 2's
    release gives only its total workers (±900), which is no soy-milk figure."""
    at = app("tahap", flt_products=["susu_kedelai"])
    assert _phase_bars(at) == {"enterprises": {"Tahap 1": 25, "Tahap 3": 138}, "workers": {"Tahap 3": 895}}
    table = _table(at, "Jenis sumber")
    assert table["IKM/UKM"].tolist() == ["25", "–", "138"]
    assert table["Tenaga kerja"].tolist() == ["–", "–", "895"]
    assert "Tenaga kerja: rilis tidak memberi angka untuk produk terpilih" in table["Tanpa angka"][1]
    assert any("cakupan yang sama" in i.value for i in at.info)
    assert not any("tidak memakai filter" in c for c in _texts(at).split("\n"))


def test_phase_comparison_with_a_regency_filter_shows_no_release_figure(app):
    at = app("tahap", "en", flt_regencies=["5203"])
    assert _phase_bars(at) == {"enterprises": {"Phase 3": 123}, "workers": {"Phase 3": 703}}
    table = _table(at, "Kind of source")
    assert table["IKM/SMEs"].tolist() == ["–", "–", "123"]
    assert table["No figure"][0] == ("IKM/SMEs: the release has no regency breakdown; "
                                     "Workers: the department published no such figure for this phase")
    infos = [i.value for i in at.info]
    assert any("fewer than two phases" in i and "IKM/SMEs" in i for i in infos)
    spec = _spec(at.get("vega_lite_chart")[0])
    assert "scope: Lombok Timur" in " ".join(spec["title"]["subtitle"])


def test_phase_comparison_marks_only_the_approximate_figure(app, store_with_phase3):
    """Phase 3's release: 453 enterprises exactly, 'tak kurang dari' 2,858 workers."""
    store_with_phase3.remove_sample(user="uji")
    at = app("tahap")
    table = _table(at, "Jenis sumber")
    assert table["IKM/UKM"].tolist() == ["57", "–", "453"]
    assert table["Tenaga kerja"].tolist() == ["–", "900", "2.858"]  # the ± is named in "Perkiraan"
    assert table["Perkiraan"].tolist() == ["", "Tenaga kerja", "Tenaga kerja"]
    enterprises, workers = ({r["phase_label"]: r["value_label"] for r in _rows(c) if "value_label" in r}
                            for c in at.get("vega_lite_chart"))
    assert enterprises == {"Tahap 1": "57", "Tahap 3": "453"}
    assert workers == {"Tahap 2": "± 900", "Tahap 3": "± 2.858"}


@pytest.fixture
def approximate_launch_count(monkeypatch):
    """The release file as if phase 1's launch-day count (57) were 'about 57'."""
    from ikm_data import reference

    real = reference._read_csv

    def read(name):
        rows = real(name)
        if name == "published_figures.csv":
            for r in rows:
                if (r["phase"], r["metric"], r["commodity"]) == ("1", "enterprises", "(total)"):
                    r["approximate"] = "yes"
        return rows

    monkeypatch.setattr(reference, "_read_csv", read)
    reference.load_reference.cache_clear()
    yield
    reference.load_reference.cache_clear()


def test_published_only_cards_mark_the_approximate_metric(approximate_launch_count, app):
    at = app("ringkasan", flt_phase=1)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"IKM/UKM": "± 57", "Tenaga kerja": "–"}


def test_ringkasan_of_a_published_phase_follows_the_filters_like_with_like(app, store_with_phase3):
    """Only the release's own breakdowns: a product it counts, never a regency."""
    store_with_phase3.remove_sample(user="uji")
    at = app("ringkasan", flt_products=["minyak_goreng"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "55" and metrics["Tenaga kerja"] == "382"
    at = app("ringkasan", flt_regencies=["5203"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "–" and metrics["Tenaga kerja"] == "–"
    assert any("kabupaten/kota" in i.value for i in at.info)
