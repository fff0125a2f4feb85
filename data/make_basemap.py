"""Build data/countries.geojson, the offline country basemap, from Natural Earth.

Source: Natural Earth 1:50m Admin 0 countries (public domain, https://www.naturalearthdata.com/),
as packaged in TopoJSON by the npm package world-atlas, version 2.0.2 (pinned below; its
countries-50m.json). The 1:50m scale is needed because the 1:110m one has no Maldives, Cook
Islands or Samoa at all; even at 1:50m the Maldives are two atolls (Male's among them) and the
Cook Islands are Rarotonga alone.

The package is fetched with `npm pack` into a temporary directory and unpacked with tarfile, so
nothing from npm (no node_modules) stays in the repository. TopoJSON is decoded here in plain
Python rather than with a new dependency: the format is small and stable. world-atlas joins the
polygons that Natural Earth cuts at the antimeridian (Chukotka, Fiji, the Aleutians); they are cut
again here, as RFC 7946 asks, so that every ring stays within -180..180 without wrapping.

Only countries that reach into the Asia-Pacific window the dashboard shows are kept, and of those
only the parts (polygons) that reach into it: Alaska and Hawaii stay, the contiguous United States
goes; Reunion stays, metropolitan France goes; the Arctic islands north of the window go too. With
coordinates rounded as well, the committed file stays well under a megabyte. Outlines are
therefore complete only inside the window.

Re-run with: .venv/bin/python data/make_basemap.py
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

WORLD_ATLAS_VERSION = "2.0.2"
TOPOJSON_MEMBER = "package/countries-50m.json"
OUTPUT = Path(__file__).resolve().parent / "countries.geojson"

# 3 decimals is ~100 m, finer than the 1:50m source's own precision (~0.0036 degrees of longitude).
DECIMALS = 3

# (west, south, east, north) boxes. Samoa and the Cook Islands lie just east of the antimeridian,
# at negative longitudes, hence a second box.
WINDOW = ((20.0, -50.0, 180.0, 65.0), (-180.0, -50.0, -150.0, 65.0))

Point = tuple[float, float]
Position = list[float]
Ring = list[Position]
PolygonCoords = list[Ring]


def fetch_topojson(workdir: Path) -> dict[str, Any]:
    """Download the pinned world-atlas tarball and return its parsed 1:50m countries topology."""
    result = subprocess.run(
        ["npm", "pack", f"world-atlas@{WORLD_ATLAS_VERSION}", "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball, "r:gz") as archive:
        member = archive.extractfile(TOPOJSON_MEMBER)
        if member is None:
            raise RuntimeError(f"{TOPOJSON_MEMBER} missing from {tarball.name}")
        topology: dict[str, Any] = json.load(member)
    return topology


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Turn quantised, delta-encoded arcs into absolute (lon, lat) positions."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for encoded in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in encoded:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_from_arcs(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ~i means arc i walked backwards."""
    ring: list[Point] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point; keep it once.
        ring.extend(points[1:] if ring else points)
    return ring


def clean_ring(points: list[Point]) -> Ring:
    """Round, drop repeats that rounding creates, and keep the ring closed; [] if it collapses."""
    ring: Ring = []
    for lon, lat in points:
        position = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not ring or position != ring[-1]:
            ring.append(position)
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    # A closed ring needs four positions to enclose any area.
    return ring if len(ring) >= 4 else []


def unwrap(ring: list[Point]) -> list[Point]:
    """Make longitudes continuous: a ring that crosses the antimeridian runs past 180 instead of jumping."""
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        previous = unwrapped[-1][0]
        unwrapped.append((lon + 360.0 * round((previous - lon) / 360.0), lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180.0:
        raise RuntimeError("a ring encloses a pole; cutting it at the antimeridian is not supported")
    return unwrapped


def clip_to_band(ring: list[Point], west: float, east: float) -> list[Point]:
    """Sutherland-Hodgman clipping of a closed ring to west <= lon <= east (a convex region)."""
    for edge, keep_west in ((east, True), (west, False)):
        open_ring = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
        clipped: list[Point] = []
        for i, current in enumerate(open_ring):
            previous = open_ring[i - 1]
            current_in = current[0] <= edge if keep_west else current[0] >= edge
            previous_in = previous[0] <= edge if keep_west else previous[0] >= edge
            if current_in != previous_in:
                (x1, y1), (x2, y2) = previous, current
                clipped.append((edge, y1 + (edge - x1) * (y2 - y1) / (x2 - x1)))
            if current_in:
                clipped.append(current)
        ring = [*clipped, clipped[0]] if clipped else []
    return ring


def cut_at_antimeridian(polygon: list[list[Point]]) -> list[list[list[Point]]]:
    """Split a polygon that crosses the antimeridian into pieces that each stay within -180..180.

    world-atlas stitches Natural Earth's antimeridian cuts back together (Chukotka, Fiji, the
    Aleutians), which suits spherical renderers but breaks planar ones and point-in-polygon tests:
    an edge from 179.9 to -179.9 would span the whole map. RFC 7946 (section 3.1.9) asks for the cut.
    """
    outer = unwrap(polygon[0])
    low = min(lon for lon, _ in outer)
    holes = []
    for hole in polygon[1:]:
        hole = unwrap(hole)
        # Put each hole on the same turn of the globe as the outer ring around it.
        shift = 360.0 * math.floor((hole[0][0] - low) / 360.0)
        holes.append([(lon - shift, lat) for lon, lat in hole])
    if all(-180.0 <= lon <= 180.0 for ring in (outer, *holes) for lon, _ in ring):
        return [polygon]
    pieces = []
    for turn in (-1, 0, 1):
        west, east = -180.0 + 360.0 * turn, 180.0 + 360.0 * turn
        rings = [clip_to_band(ring, west, east) for ring in (outer, *holes)]
        if not rings[0]:
            continue
        shifted = [[(lon - 360.0 * turn, lat) for lon, lat in ring] for ring in rings if ring]
        pieces.append(shifted)
    return pieces


def polygons_of(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[PolygonCoords]:
    """The geometry's polygons that reach into the window, cut at the antimeridian and rounded."""
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    polygons = []
    for part in parts:
        raw = [ring_from_arcs(indices, arcs) for indices in part]
        # Window first: Antarctica, which encloses a pole and cannot be cut, is outside it.
        if not in_window(raw[0]):
            continue
        for piece in cut_at_antimeridian(raw):
            rings = [clean_ring(ring) for ring in piece]
            if not rings[0] or not in_window(rings[0]):
                continue  # an outline that vanished at this precision takes its holes with it
            polygons.append([rings[0], *(ring for ring in rings[1:] if ring)])
    return polygons


def in_window(outer: Sequence[Sequence[float]]) -> bool:
    lons = [point[0] for point in outer]
    lats = [point[1] for point in outer]
    return any(
        min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south
        for west, south, east, north in WINDOW
    )


def iso_a2(numeric: str | None) -> str:
    """Alpha-2 for an ISO 3166-1 numeric id; "" for areas without one (e.g. disputed territories)."""
    if not numeric:
        return ""
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_2 if country else ""


def build_feature_collection(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = polygons_of(geometry, arcs)
        if not polygons:
            continue
        shape: dict[str, Any] = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        properties = {"iso_a2": iso_a2(geometry.get("id")), "name": geometry["properties"]["name"]}
        features.append({"type": "Feature", "properties": properties, "geometry": shape})
    features.sort(key=lambda feature: (feature["properties"]["iso_a2"] or "~", feature["properties"]["name"]))
    return {"type": "FeatureCollection", "features": features}


def write_atomically(path: Path, text: str) -> None:
    """Readers (the running dashboard, tests) never see a half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        # mkstemp creates the file private (0600); a committed data file should be world-readable.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        topology = fetch_topojson(Path(workdir))
    collection = build_feature_collection(topology)
    # One feature per line: compact, yet diffs between regenerations stay readable.
    lines = ",\n".join(json.dumps(feature, separators=(",", ":")) for feature in collection["features"])
    write_atomically(OUTPUT, '{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n")
    size = OUTPUT.stat().st_size
    count = len(collection["features"])
    print(f"wrote {OUTPUT.name}: {size:,} bytes ({size / 1_000_000:.2f} MB), {count} features")


if __name__ == "__main__":
    main()
