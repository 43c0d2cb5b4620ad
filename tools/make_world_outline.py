"""Write `src/fivew/web/world.json`, the coarse country outlines the web page's map draws.

Input: `countries-110m.json` from the npm package `world-atlas` 2.0.2 (TopoJSON built from
Natural Earth 1:110m admin-0 countries; Natural Earth is public domain, world-atlas is ISC).
Get it with `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`, then run
`python tools/make_world_outline.py package/countries-110m.json src/fivew/web/world.json`.

Output: `{"source": ..., "countries": [{"id", "name", "rings": [[lon, lat, lon, lat, ...]]}]}`
with coordinates rounded to 0.1 degree: a flat list per ring keeps the file small (the page
only draws outlines; it needs no topology). No dependency beyond the standard library.
"""

from __future__ import annotations

import json
import sys
from typing import Any

SOURCE = (
    "Natural Earth 1:110m admin-0 countries (public domain), via the world-atlas 2.0.2 "
    "TopoJSON (ISC); decoded and rounded to 0.1 degree by tools/make_world_outline.py"
)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantized and delta-coded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    """One closed ring; a negative index ~i means arc i reversed (TopoJSON convention)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share an end point
    flat: list[float] = []
    last = None
    for lon, lat in points:
        point = (round(lon, 1), round(lat, 1))
        if point != last:  # rounding merges neighbours; drop the repeats
            flat.extend(point)
            last = point
    return flat


def main(src: str, dst: str) -> None:
    with open(src, encoding="utf-8") as fh:
        topology = json.load(fh)
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        rings = [r for r in rings if len(r) >= 6]  # at least a triangle after rounding
        name = geometry.get("properties", {}).get("name", "")
        countries.append({"id": geometry.get("id"), "name": name, "rings": rings})
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump({"source": SOURCE, "countries": countries}, fh, separators=(",", ":"))
    print(f"{dst}: {len(countries)} countries, {sum(len(c['rings']) for c in countries)} rings")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
