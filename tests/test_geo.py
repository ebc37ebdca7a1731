"""Tests for the committed NTB coastline geometry (data/ntb_coastline.geojson)."""

import csv
import math

import pytest

from ikm_data.geo import COASTLINE_PATH, DATA_DIR, load_coastline


def _polygons(feature):
    geom = feature["geometry"]
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    assert geom["type"] == "MultiPolygon"
    return geom["coordinates"]


def _all_polygons():
    return [poly for f in load_coastline()["features"] for poly in _polygons(f)]


def _signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2.0


def _point_in_ring(x, y, ring):
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _inside(x, y, poly):
    return _point_in_ring(x, y, poly[0]) and not any(_point_in_ring(x, y, h) for h in poly[1:])


def _distance_to_land(x, y):
    """0 when the point is on land, else the distance in degrees to the nearest coast."""
    polys = _all_polygons()
    if any(_inside(x, y, p) for p in polys):
        return 0.0
    return min(
        _seg_dist(x, y, *a, *b) for p in polys for ring in p for a, b in zip(ring, ring[1:])
    )


def _seats():
    with (DATA_DIR / "regencies.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["name"], float(r["seat_lon"]), float(r["seat_lat"])) for r in csv.DictReader(fh)]


def test_loads_as_feature_collection():
    gj = load_coastline()
    assert gj["type"] == "FeatureCollection"
    assert gj["features"]
    assert load_coastline() is gj  # cached
    for f in gj["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert f["properties"]["name"]


def test_lombok_and_sumbawa_are_island_sized():
    by_name = {f["properties"]["name"]: f for f in load_coastline()["features"]}
    # Lombok ~4,700 km2 (~0.38 deg2), Sumbawa ~15,000 km2 (~1.2 deg2).
    lombok = abs(_signed_area(_polygons(by_name["Lombok"])[0][0]))
    sumbawa = abs(_signed_area(_polygons(by_name["Sumbawa"])[0][0]))
    assert 0.3 < lombok < 0.5
    assert 1.0 < sumbawa < 1.4


def test_rings_closed_lon_lat_and_clockwise_for_d3():
    for poly in _all_polygons():
        for i, ring in enumerate(poly):
            assert len(ring) >= 4
            assert ring[0] == ring[-1]
            for lon, lat in ring:
                assert 115.7 <= lon <= 119.35 and -9.2 <= lat <= -8.0
            # d3 / Vega-Lite geoshape: exterior clockwise (negative shoelace area), holes anticlockwise.
            assert (_signed_area(ring) < 0) == (i == 0)


@pytest.mark.parametrize("name,lon,lat", _seats())
def test_every_regency_seat_is_on_or_near_land(name, lon, lat):
    assert _distance_to_land(lon, lat) <= 0.1, name


@pytest.mark.parametrize("place,lon,lat", [("Denpasar", 115.22, -8.65), ("Labuan Bajo", 119.88, -8.50)])
def test_neighbouring_provinces_are_outside(place, lon, lat):
    assert not any(_inside(lon, lat, p) for p in _all_polygons()), place
    assert _distance_to_land(lon, lat) > 0.1, place


def test_file_is_small():
    assert COASTLINE_PATH.stat().st_size < 200 * 1024
