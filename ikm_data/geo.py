"""Offline map geometry for NTB: the coastline of Lombok, Sumbawa and the small islands.

``data/ntb_coastline.geojson`` is built once from Natural Earth (public domain) by
``scripts/build_ntb_coastline.py`` and committed, so loading it needs no internet and no
geo package. Its exterior rings are clockwise in lon/lat, the order Vega-Lite's
``mark_geoshape`` (d3) expects; draw it with
``alt.Chart(alt.Data(values=load_coastline()["features"])).mark_geoshape(...)``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COASTLINE_PATH = DATA_DIR / "ntb_coastline.geojson"


@lru_cache(maxsize=1)
def load_coastline() -> dict:
    """Return the NTB coastline as a GeoJSON FeatureCollection (cached; do not mutate)."""
    with COASTLINE_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)
