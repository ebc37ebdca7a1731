"""Chart layout that a phone needs, checked in the Vega-Lite specs and in vl-convert's
drawing: subtitles wrapped by words, long bar labels drawn whole on several lines, and a
compact map when the chart is narrow."""

import re

import pandas as pd
import pytest
import vl_convert as vlc

from ikm_data import charts, queries
from ikm_data.geo import load_coastline

SOURCE = ("Sumber: data contoh (sintetis) v1, disusun agar sama dengan rilis Dinas "
          "Perindustrian NTB, Tahap III (Juli 2020)")


def _values(spec):
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _builders(dataset, phase3):
    products = queries.by_product(dataset, phase3)
    regions = queries.by_regency(dataset, phase3)
    return [
        charts.by_product(products, lang="id", source=SOURCE),
        charts.by_worker_group(queries.worker_groups(dataset, phase3, "id"), lang="id", source=SOURCE),
        charts.by_regency(regions, lang="id", source=SOURCE),
        charts.ntb_map(regions, load_coastline(), lang="id", source=SOURCE),
        charts.by_phase(queries.phase_summaries(dataset), metric="workers", lang="id", source=SOURCE),
    ]


def test_every_subtitle_wraps_by_words_short_enough_for_a_phone(dataset, phase3):
    for chart in _builders(dataset, phase3):
        lines = chart.to_dict()["title"]["subtitle"]
        assert len(lines) > 1 and all(len(x) <= charts.SUBTITLE_WIDTH for x in lines), lines
        assert " ".join(lines) == SOURCE  # nothing cut, nothing split inside a word


@pytest.mark.parametrize("label,lines", [
    ("Moringa tea / Ginger drink / Palm sugar crystals", ["Moringa tea /", "Ginger drink /", "Palm sugar crystals"]),
    ("Teh Kelor / Serbat Jahe / Gula Semut", ["Teh Kelor /", "Serbat Jahe /", "Gula Semut"]),
    ("Lombok Timur", ["Lombok Timur"]),
    ("Kerajinan anyaman ketak dan bambu khas Lombok", ["Kerajinan anyaman", "ketak dan bambu khas", "Lombok"]),
])
def test_long_labels_wrap_whole(label, lines):
    assert charts.wrap_label(label) == lines
    assert " ".join(lines) == label


def test_worker_group_labels_are_drawn_whole_on_several_lines(dataset, phase3):
    groups = queries.worker_groups(dataset, phase3, "en")
    chart = charts.by_worker_group(groups, lang="en", source="s")
    spec = chart.to_dict()
    y = spec["layer"][0]["encoding"]["y"]
    assert y["axis"]["labelExpr"] == "split(datum.label, '\\n')"
    shown = {r[y["field"]] for r in _values(spec)}
    assert "Moringa tea /\nGinger drink /\nPalm sugar crystals" in shown
    assert spec["height"]["step"] >= 3 * 16  # three lines of 13 px type fit in a row
    svg = vlc.vegalite_to_svg(chart.properties(width=340).to_dict())
    texts = re.findall(r"<tspan[^>]*>([^<]*)</tspan>|<text[^>]*>([^<]+)</text>", svg)
    drawn = {a or b for a, b in texts}
    assert {"Moringa tea /", "Ginger drink /", "Palm sugar crystals"} <= drawn
    assert not any("…" in x for x in drawn)  # no label or subtitle cut


def _map_texts(chart, width):
    svg = vlc.vegalite_to_svg(chart.properties(width=width).to_dict())
    return set(re.findall(r"<text[^>]*>([^<]+)</text>", svg))


def test_map_is_compact_when_narrow_and_full_when_wide(dataset, phase3):
    regions = queries.by_regency(dataset, phase3)
    chart = charts.ntb_map(regions, load_coastline(), lang="id", source="s")
    spec = chart.to_dict()
    filters = [t["filter"] for layer in spec["layer"] for t in layer.get("transform", [])]
    assert filters.count(f"width < {charts.NARROW_MAP}") >= 1  # compact labels, placed in pixels
    assert filters.count(f"!(width < {charts.NARROW_MAP})") == 3  # full labels, by alignment
    narrow, wide = _map_texts(chart, 340), _map_texts(chart, 900)
    assert {"Lombok Timur (123)", "Kota Mataram (43)", "Sumbawa Barat (11)"} <= wide
    assert not {"KSB 11", "123"} & wide
    # narrow: Lombok's five seats show their count only, the others a short name
    assert {"123", "73", "62", "43", "14", "KSB 11", "Sumbawa 41", "Kota Bima 16"} <= narrow
    assert not any("(" in x for x in narrow)


def test_map_circles_shrink_when_narrow(dataset, phase3):
    regions = queries.by_regency(dataset, phase3)
    spec = charts.ntb_map(regions, load_coastline(), lang="id", source="s").to_dict()
    size = spec["layer"][1]["encoding"]["size"]["scale"]["range"]
    assert size[1] == {"expr": "width < 640 ? 300 : 1100"}


def test_map_places_a_compact_label_for_every_seat():
    assert set(charts._NARROW_LABEL) == set(charts._LABEL_OFFSET)
    frame = pd.DataFrame({"regency": ["Baru"], "regency_code": ["5299"], "enterprises": [3],
                          "workers": [4], "lat": [-8.6], "lon": [117.0]})
    narrow = _map_texts(charts.ntb_map(frame, load_coastline(), lang="id", source="s"), 340)
    assert "3" in narrow  # a seat outside the table still gets its count
