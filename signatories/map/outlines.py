"""Country outlines at the detail a map needs: in Pacific longitudes, thinned, every renderer's basemap."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from signatories import theme
from signatories.borders import load_borders, pacific_view

# Outline vertices keep 2 decimals (~1 km), the 1:50m source's scale.
BASEMAP_DECIMALS: Final = 2


def _simplify_line(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker: drop points closer than `tolerance` (degrees) to the line their neighbours span."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first][:2], points[last][:2]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = first, -1.0
        for index in range(first + 1, last):
            x, y = points[index][:2]
            # Distance to the chord, or to its end point when the ring closes on itself (length 0).
            gap = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _simplify_polygon(rings: list[list[list[float]]], tolerance: float) -> list[list[list[float]]]:
    simplified = []
    for ring in rings:
        points = [[round(x, BASEMAP_DECIMALS), round(y, BASEMAP_DECIMALS)] for x, y, *_ in ring]
        thin = _simplify_line(points, tolerance)
        # A ring needs three corners and its closing point. An island smaller than the tolerance keeps
        # its full outline instead of vanishing: atoll states (Maldives, Cook Islands) are signatories.
        if len(thin) >= 4:
            simplified.append(thin)
        elif len(points) >= 4:
            simplified.append(points)
    return simplified


def simplify_basemap(
    geojson: Mapping[str, Any], tolerance: float = theme.BASEMAP_SIMPLIFY_DEG
) -> dict[str, Any]:
    """Outlines thinned for drawing: the map is re-sent on every filter change, so every point counts.

    Keeps each feature's `iso_a2` only. Coasts and borders move by up to `tolerance`: invisible at the
    region view, a few pixels at city zoom, where the online tiles give the detail.
    """
    features = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry.get("coordinates") or []]
        elif kind == "MultiPolygon":
            polygons = geometry.get("coordinates") or []
        else:
            continue
        kept = [rings for rings in (_simplify_polygon(polygon, tolerance) for polygon in polygons) if rings]
        if kept:
            code = (feature.get("properties") or {}).get("iso_a2", "")
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                    "properties": {"iso_a2": code},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def drawing_basemap(path: Path) -> dict[str, Any]:
    """The outline file at `path` as the map draws it: in Pacific longitudes, thinned."""
    return simplify_basemap(pacific_view(load_borders(path).geojson))
