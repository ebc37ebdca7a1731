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


# -- the phase comparison holds any number of phases ------------------------------------------
import re  # noqa: E402

import pytest  # noqa: E402

from ikm_data import export, slides  # noqa: E402
from ikm_data.queries import Dataset  # noqa: E402
from tests.many_phases import MANY, commit_phases  # noqa: E402


@pytest.fixture
def six_phases(store_with_phase3):
    """Phases 1 and 2 (published), 3 (sample), 4, 5 and 44 (uploaded rows)."""
    return queries.phase_summaries(Dataset.open(commit_phases(store_with_phase3, MANY)))


@pytest.fixture(params=[6, 9])
def many_phases(request, store_with_phase3):
    """Six phases, or nine (6, 7 and 38 besides), five or eight of them with each metric."""
    more = {6: 20, 7: 15, 38: 30} if request.param == 9 else {}
    return queries.phase_summaries(Dataset.open(commit_phases(store_with_phase3, MANY | more)))


def _boxes(svg: str, role: str, start: int = 0) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) of every bar or text in the first group of ``role`` (from ``start``)
    in a rendered SVG; a text's box is estimated from its font size (0.55 em a character)."""
    group = svg[svg.index(role, start):]
    group = group[:group.index("</g>")]
    if "rect mark" in group:
        return [(float(x), float(y), float(x) + float(w), float(y) + float(h)) for x, y, w, h in
                re.findall(r'd="M([-\d.]+),([-\d.]+)h([-\d.]+)v([-\d.]+)h', group)]
    out = []
    for anchor, x, y, size, text in re.findall(
            r'text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)".*?font-size="([\d.]+)px"[^>]*>([^<]*)<',
            group):
        w, h, x, y = 0.55 * float(size) * len(text), float(size), float(x), float(y)
        x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        out.append((x0, y - h, x0 + w, y))
    return out


def _overlapping(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]


def _svg(chart, width: int, height: int | None) -> str:
    """The chart drawn as the deck draws it into a box (``deck.chart_image``), as SVG."""
    import vl_convert as vlc

    spec = export.chart_spec(chart, width)
    if height:
        spec["height"] = height
        spec["autosize"] = {"type": "fit", "contains": "padding"}
    export.register_fonts()
    return vlc.vegalite_to_svg(spec)


# (width, height, type scale): a half-slide of the deck (its two chart boxes at CHART_PPI),
# a half of the Presentasi page (ui.slide_chart), a half-width column of the dashboard.
_SIZES = [(399, 240, slides.SLIDE_SCALE), (580, 370, slides.SLIDE_SCALE), (330, None, 1.0)]


@pytest.mark.parametrize("width, height, scale", _SIZES)
@pytest.mark.parametrize("metric", ["enterprises", "workers"])
def test_phase_chart_with_many_phases_keeps_bars_and_labels_apart(many_phases, metric, width, height, scale):
    """Six or nine phases draw bars, phase names and values that do not run into each other
    nor out of the picture (slides draw the chart without its title: the slide has it)."""
    chart = charts.by_phase(many_phases, metric=metric, lang="id", source="", scale=scale,
                            phase_label=lambda p: slides.phase_name(p, "id"))
    if height:
        chart = slides._bare(chart)
    svg = _svg(chart, width, height)
    bars = _boxes(svg, "layer_0_marks")
    assert len(bars) == many_phases[metric].notna().sum() >= 5
    image_width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    origin = float(re.search(r'transform="translate\(([-\d.]+),', svg).group(1))  # the plot's left edge
    assert origin + max(box[2] for box in _boxes(svg, "layer_1_marks")) <= image_width  # values stay in
    assert not _overlapping(bars)
    assert not _overlapping(_boxes(svg, "layer_1_marks"))
    axes = [i.start() for i in re.finditer("role-axis-label", svg)]
    names = next(b for i in axes if (b := _boxes(svg, "role-axis-label", i)) and
                 svg[i:svg.index("</g>", i)].count(">Tahap ") == len(b))
    assert len(names) == len(bars) and not _overlapping(names)
    assert "Tahap XLIV" in svg and "Tahap 44" not in svg


def test_deck_chart_boxes_are_the_sizes_the_phase_chart_is_checked_at(store_with_phase3):
    """The deck's phase charts are no smaller than the size checked above, even with the
    notes a product filter adds under them."""
    from ikm_data import deck
    from ikm_data.queries import Filters

    ds = Dataset.open(commit_phases(store_with_phase3, MANY))
    phases = next(s for s in slides.build(ds, Filters(phase=3, products=("teh_kelor",)), "id")
                  if s.key == "phases")
    box = deck.chart_boxes(phases)[0]
    assert len(phases.notes) >= 3
    assert abs(round(box.w * deck.CHART_PPI) - _SIZES[0][0]) <= 10
    assert round(box.h * deck.CHART_PPI) >= _SIZES[0][1]


def test_phase_chart_spec_takes_bar_width_from_the_band(six_phases):
    few = six_phases[six_phases["phase"] <= 4]  # three per metric
    for frame, rows in ((six_phases, True), (few, False)):
        spec = charts.by_phase(frame, metric="enterprises", lang="id", source="s", scale=1.6).to_dict()
        bar, text = spec["layer"]
        assert "size" not in bar["mark"]  # no fixed width wider than a band
        phase_channel, value_channel = ("y", "x") if rows else ("x", "y")
        assert bar["encoding"][phase_channel]["field"] == "phase_label"
        assert bar["encoding"][value_channel]["scale"]["domainMax"] > frame["enterprises"].max()
        assert text["mark"]["align"] == ("left" if rows else "center")
    assert bar["encoding"]["x"]["axis"]["labelAngle"] == 0


def test_phase_chart_names_phases_as_asked(dataset):
    frame = queries.phase_summaries(dataset)
    roman = charts.by_phase(frame, metric="enterprises", lang="en", source="s",
                            phase_label=lambda p: slides.phase_name(p, "en")).to_dict()
    assert {r["phase_label"] for r in _values(roman)} == {"Phase I", "Phase III"}
    plain = charts.by_phase(frame, metric="enterprises", lang="id", source="s").to_dict()
    assert {r["phase_label"] for r in _values(plain)} == {"Tahap 1", "Tahap 3"}


def test_phase_chart_marks_only_the_approximate_metric(store_with_phase3):
    """Phase 3's release: 453 enterprises exactly, 'at least' 2,858 workers."""
    store_with_phase3.remove_sample(user="uji")
    frame = queries.phase_summaries(Dataset.open(store_with_phase3))
    labels = {m: {r["phase"]: r["value_label"] for r in _values(charts.by_phase(
        frame, metric=m, lang="id", source="s").to_dict()) if "value_label" in r} for m in ("enterprises", "workers")}
    assert labels == {"enterprises": {1: "57", 3: "453"}, "workers": {2: "± 900", 3: "± 2.858"}}
