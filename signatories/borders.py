"""Country outlines for checking geocoded points and for drawing the basemap, without GIS libraries.

The outlines are Natural Earth 1:50m (data/countries.geojson, built by data/make_basemap.py). Only a
few dozen geocoded addresses are checked against them, so plain ray casting with bounding-box
pre-checks is fast enough, and it keeps shapely and its native libraries out of the dependencies.

Coarse outlines miss coastal detail: a harbour-front city can fall into the "sea" (Apia by a few
hundred metres, Balikpapan by six kilometres). `Borders.contains` therefore takes a tolerance in
kilometres.

`pacific_view` exists because the basemap's polygons are cut at the antimeridian (as in Natural
Earth and as RFC 7946 asks): on a map centred on Asia, Samoa (-171.8) and the Cook Islands (-159.8)
would otherwise be drawn at the far western edge of the world instead of just east of Papua New
Guinea.
"""

from __future__ import annotations

import copy
import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from signatories.errors import DataError

EARTH_RADIUS_KM = 6371.0088

# The cut runs through the open Atlantic, where none of the shown countries has land; everything
# west of it (the Americas and the eastern Pacific) moves one turn east so the Pacific stays whole.
PACIFIC_CUT_LONGITUDE = -30.0

Point = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = tuple[Point, ...]
BBox = tuple[float, float, float, float]  # (west, south, east, north)


def pacific_longitude(lon: float) -> float:
    """The longitude to draw at on a map centred on Asia and the Pacific."""
    return lon + 360.0 if lon < PACIFIC_CUT_LONGITUDE else lon


def pacific_longitudes(longitudes: np.ndarray) -> np.ndarray:
    """`pacific_longitude` of every value at once."""
    return np.where(longitudes < PACIFIC_CUT_LONGITUDE, longitudes + 360.0, longitudes)


def pacific_view(geojson: dict[str, Any]) -> dict[str, Any]:
    """A copy of `geojson` with every longitude passed through `pacific_longitude`.

    Shifting point by point is safe only because no ring crosses the cut: the basemap's rings are cut
    at the antimeridian (RFC 7946), and at -30 there is only ocean (and the Azores, not in the file).
    """
    shifted = copy.deepcopy(geojson)
    _shift_in_place(shifted)
    return shifted


def _shift_in_place(node: Any) -> None:
    if isinstance(node, dict):
        # A stored bbox would describe the unshifted shapes; dropping it is better than lying.
        node.pop("bbox", None)
        for key, value in node.items():
            if key == "coordinates":
                node[key] = _shift_coordinates(value)
            else:
                _shift_in_place(value)
    elif isinstance(node, list):
        for item in node:
            _shift_in_place(item)


def _shift_coordinates(value: Any) -> Any:
    if value and isinstance(value[0], int | float):
        return [pacific_longitude(value[0]), *value[1:]]
    return [_shift_coordinates(item) for item in value]


@dataclass(frozen=True)
class Polygon:
    """One outer ring and its holes; the box lets most point tests stop before any ray casting."""

    rings: tuple[Ring, ...]
    bbox: BBox

    @classmethod
    def from_rings(cls, rings: Sequence[Sequence[Sequence[float]]]) -> Polygon:
        points = tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in rings)
        outer = points[0]
        lons = [lon for lon, _ in outer]
        lats = [lat for _, lat in outer]
        return cls(points, (min(lons), min(lats), max(lons), max(lats)))

    def contains(self, lon: float, lat: float) -> bool:
        west, south, east, north = self.bbox
        if not (west <= lon <= east and south <= lat <= north):
            return False
        # Even-odd over all rings at once: inside the outer ring and in no hole.
        return sum(_crossings(ring, lon, lat) for ring in self.rings) % 2 == 1


def _crossings(ring: Ring, lon: float, lat: float) -> int:
    """How many edges of `ring` a ray from the point towards +lon crosses."""
    count = 0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        # Half-open test on latitude so a ray through a vertex counts it exactly once.
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            count += 1
        x1, y1 = x2, y2
    return count


@dataclass(frozen=True)
class Country:
    iso_a2: str
    name: str
    polygons: tuple[Polygon, ...]


class Borders:
    """Country outlines keyed by ISO 3166-1 alpha-2; also keeps the GeoJSON they came from for drawing."""

    def __init__(self, countries: Iterable[Country], geojson: dict[str, Any]) -> None:
        self.geojson = geojson
        # Natural Earth gives some countries several features (Australia and Ashmore and Cartier
        # Islands); for the questions asked here they are one country.
        merged: dict[str, list[Polygon]] = {}
        names: dict[str, str] = {}
        for country in countries:
            if not country.iso_a2:
                continue  # disputed areas have no code to answer with
            merged.setdefault(country.iso_a2, []).extend(country.polygons)
            names.setdefault(country.iso_a2, country.name)
        self._polygons = {code: tuple(polygons) for code, polygons in merged.items()}
        self.names = names

    @classmethod
    def from_geojson(cls, geojson: dict[str, Any]) -> Borders:
        if geojson.get("type") != "FeatureCollection":
            raise DataError("country borders: expected a GeoJSON FeatureCollection")
        countries = [_country(feature) for feature in geojson.get("features", [])]
        return cls(countries, geojson)

    @property
    def iso_codes(self) -> frozenset[str]:
        return frozenset(self._polygons)

    def country_at(self, lat: float, lon: float) -> str | None:
        """The alpha-2 code of the country containing the point, None at sea or in a disputed area."""
        lon = _normalise_longitude(lon)
        for code, polygons in self._polygons.items():
            if any(polygon.contains(lon, lat) for polygon in polygons):
                return code
        return None

    def distance_km(self, lat: float, lon: float, iso_a2: str) -> float:
        """Kilometres from the point to the country's outline: 0 inside, `math.inf` for an unknown country."""
        polygons = self._polygons.get(iso_a2)
        if not polygons:
            return math.inf
        lon = _normalise_longitude(lon)
        if any(polygon.contains(lon, lat) for polygon in polygons):
            return 0.0
        best = math.inf
        for polygon in polygons:
            # No point of a polygon is nearer than its latitude band: skip far polygons cheaply.
            _, south, _, north = polygon.bbox
            band_km = math.radians(max(south - lat, lat - north, 0.0)) * EARTH_RADIUS_KM
            if band_km >= best:
                continue
            for ring in polygon.rings:
                best = min(best, _distance_to_ring_km(ring, lon, lat))
        return best

    def contains(self, lat: float, lon: float, iso_a2: str, tolerance_km: float) -> bool:
        """Inside the country or within `tolerance_km` of its outline."""
        return self.distance_km(lat, lon, iso_a2) <= tolerance_km


def load_borders(path: Path) -> Borders:
    try:
        with Path(path).open(encoding="utf-8") as handle:
            geojson = json.load(handle)
    except (OSError, ValueError) as error:
        raise DataError(f"country borders: cannot read {path}: {error}") from error
    return Borders.from_geojson(geojson)


def _country(feature: dict[str, Any]) -> Country:
    properties = feature.get("properties") or {}
    geometry = feature.get("geometry") or {}
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        raise DataError(f"country borders: {properties.get('name')!r} has unsupported geometry {kind!r}")
    polygons = tuple(Polygon.from_rings(rings) for rings in parts if rings)
    return Country(str(properties.get("iso_a2") or ""), str(properties.get("name") or ""), polygons)


def _normalise_longitude(lon: float) -> float:
    """Back into -180..180, so points already shifted for the Pacific view still find their country."""
    return lon if -180.0 <= lon <= 180.0 else (lon + 180.0) % 360.0 - 180.0


def _distance_to_ring_km(ring: Ring, lon: float, lat: float) -> float:
    """Nearest point of the ring found on a local equirectangular plane, then measured on the sphere."""
    scale = math.cos(math.radians(lat))
    best_sq = math.inf
    nearest = ring[0]
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        ax, ay = _wrap(x1 - lon) * scale, y1 - lat
        bx, by = _wrap(x2 - lon) * scale, y2 - lat
        dx, dy = bx - ax, by - ay
        length_sq = dx * dx + dy * dy
        t = 0.0 if length_sq == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length_sq))
        px, py = ax + t * dx, ay + t * dy
        if px * px + py * py < best_sq:
            best_sq = px * px + py * py
            nearest = (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
    return _haversine_km(lon, lat, nearest[0], nearest[1])


def _wrap(delta_lon: float) -> float:
    """A longitude difference taken the short way round, so distances work across the antimeridian."""
    return (delta_lon + 180.0) % 360.0 - 180.0


def _haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(_wrap(lon2 - lon1))
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
