"""Column-level rules of the three data files, as pandera schemas over already-parsed frames."""

import pandera.pandas as pa

from signatories import vocab

ORGANISATION_COLUMNS = (
    "id",
    "name_en",
    "short_name",
    "name_ja",
    "country",
    "org_type",
    "role",
    "seat",
    "seat_ja",
    "admin1",
    "admin1_ja",
    "lat",
    "lon",
    "coord_source",
    "coord_precision",
    "confidence",
    "notes",
    "notes_ja",
)
TARGET_COLUMNS = (
    "entity",
    "scope",
    "target_year",
    "year_qualifier",
    "target_kind",
    "status",
    "conditional",
    "announced",
    "checked",
    "current",
    "source_url",
    "confidence",
    "note",
    "note_ja",
)
COUNTRY_COLUMNS = ("code", "name_en", "name_ja", "region")

FLOAT_COLUMNS = {"organisations": ("lat", "lon"), "targets": (), "countries": ()}
INT_COLUMNS = {"organisations": (), "targets": ("target_year",), "countries": ()}
BOOL_COLUMNS = {"organisations": (), "targets": ("conditional", "current"), "countries": ()}


def _one_of(values: tuple[str, ...] | frozenset[str], what: str) -> pa.Check:
    return pa.Check.isin(list(values), error=f"unknown {what}; allowed: {', '.join(sorted(values))}")


def _text(*checks: pa.Check, required: bool = True, unique: bool = False) -> pa.Column:
    rules = [*checks]
    if required:
        rules.insert(0, pa.Check.str_length(min_value=1, error="required value is empty"))
    return pa.Column(str, rules, unique=unique, report_duplicates="exclude_first")


_COORD_SOURCE = rf"^(?:{'|'.join(vocab.COORD_SOURCES)}|{vocab.COORD_SOURCE_GEONAMES_PREFIX}\d+)$"

ORGANISATIONS = pa.DataFrameSchema(
    {
        "id": _text(
            pa.Check.str_matches(r"^[a-z]{2}-[a-z0-9-]+$", error="id must be a slug like 'ph-cebu'"),
            unique=True,
        ),
        "name_en": _text(),
        "short_name": _text(),
        "name_ja": _text(),
        "country": _text(pa.Check.str_matches(r"^[A-Z]{2}$", error="country must be ISO 3166-1 alpha-2")),
        "org_type": _text(_one_of(vocab.ORG_TYPES, "organisation type")),
        "role": _text(_one_of(vocab.ROLES, "role")),
        "seat": _text(),
        "seat_ja": _text(),
        "admin1": _text(required=False),
        "admin1_ja": _text(required=False),
        "lat": pa.Column(
            float, pa.Check.in_range(-90, 90, error="latitude must be between -90 and 90"), nullable=True
        ),
        "lon": pa.Column(
            float, pa.Check.in_range(-180, 180, error="longitude must be between -180 and 180"), nullable=True
        ),
        "coord_source": _text(
            pa.Check.str_matches(
                _COORD_SOURCE, error="coord_source must be cache, nominatim, manual or geonames:<id>"
            ),
            required=False,
        ),
        "coord_precision": _text(
            _one_of((*vocab.COORD_PRECISIONS, ""), "coordinate precision"), required=False
        ),
        "confidence": _text(_one_of(vocab.CONFIDENCES, "confidence")),
        "notes": _text(required=False),
        "notes_ja": _text(required=False),
    },
    strict=False,
)

TARGETS = pa.DataFrameSchema(
    {
        "entity": _text(),
        "scope": _text(_one_of(vocab.TARGET_SCOPES, "target scope")),
        "target_year": pa.Column(
            "Int64",
            pa.Check.in_range(
                vocab.TARGET_YEAR_MIN,
                vocab.TARGET_YEAR_MAX,
                error=f"target year must be between {vocab.TARGET_YEAR_MIN} and {vocab.TARGET_YEAR_MAX}",
            ),
            nullable=True,
        ),
        "year_qualifier": _text(_one_of(vocab.YEAR_QUALIFIERS, "year qualifier"), required=False),
        "target_kind": _text(_one_of(vocab.TARGET_KINDS, "target kind")),
        "status": _text(_one_of((*vocab.TARGET_STATUSES, ""), "target status"), required=False),
        "conditional": pa.Column(bool),
        "announced": _text(
            pa.Check.str_matches(
                r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$", error="announced must be YYYY, YYYY-MM or YYYY-MM-DD"
            ),
            required=False,
        ),
        "checked": _text(
            pa.Check.str_matches(r"^(?:\d{4}-\d{2}-\d{2})?$", error="checked must be YYYY-MM-DD"),
            required=False,
        ),
        "current": pa.Column(bool),
        "source_url": _text(
            pa.Check.str_matches(
                r"^(?:$|https?://\S+$|data/\S+$)", error="source must be a URL or a data/ path"
            ),
            required=False,
        ),
        "confidence": _text(_one_of(vocab.CONFIDENCES, "confidence")),
        "note": _text(required=False),
        "note_ja": _text(required=False),
    },
    strict=False,
)

COUNTRIES = pa.DataFrameSchema(
    {
        "code": _text(
            pa.Check.str_matches(r"^[A-Z]{2}$", error="code must be ISO 3166-1 alpha-2"), unique=True
        ),
        "name_en": _text(),
        "name_ja": _text(),
        "region": _text(_one_of(vocab.REGIONS, "region")),
    },
    strict=False,
)

SCHEMAS = {"organisations": ORGANISATIONS, "targets": TARGETS, "countries": COUNTRIES}
REQUIRED_COLUMNS = {
    "organisations": ORGANISATION_COLUMNS,
    "targets": TARGET_COLUMNS,
    "countries": COUNTRY_COLUMNS,
}
