"""Downloads of the (filtered) data: organisations as CSV and as RFC 7946 GeoJSON, targets as CSV.

Choices, each for a reason:

- CSV files are UTF-8 with a byte-order mark: Excel, which many readers will use, shows Japanese names as
  mojibake without it, while pandas, QGIS and LibreOffice read the mark transparently. Booleans are written
  ``true``/``false`` as in the data files; a missing value is an empty field.
- GeoJSON is a FeatureCollection of Points at ``[lon, lat]`` in WGS 84, longitudes normalised to -180..180
  (maps centred on the Pacific shift Samoa and the Cook Islands past 180°; a file must not). Each feature's
  ``id`` is the organisation's id; its properties are every exported column except ``lat``/``lon`` (they are
  the geometry), missing values as ``null``, whole numbers as integers. An organisation without coordinates
  keeps its feature with a ``null`` geometry, which RFC 7946 §3.2 allows, rather than vanishing from the file.
  No ``crs`` member (RFC 7946 dropped it) and no ``bbox`` (optional, and it would have to cross the antimeridian).
- The dataset date is `DATASET_DATE`, kept here and moved by whoever changes the data (CONTRIBUTING.md says so),
  rather than read from git: it is the date the facts were last checked, which a commit date is not (a typo fix
  is not a new survey), and it must be known where the app runs without a git checkout.
"""

import io
import json
import math
from datetime import date
from typing import Any, Final

import pandas as pd

from signatories.schemas import ORGANISATION_COLUMNS, TARGET_COLUMNS
from signatories.targets import BASIS, COMPANION_COLUMNS, EFFECTIVE_COLUMNS

# The date the data's facts were last checked against their sources.
DATASET_DATE: Final = date(2026, 11, 29)

CSV_ENCODING: Final = "utf-8-sig"
CSV_MIME: Final = "text/csv"
GEOJSON_MIME: Final = "application/geo+json"  # RFC 7946 §12

# The organisation columns a download carries, in this order: the data file's, then the effective target,
# then the newer, weaker announcement shown beside it (empty where there is none).
EXPORT_COLUMNS: Final = (
    *ORGANISATION_COLUMNS,
    "region",
    *EFFECTIVE_COLUMNS.values(),
    BASIS,
    *COMPANION_COLUMNS.values(),
)
GEOMETRY_COLUMNS: Final = ("lat", "lon")
# RFC 7946 §11.2: six decimal places are about 10 cm, more than any coordinate here is worth.
COORDINATE_DECIMALS: Final = 6


def export_columns(organisations: pd.DataFrame) -> pd.DataFrame:
    """The organisations with the exported columns only, in their documented order."""
    return organisations[[column for column in EXPORT_COLUMNS if column in organisations.columns]]


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    text = io.StringIO()
    booleans = frame.select_dtypes(include="bool").columns
    readable = frame.astype({column: object for column in booleans})
    for column in booleans:
        readable[column] = frame[column].map({True: "true", False: "false"})
    readable.to_csv(text, index=False, lineterminator="\n")
    return text.getvalue().encode(CSV_ENCODING)


def organisations_csv(organisations: pd.DataFrame) -> bytes:
    """The organisations as CSV bytes (UTF-8 with BOM), one row each, the exported columns only."""
    return _csv_bytes(export_columns(organisations))


def targets_for(targets: pd.DataFrame, organisations: pd.DataFrame) -> pd.DataFrame:
    """The targets that concern these organisations: their own and their countries', superseded ones included."""
    entities = set(organisations["id"]) | set(organisations["country"])
    return targets[targets["entity"].isin(entities)]


def targets_csv(targets: pd.DataFrame) -> bytes:
    """The targets as CSV bytes (UTF-8 with BOM), in the data file's columns."""
    return _csv_bytes(targets[[column for column in TARGET_COLUMNS if column in targets.columns]])


def normalise_longitude(lon: float) -> float:
    """A longitude in -180..180 whatever turn of the globe it was drawn on; 180 stays 180."""
    wrapped = math.fmod(lon + 180.0, 360.0)
    if wrapped < 0:
        wrapped += 360.0
    if wrapped == 0.0 and lon > 0:
        return 180.0
    return wrapped - 180.0


def json_value(value: Any) -> Any:
    """A cell as a JSON value: missing → None, numpy/pandas scalars → plain Python, whole floats stay floats."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars, including the Int64 extension's
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def _geometry(lat: Any, lon: Any) -> dict[str, Any] | None:
    lat, lon = json_value(lat), json_value(lon)
    if lat is None or lon is None:
        return None
    return {
        "type": "Point",
        "coordinates": [
            round(normalise_longitude(float(lon)), COORDINATE_DECIMALS),
            round(float(lat), COORDINATE_DECIMALS),
        ],
    }


def feature_collection(organisations: pd.DataFrame) -> dict[str, Any]:
    """The organisations as an RFC 7946 FeatureCollection (a dict ready for `json.dumps`)."""
    frame = export_columns(organisations)
    property_columns = [column for column in frame.columns if column not in GEOMETRY_COLUMNS]
    features = []
    # A row loop is the honest shape here: each row becomes one nested JSON object.
    for row in frame.to_dict(orient="records"):
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": _geometry(row.get("lat"), row.get("lon")),
                "properties": {column: json_value(row[column]) for column in property_columns},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def organisations_geojson(organisations: pd.DataFrame) -> bytes:
    """The organisations as GeoJSON bytes: UTF-8 (RFC 8259), no NaN or Infinity (they are not JSON)."""
    text = json.dumps(feature_collection(organisations), ensure_ascii=False, allow_nan=False, indent=1)
    return text.encode("utf-8")


def file_stem(dataset_date: date = DATASET_DATE) -> str:
    """The common start of the download file names, dated so that two downloads are told apart."""
    return f"yokohama-declaration-{dataset_date.isoformat()}"
