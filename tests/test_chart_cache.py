"""A warm page view does not rebuild its charts (issue 13): a chart's Vega-Lite spec is kept
per distinct input (``chart_key``), and a changed input draws a new one."""

import functools

import pandas as pd
import pyarrow as pa
from tests import apptest

from ikm_data import charts
from ikm_data.chart_key import chart_key
from ikm_data.geo import load_coastline


def _frame(n=3):
    return pd.DataFrame({"regency": ["Kota Mataram", "Lombok Barat"], "enterprises": [n, 5]})


def test_the_key_follows_every_input():
    key = chart_key(charts.by_regency, (_frame(),), {"lang": "id", "source": "s"})
    assert key == chart_key(charts.by_regency, (_frame(),), {"source": "s", "lang": "id"})
    others = [
        chart_key(charts.by_regency, (_frame(4),), {"lang": "id", "source": "s"}),  # a value
        chart_key(charts.by_regency, (_frame().astype({"enterprises": "float64"}),), {"lang": "id", "source": "s"}),
        chart_key(charts.by_regency, (_frame().set_axis([5, 6]),), {"lang": "id", "source": "s"}),  # the index
        chart_key(charts.by_regency, (_frame(),), {"lang": "en", "source": "s"}),
        chart_key(charts.by_regency, (_frame(),), {"lang": "id", "source": "s", "interactive": False}),
        chart_key(charts.by_product, (_frame(),), {"lang": "id", "source": "s"}),  # another chart
        chart_key(charts.ntb_map, (_frame(), load_coastline()), {"lang": "id", "source": "s"}),
    ]
    assert len({key, *others}) == len(others) + 1


def test_an_input_it_cannot_read_gives_no_key():
    assert chart_key(charts.by_phase, (_frame(),), {"phase_label": lambda p: f"Tahap {p}"}) is None
    assert chart_key(charts.by_regency, (pd.DataFrame({"a": [[1], [2]]}),), {}) is None


def test_the_map_geometry_is_prepared_once_and_never_changed():
    before = load_coastline()["features"][0]["geometry"]["coordinates"][0][:3]
    assert charts._land() is charts._land()
    spec = charts.ntb_map(_frame().assign(regency_code=["5271", "5201"], lon=[116.1, 116.0], lat=[-8.6, -8.5],
                                          workers=[9, 12]), lang="id", source="s").to_dict()
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    assert load_coastline()["features"][0]["geometry"]["coordinates"][0][:3] == before


def test_a_warm_view_does_not_rebuild_its_charts(app, monkeypatch):
    from ikm_data.ui import widgets

    built = []
    for name in ("ntb_map", "by_regency"):
        original = getattr(charts, name)
        counted = functools.wraps(original)(lambda *a, _f=original, **k: built.append(_f.__name__) or _f(*a, **k))
        monkeypatch.setattr(charts, name, counted)
    widgets._built_spec.clear()
    at = app("wilayah")
    assert sorted(built) == ["by_regency", "ntb_map"]
    at.run()
    at.run()
    assert sorted(built) == ["by_regency", "ntb_map"]  # reruns reuse both specs
    assert len(at.get("vega_lite_chart")) == 2
    apptest.widget(at, "multiselect", "flt_regencies").set_value(["5271"]).run()
    assert sorted(built) == ["by_regency", "by_regency", "ntb_map", "ntb_map"]  # new figures, new charts
    datasets = at.get("vega_lite_chart")[1].proto.datasets
    rows = [r for d in datasets for r in pa.ipc.open_stream(d.data.data).read_all().to_pylist()]
    assert {r["regency_code"]: r["enterprises"] for r in rows if "regency_code" in r}["5201"] == 0
