"""Country outlines at the detail a map needs: in Pacific longitudes, thinned, every renderer's basemap."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from signatories import theme
from signatories.borders import load_borders, pacific_view
from signatories.map.camera import degrees_per_px

# Outline vertices keep 2 decimals (~1 km), the 1:50m source's scale.
BASEMAP_DECIMALS: Final = 2

Position = tuple[float, float]

# The thinnings a live map chooses from (each served as files, see map.web_files): the region view's, a
# third of the bytes, and the close views' (a country, a fitted selection, the display's spotlight).
DRAWING_TOLERANCES: Final = (theme.REGION_BASEMAP_SIMPLIFY_DEG, theme.BASEMAP_SIMPLIFY_DEG)


def tolerance_for_zoom(zoom: float) -> float:
    """The coarsest drawing tolerance that moves a coast by at most `theme.OUTLINE_ERROR_PX` at `zoom`, or
    the finest when none is that fine: the fewest bytes that still look right."""
    allowed = theme.OUTLINE_ERROR_PX * degrees_per_px(zoom)
    fitting = [tolerance for tolerance in DRAWING_TOLERANCES if tolerance <= allowed]
    return max(fitting) if fitting else min(DRAWING_TOLERANCES)


def _simplify_line(points: Sequence[Position], tolerance: float) -> list[Position]:
    """Douglas-Peucker: drop points closer than `tolerance` (degrees) to the line their neighbours span."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = first, -1.0
        for index in range(first + 1, last):
            x, y = points[index]
            # Distance to the chord, or to its end point when the ring closes on itself (length 0).
            gap = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _shared_border_ends(rings: list[list[Position]]) -> set[Position]:
    """The vertices where a border shared by two outlines begins or ends (TopoJSON's arc junctions).

    A vertex inside a shared border has the same two neighbours in every ring that holds it; where the
    neighbours differ, the border forks. Keeping these fixed and thinning each stretch between them
    once, the same way for both countries, leaves no gaps or overlaps along a land border.
    """
    neighbours: dict[Position, set[frozenset[Position]]] = {}
    for ring in rings:
        open_ring = ring[:-1]
        for index, point in enumerate(open_ring):
            pair = frozenset((open_ring[index - 1], open_ring[(index + 1) % len(open_ring)]))
            neighbours.setdefault(point, set()).add(pair)
    return {point for point, pairs in neighbours.items() if len(pairs) > 1}


class _Thinner:
    """Douglas-Peucker over every ring of a basemap, each shared border thinned once for both sides."""

    def __init__(self, rings: list[list[Position]], tolerance: float) -> None:
        self.tolerance = tolerance
        self.fixed = _shared_border_ends(rings)
        self.stretches: dict[tuple[Position, ...], list[Position]] = {}

    def stretch(self, points: list[Position]) -> list[Position]:
        """One stretch between fixed vertices, thinned the same whichever way a ring runs along it."""
        forward = tuple(points)
        backward = forward[::-1]
        key = min(forward, backward)
        if key not in self.stretches:
            self.stretches[key] = _simplify_line(key, self.tolerance)
        thin = self.stretches[key]
        return thin if key == forward else thin[::-1]

    def ring(self, ring: list[Position]) -> list[Position]:
        cuts = [index for index, point in enumerate(ring[:-1]) if point in self.fixed]
        if not cuts:
            return _simplify_line(ring, self.tolerance)
        # Start at a fixed vertex, then thin stretch by stretch up to the next one.
        start = cuts[0]
        rotated = ring[start:-1] + ring[:start] + [ring[start]]
        cuts = [index - start if index >= start else index - start + len(ring) - 1 for index in cuts]
        cuts.append(len(rotated) - 1)
        thin: list[Position] = [rotated[0]]
        for first, last in itertools.pairwise(cuts):
            thin.extend(self.stretch(rotated[first : last + 1])[1:])
        return thin


def feature_polygons(feature: Mapping[str, Any]) -> list[Any]:
    """A GeoJSON feature's polygons (each a list of rings), whether it is a Polygon or a MultiPolygon;
    none for any other geometry."""
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") or []
    kind = geometry.get("type")
    if kind == "Polygon":
        return [coordinates]
    return list(coordinates) if kind == "MultiPolygon" else []


def _rounded_ring(ring: list[list[float]]) -> list[Position]:
    return [(round(x, BASEMAP_DECIMALS), round(y, BASEMAP_DECIMALS)) for x, y, *_ in ring]


def _small_ring(points: list[Position], tolerance: float) -> list[Position]:
    """An island smaller than the tolerance, thinned as far as it keeps a shape (three corners and its
    closing point) instead of vanishing: atoll states (Maldives, Cook Islands) are signatories."""
    while tolerance > 10**-BASEMAP_DECIMALS:
        tolerance /= 2
        thin = _simplify_line(points, tolerance)
        if len(thin) >= 4:
            return thin
    return points


def simplify_basemap(
    geojson: Mapping[str, Any], tolerance: float = theme.BASEMAP_SIMPLIFY_DEG
) -> dict[str, Any]:
    """Outlines thinned for drawing: the map is re-sent on every filter change, so every point counts.

    Keeps each feature's `iso_a2` only. Coasts and borders move by up to `tolerance`: invisible at the
    region view, a few pixels at city zoom, where the online tiles give the detail.
    """
    outlines: list[tuple[str, list[list[list[Position]]]]] = []
    for feature in geojson.get("features", []):
        polygons = feature_polygons(feature)
        if not polygons:
            continue
        code = str((feature.get("properties") or {}).get("iso_a2", ""))
        outlines.append((code, [[_rounded_ring(ring) for ring in polygon] for polygon in polygons]))
    thinner = _Thinner(
        [ring for _, polygons in outlines for polygon in polygons for ring in polygon], tolerance
    )
    features = []
    for code, polygons in outlines:
        kept = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                if len(ring) < 4:
                    continue
                thin = thinner.ring(ring)
                rings.append(thin if len(thin) >= 4 else _small_ring(ring, tolerance))
            if rings:
                kept.append([[list(point) for point in ring] for ring in rings])
        if kept:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                    "properties": {"iso_a2": code},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def drawing_basemap(path: Path, tolerance: float = theme.BASEMAP_SIMPLIFY_DEG) -> dict[str, Any]:
    """The outline file at `path` as the map draws it: in Pacific longitudes, thinned to `tolerance`."""
    return simplify_basemap(pacific_view(load_borders(path).geojson), tolerance)


def land_borders(geojson: Mapping[str, Any]) -> list[tuple[Position, Position]]:
    """The segments two outlines share: land borders, where a line carries information.

    A coast needs no line (land and sea differ in colour), and a border does: without it neighbouring
    countries of the same fill would merge. `simplify_basemap` thins a shared border once for both sides,
    so its segments match exactly. A segment two parts of one country share (Russia's, cut at the
    antimeridian) is no border. Each segment appears once, in a fixed order.
    """
    owners: dict[tuple[Position, Position], set[int]] = {}
    for number, feature in enumerate(geojson.get("features", [])):
        for polygon in feature_polygons(feature):
            for ring in polygon:
                points = [(float(x), float(y)) for x, y, *_ in ring]
                for start, end in itertools.pairwise(points):
                    if start != end:
                        key = (start, end) if start < end else (end, start)
                        owners.setdefault(key, set()).add(number)
    return [segment for segment, features in owners.items() if len(features) > 1]
