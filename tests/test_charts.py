"""Chart builders, checked through their Vega-Lite specs."""

import json

from ikm_data import charts, queries
from ikm_data.geo import load_coastline


def _values(spec):
    """Every inline data row anywhere in a spec (datasets and layers)."""
    rows = []
    for dataset in spec.get("datasets", {}).values():
        rows += dataset
    return rows


def test_product_chart_holds_the_counts_and_the_source(dataset, phase3):
    frame = queries.by_product(dataset, phase3)
    spec = charts.by_product(frame, lang="id", source="Sumber: uji").to_dict()
    rows = {r["product_code"]: r["enterprises"] for r in _values(spec) if "product_code" in r}
    assert rows["minyak_goreng"] == 55 and rows["susu_kedelai"] == 138
    assert spec["title"]["text"] == "Jumlah IKM per produk"
    assert spec["title"]["subtitle"] == ["Sumber: uji"]
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert [p["name"] for p in spec["params"]] == [charts.SELECT_PRODUCT]


def test_values_are_written_beside_the_bars_in_id_format(dataset, phase3):
    frame = queries.by_product(dataset, phase3)
    spec = charts.by_product(frame, lang="en", source="s").to_dict()
    text_layers = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert text_layers and text_layers[0]["encoding"]["text"]["format"] == ",d"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "IKM/SMEs"


def test_long_sources_wrap_instead_of_being_cut():
    import pandas as pd

    frame = pd.DataFrame({"product": ["A"], "product_code": ["a"], "enterprises": [1], "workers": [1]})
    spec = charts.by_product(frame, lang="id", source="Sumber: " + "x " * 80).to_dict()
    assert len(spec["title"]["subtitle"]) > 1


def test_map_draws_the_coastline_and_every_regency_with_enterprises(dataset, phase3):
    frame = queries.by_regency(dataset, phase3)
    spec = charts.ntb_map(frame, load_coastline(), lang="id", source="s").to_dict()
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    labels = [r["label"] for r in _values(spec) if "label" in r]
    assert "Lombok Timur (123)" in labels and len(labels) == 10
    assert load_coastline()["features"][0]["type"] == "Feature"  # the cached geometry was not mutated


def test_phase_chart_marks_approximate_figures(dataset):
    frame = queries.phase_summaries(dataset)
    spec = charts.by_phase(frame, metric="workers", lang="id", source="s").to_dict()
    labels = {r["phase"]: r["value_label"] for r in _values(spec) if "value_label" in r}
    assert labels == {2: "± 900", 3: "2.858"}
    assert json.dumps(spec).count("Tahap 1") == 0  # phase 1 has no department worker figure
