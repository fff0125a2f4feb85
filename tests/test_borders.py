"""Country outlines: point-in-polygon, distances, the Pacific-centred view, and the committed basemap."""

import importlib.util
import itertools
import json
import math
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from signatories.borders import (
    EARTH_RADIUS_KM,
    PACIFIC_CUT_LONGITUDE,
    Borders,
    load_borders,
    pacific_longitude,
    pacific_view,
)
from signatories.errors import DataError
from signatories.paths import BORDERS_FILE, DATA_DIR

BASEMAP = DATA_DIR / BORDERS_FILE
# fmt: off
SIGNATORY_COUNTRIES = [
    "JP", "TH", "AM", "AZ", "BD", "KH", "CK", "GE", "ID", "KG",
    "LA", "MY", "MV", "MN", "NP", "PG", "PH", "WS", "LK", "VN",
]
# fmt: on
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180  # along a meridian, or along the equator

TOKYO = (35.68, 139.69)
APIA = (-13.83, -171.77)
AVARUA = (-21.21, -159.78)
MALE = (4.175, 73.509)
BANGKOK = (13.75, 100.5)
YEREVAN = (40.18, 44.51)


@pytest.fixture(scope="module")
def basemap() -> dict[str, Any]:
    with BASEMAP.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@pytest.fixture(scope="module")
def borders() -> Borders:
    return load_borders(BASEMAP)


def feature(iso_a2: str, *polygons: list[list[list[float]]]) -> dict[str, Any]:
    geometry = (
        {"type": "Polygon", "coordinates": polygons[0]}
        if len(polygons) == 1
        else {"type": "MultiPolygon", "coordinates": list(polygons)}
    )
    return {"type": "Feature", "properties": {"iso_a2": iso_a2, "name": iso_a2}, "geometry": geometry}


def square(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


@pytest.fixture
def square_with_hole() -> Borders:
    """Country "SQ": lon 0..10, lat 0..10, minus a hole lon 4..6, lat 4..6."""
    return Borders.from_geojson(collection(feature("SQ", [square(0, 0, 10, 10), square(4, 4, 6, 6)])))


# --- point in polygon, on shapes small enough to check by hand ---


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (1, 1, "SQ"),
        (9.9, 9.9, "SQ"),
        (5, 5, None),  # in the hole
        (5, 3, "SQ"),  # beside the hole, same latitude as its middle
        (4, 2, "SQ"),  # the ray runs along the hole's bottom edge and through two of its corners
        (5, 11, None),
        (-1, 5, None),
        (11, 5, None),
        (5, -0.5, None),
    ],
)
def test_point_in_square_with_hole(
    square_with_hole: Borders, lat: float, lon: float, expected: str | None
) -> None:
    assert square_with_hole.country_at(lat, lon) == expected


def test_distance_is_zero_inside_and_measured_to_the_nearest_edge_outside(square_with_hole: Borders) -> None:
    assert square_with_hole.distance_km(1, 1, "SQ") == 0.0
    # One degree south of the bottom edge, along a meridian: exactly one degree of arc.
    assert square_with_hole.distance_km(-1, 5, "SQ") == pytest.approx(KM_PER_DEGREE, rel=1e-9)
    # In the hole, half a degree north of its bottom edge; its side edges are a whole degree away.
    assert square_with_hole.distance_km(4.5, 5, "SQ") == pytest.approx(KM_PER_DEGREE / 2, rel=1e-9)
    assert square_with_hole.distance_km(5, 5, "XX") == math.inf


def test_contains_allows_a_tolerance_outside_the_outline(square_with_hole: Borders) -> None:
    assert square_with_hole.contains(1, 1, "SQ", tolerance_km=0)
    assert not square_with_hole.contains(-1, 5, "SQ", tolerance_km=100)
    assert square_with_hole.contains(-1, 5, "SQ", tolerance_km=112)
    assert not square_with_hole.contains(1, 1, "XX", tolerance_km=1000)


def test_distance_wraps_across_the_antimeridian() -> None:
    borders = Borders.from_geojson(collection(feature("FJ", [square(179, -1, 180, 1)])))
    # Half a degree east of the 180th meridian along the equator, not 359.5 degrees west.
    assert borders.distance_km(0, -179.5, "FJ") == pytest.approx(KM_PER_DEGREE / 2, rel=1e-9)


def test_pacific_shifted_longitudes_still_find_their_country() -> None:
    borders = Borders.from_geojson(collection(feature("WS", [square(-172, -14, -171, -13)])))
    assert borders.country_at(-13.5, -171.5) == "WS"
    assert borders.country_at(-13.5, pacific_longitude(-171.5)) == "WS"


def test_features_sharing_a_code_count_as_one_country_and_uncoded_ones_as_none() -> None:
    borders = Borders.from_geojson(
        collection(
            feature("AU", [square(0, 0, 1, 1)]),
            feature("AU", [square(5, 5, 6, 6)]),
            feature("", [square(2, 2, 3, 3)]),
        )
    )
    assert borders.country_at(5.5, 5.5) == "AU"
    assert borders.distance_km(0.5, 0.5, "AU") == 0.0
    assert borders.country_at(2.5, 2.5) is None
    assert borders.iso_codes == {"AU"}


def test_multipolygon_with_a_hole_in_one_part() -> None:
    borders = Borders.from_geojson(
        collection(feature("MP", [square(0, 0, 4, 4), square(1, 1, 3, 3)], [square(10, 10, 11, 11)]))
    )
    assert borders.country_at(2, 2) is None
    assert borders.country_at(0.5, 0.5) == "MP"
    assert borders.country_at(10.5, 10.5) == "MP"


def test_load_borders_rejects_what_is_not_a_feature_collection(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_borders(tmp_path / "missing.geojson")
    (tmp_path / "point.geojson").write_text('{"type": "Point", "coordinates": [0, 0]}', encoding="utf-8")
    with pytest.raises(DataError, match="FeatureCollection"):
        load_borders(tmp_path / "point.geojson")
    line = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    (tmp_path / "line.geojson").write_text(
        json.dumps(collection({"type": "Feature", "properties": {}, "geometry": line})), encoding="utf-8"
    )
    with pytest.raises(DataError, match="LineString"):
        load_borders(tmp_path / "line.geojson")


# --- the Pacific-centred view ---


def test_pacific_longitude_moves_only_what_lies_west_of_the_cut() -> None:
    assert pacific_longitude(-171.77) == pytest.approx(188.23)
    assert pacific_longitude(-159.78) == pytest.approx(200.22)
    assert pacific_longitude(139.69) == 139.69
    assert pacific_longitude(-180.0) == 180.0
    assert pacific_longitude(PACIFIC_CUT_LONGITUDE) == PACIFIC_CUT_LONGITUDE
    assert pacific_longitude(-20.0) == -20.0


def test_pacific_view_puts_samoa_east_of_papua_new_guinea_and_leaves_japan(basemap: dict[str, Any]) -> None:
    original = json.dumps(basemap, sort_keys=True)
    view = pacific_view(basemap)
    assert json.dumps(basemap, sort_keys=True) == original, "the input must not be modified"

    def lons(data: dict[str, Any], iso_a2: str) -> list[float]:
        return [lon for polygon in polygons_of(data, iso_a2) for ring in polygon for lon, _ in ring]

    assert min(lons(basemap, "WS")) < 0
    assert min(lons(view, "WS")) > 147
    assert min(lons(view, "WS")) > max(lons(view, "PG"))
    assert min(lons(view, "CK")) > max(lons(view, "WS"))
    assert polygons_of(view, "JP") == polygons_of(basemap, "JP")


def test_no_edge_jumps_across_the_antimeridian(basemap: dict[str, Any]) -> None:
    """world-atlas stitches Chukotka and Fiji across 180; the basemap must be cut there again."""
    for item in basemap["features"]:
        for polygon in geometry_polygons(item["geometry"]):
            for ring in polygon:
                for (lon1, _), (lon2, _) in itertools.pairwise(ring):
                    assert abs(lon2 - lon1) < 180, item["properties"]["name"]


def test_antimeridian_countries_on_real_data(borders: Borders) -> None:
    assert borders.country_at(66.5, -175.0) == "RU"  # Chukotka, east of 180
    assert borders.country_at(60.0, 100.0) == "RU"
    assert borders.country_at(67.0, 0.0) is None  # Norwegian Sea: a stitched ring would claim it
    assert borders.country_at(-16.8, 179.5) == "FJ"  # Vanua Levu, west of 180
    assert borders.country_at(-16.5, -179.95) == "FJ"  # Taveuni's tip, east of 180


def test_no_ring_straddles_the_pacific_cut(basemap: dict[str, Any]) -> None:
    """Shifting point by point would tear a ring that has points on both sides of the cut."""
    for item in basemap["features"]:
        for polygon in geometry_polygons(item["geometry"]):
            for ring in polygon:
                sides = {lon < PACIFIC_CUT_LONGITUDE for lon, _ in ring}
                assert len(sides) == 1, item["properties"]["name"]


# --- the committed basemap ---


def polygons_of(data: dict[str, Any], iso_a2: str) -> list[list[list[list[float]]]]:
    return [
        polygon
        for item in data["features"]
        if item["properties"]["iso_a2"] == iso_a2
        for polygon in geometry_polygons(item["geometry"])
    ]


def geometry_polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    polygons: list[list[list[list[float]]]] = geometry["coordinates"]
    return polygons


def test_basemap_is_small() -> None:
    assert BASEMAP.stat().st_size < 1_500_000


def test_basemap_is_a_valid_rfc7946_feature_collection(basemap: dict[str, Any]) -> None:
    assert basemap["type"] == "FeatureCollection"
    assert len(basemap["features"]) > 50
    for item in basemap["features"]:
        assert item["type"] == "Feature"
        properties = item["properties"]
        assert isinstance(properties["name"], str)
        assert properties["name"]
        assert properties["iso_a2"] == "" or (
            len(properties["iso_a2"]) == 2 and properties["iso_a2"].isupper()
        )
        geometry = item["geometry"]
        assert geometry["type"] in {"Polygon", "MultiPolygon"}
        polygons = geometry_polygons(geometry)
        assert polygons
        for polygon in polygons:
            assert polygon
            for ring in polygon:
                assert len(ring) >= 4
                assert ring[0] == ring[-1], f"{properties['name']}: ring not closed"
                for position in ring:
                    assert len(position) == 2
                    lon, lat = position
                    assert -180 <= lon <= 180
                    assert -90 <= lat <= 90
                assert all(a != b for a, b in itertools.pairwise(ring)), "repeated point"


def test_every_signatory_country_has_an_outline(borders: Borders) -> None:
    assert len(SIGNATORY_COUNTRIES) == 20
    assert set(SIGNATORY_COUNTRIES) <= borders.iso_codes


def test_tokyo_is_in_japan(borders: Borders) -> None:
    assert borders.country_at(*TOKYO) == "JP"
    assert borders.distance_km(*TOKYO, "JP") == 0.0


def test_samoa_around_apia(borders: Borders) -> None:
    # Apia's waterfront lies a few hundred metres outside the 1:50m coastline.
    assert borders.contains(*APIA, "WS", tolerance_km=1)
    assert borders.country_at(-13.9, -171.75) == "WS"  # inland Upolu, behind Apia


def test_small_island_capitals_are_within_10_km(borders: Borders) -> None:
    assert borders.contains(*AVARUA, "CK", tolerance_km=10)
    assert borders.contains(*MALE, "MV", tolerance_km=10)
    assert not borders.contains(*MALE, "LK", tolerance_km=10)


def test_bangkok_is_not_in_cambodia(borders: Borders) -> None:
    assert borders.country_at(*BANGKOK) == "TH"
    assert not borders.contains(*BANGKOK, "KH", tolerance_km=10)


def test_open_sea_is_no_country(borders: Borders) -> None:
    assert borders.country_at(0, 90) is None


def test_yerevan_is_in_armenia_and_about_a_hundred_km_from_georgia(borders: Borders) -> None:
    assert borders.country_at(*YEREVAN) == "AM"
    assert 50 < borders.distance_km(*YEREVAN, "GE") < 300


# --- the script that builds the basemap ---


@pytest.fixture(scope="module")
def make_basemap() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_basemap", DATA_DIR / "make_basemap.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_topojson_decoding_of_delta_encoded_and_reversed_arcs(make_basemap: ModuleType) -> None:
    # Two arcs forming the square lon 100..101, lat 10..11 on a grid of 0.5 degrees; the second
    # polygon walks both arcs backwards (~1 == -2, ~0 == -1), the way a neighbour shares a border.
    topology = {
        "transform": {"scale": [0.5, 0.5], "translate": [100, 10]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "392", "properties": {"name": "Japan"}},
                    {"type": "Polygon", "arcs": [[-2, -1]], "properties": {"name": "Nowhere"}},
                ]
            }
        },
    }
    result = make_basemap.build_feature_collection(topology)
    by_name = {item["properties"]["name"]: item for item in result["features"]}
    assert by_name["Japan"]["properties"]["iso_a2"] == "JP"
    assert by_name["Japan"]["geometry"] == {
        "type": "Polygon",
        "coordinates": [[[100.0, 10.0], [101.0, 10.0], [101.0, 11.0], [100.0, 11.0], [100.0, 10.0]]],
    }
    assert by_name["Nowhere"]["properties"]["iso_a2"] == ""
    assert by_name["Nowhere"]["geometry"]["coordinates"] == [
        [[100.0, 10.0], [100.0, 11.0], [101.0, 11.0], [101.0, 10.0], [100.0, 10.0]]
    ]


def test_cut_at_antimeridian_splits_a_stitched_ring(make_basemap: ModuleType) -> None:
    stitched = [[(179.0, 0.0), (-179.0, 0.0), (-179.0, 1.0), (179.0, 1.0), (179.0, 0.0)]]
    pieces = make_basemap.cut_at_antimeridian(stitched)
    spans = sorted((min(lon for lon, _ in piece[0]), max(lon for lon, _ in piece[0])) for piece in pieces)
    assert spans == [(-180.0, -179.0), (179.0, 180.0)]
    untouched = [[(10.0, 0.0), (11.0, 0.0), (11.0, 1.0), (10.0, 0.0)]]
    assert make_basemap.cut_at_antimeridian(untouched) == [untouched]
