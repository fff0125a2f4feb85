"""Downloads: GeoJSON that follows RFC 7946 and round-trips, CSV that round-trips through pandas, the dataset date."""

import io
import json
import math
from datetime import date
from typing import Any

import pandas as pd
import pytest

from signatories import export, load_dataset
from signatories.dataset import Dataset
from signatories.paths import DATA_DIR
from tests.conftest import read_rows

FEATURE_COLLECTION_MEMBERS = {"type", "features", "bbox"}
FEATURE_MEMBERS = {"type", "id", "geometry", "properties", "bbox"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def _reject_constant(name: str) -> Any:
    raise AssertionError(f"{name} is not JSON")


def _parse(data: bytes) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    return parsed


def assert_rfc7946_points(collection: dict[str, Any]) -> None:
    """The structural rules of RFC 7946 that apply to a collection of points."""
    assert collection["type"] == "FeatureCollection"
    assert set(collection) <= FEATURE_COLLECTION_MEMBERS, "no foreign members, no crs (removed by RFC 7946)"
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) <= FEATURE_MEMBERS
        assert {"geometry", "properties"} <= set(feature), "both members are required, even when null"
        assert isinstance(feature.get("id"), str | int | float)
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert set(geometry) == {"type", "coordinates"}
        assert geometry["type"] == "Point"
        position = geometry["coordinates"]
        assert isinstance(position, list) and len(position) == 2
        lon, lat = position
        assert all(isinstance(value, int | float) and not isinstance(value, bool) for value in position)
        assert all(math.isfinite(value) for value in position)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_an_rfc7946_feature_collection_of_every_organisation(dataset: Dataset) -> None:
    collection = _parse(export.organisations_geojson(dataset.organisations))
    assert_rfc7946_points(collection)
    rows = read_rows(DATA_DIR / "organisations.csv")
    assert [feature["id"] for feature in collection["features"]] == [row["id"] for row in rows]
    for feature, row in zip(collection["features"], rows, strict=True):
        assert feature["geometry"]["coordinates"] == [float(row["lon"]), float(row["lat"])], (
            "[lon, lat] order"
        )
        assert feature["properties"]["name_ja"] == row["name_ja"]
        assert "lat" not in feature["properties"] and "lon" not in feature["properties"]


def test_geojson_round_trips_through_json(dataset: Dataset) -> None:
    data = export.organisations_geojson(dataset.organisations)
    parsed = _parse(data)
    assert _parse(json.dumps(parsed, ensure_ascii=False).encode("utf-8")) == parsed
    assert parsed == export.feature_collection(dataset.organisations)


def test_geojson_values_are_typed_missing_values_null(dataset: Dataset) -> None:
    features = {
        f["id"]: f["properties"]
        for f in _parse(export.organisations_geojson(dataset.organisations))["features"]
    }
    years = dataset.organisations.set_index("id")["target_year"]
    for org_id, properties in features.items():
        if pd.isna(years[org_id]):
            assert properties["target_year"] is None
        else:
            assert type(properties["target_year"]) is int and properties["target_year"] == int(years[org_id])
        assert type(properties["target_conditional"]) is bool


def test_pacific_shifted_longitudes_are_written_back_in_range(dataset: Dataset) -> None:
    shifted = dataset.organisations.copy()
    shifted["lon"] = shifted["lon"].where(shifted["lon"] >= 0, shifted["lon"] + 360)
    assert (shifted["lon"] > 180).any(), "the data has organisations east of the antimeridian"
    collection = _parse(export.organisations_geojson(shifted))
    assert_rfc7946_points(collection)
    original = dict(zip(dataset.organisations["id"], dataset.organisations["lon"], strict=True))
    for feature in collection["features"]:
        assert feature["geometry"]["coordinates"][0] == pytest.approx(original[feature["id"]])


@pytest.mark.parametrize(
    ("lon", "expected"),
    [(0.0, 0.0), (180.0, 180.0), (-180.0, -180.0), (188.2, -171.8), (540.0, 180.0), (-190.0, 170.0)],
)
def test_normalise_longitude(lon: float, expected: float) -> None:
    assert export.normalise_longitude(lon) == pytest.approx(expected)


def test_an_organisation_without_coordinates_keeps_a_null_geometry(dataset: Dataset) -> None:
    frame = dataset.organisations.head(3).copy()
    frame.loc[frame.index[1], ["lat", "lon"]] = float("nan")
    collection = _parse(export.organisations_geojson(frame))
    assert_rfc7946_points(collection)
    assert [f["geometry"] is None for f in collection["features"]] == [False, True, False]


def test_filtered_set_exports_only_those_organisations(dataset: Dataset) -> None:
    subset = dataset.organisations[dataset.organisations["country"] == "WS"]
    collection = _parse(export.organisations_geojson(subset))
    assert [f["id"] for f in collection["features"]] == list(subset["id"])
    assert all(f["geometry"]["coordinates"][0] < -170 for f in collection["features"])


def test_empty_selection_is_an_empty_collection(dataset: Dataset) -> None:
    collection = _parse(export.organisations_geojson(dataset.organisations.head(0)))
    assert collection == {"type": "FeatureCollection", "features": []}


def test_organisations_csv_round_trips_through_pandas(dataset: Dataset) -> None:
    data = export.organisations_csv(dataset.organisations)
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM so that Excel reads UTF-8"
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    expected = export.export_columns(dataset.organisations)
    assert list(back.columns) == list(expected.columns)
    rows = read_rows(DATA_DIR / "organisations.csv")
    assert list(back["id"]) == [row["id"] for row in rows]
    assert list(back["name_ja"]) == [row["name_ja"] for row in rows]
    assert list(back["lat"]) == [float(row["lat"]) for row in rows]
    assert list(back["lon"]) == [float(row["lon"]) for row in rows]
    years = back["target_year"].astype("Int64")
    assert years.equals(expected["target_year"].reset_index(drop=True))
    assert list(back["target_conditional"]) == list(expected["target_conditional"])


def test_targets_csv_holds_the_targets_of_the_organisations_and_their_countries(dataset: Dataset) -> None:
    subset = dataset.organisations[dataset.organisations["country"].isin(["TH", "JP"])]
    data = export.targets_csv(export.targets_for(dataset.targets, subset))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    entities = set(subset["id"]) | {"TH", "JP"}
    expected = [row for row in read_rows(DATA_DIR / "targets.csv") if row["entity"] in entities]
    assert back.to_dict(orient="records") == expected, "the same text as the data file, row for row"


def _as_date(announced: str) -> date:
    parts = [int(part) for part in announced.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    return date(year, month, day)


def test_dataset_date_is_not_older_than_the_facts_it_holds() -> None:
    announced = [row["announced"] for row in read_rows(DATA_DIR / "targets.csv") if row["announced"]]
    assert max(_as_date(value) for value in announced) <= export.DATASET_DATE
    assert date.today() >= export.DATASET_DATE, "not dated in the future"
    assert export.DATASET_DATE.isoformat() in export.file_stem()
