"""The tables the data & sources page shows, built as plain frames: every value text, sources and GeoNames as links."""

from __future__ import annotations

from typing import Final

import pandas as pd

from signatories.dataset import Dataset
from signatories.i18n import Lang, labels, t
from signatories.labels import WEB_LINK, country_names, describe, localized_column, target_years
from signatories.vocab import COORD_SOURCE_GEONAMES_PREFIX

GEONAMES_PAGE: Final = "https://www.geonames.org/{id}"
# A link column shows this part of a GeoNames address instead of the whole address.
GEONAMES_DISPLAY: Final = r"https://www\.geonames\.org/(\d+)"


def coordinate_links(coord_source: pd.Series) -> pd.Series:
    """The GeoNames page of each point that came from GeoNames, else empty."""
    source = coord_source.fillna("").astype("str")
    ids = source.str.removeprefix(COORD_SOURCE_GEONAMES_PREFIX)
    from_geonames = source.str.startswith(COORD_SOURCE_GEONAMES_PREFIX) & ids.str.fullmatch(r"\d+")
    return ids.map(lambda geoname_id: GEONAMES_PAGE.format(id=geoname_id)).where(from_geonames, "")


def organisation_table(frame: pd.DataFrame, dataset: Dataset, lang: Lang) -> pd.DataFrame:
    """One row per organisation: names, kind, target, and where each fact and point comes from."""
    text = describe(frame, dataset.countries, lang)
    source = frame["coord_source"].fillna("").astype("str")
    return pd.DataFrame(
        {
            "name": text["name"],
            "country": text["country"],
            "org_type": text["type"],
            "role": text["role"],
            "seat": text["seat"],
            "confidence": text["confidence"],
            "target": text["target"],
            "target_basis": text["basis"],
            "target_status": text["status"],
            "target_source": text["source_link"],
            "target_announced": text["announced"],
            "lat": frame["lat"],
            "lon": frame["lon"],
            "coord_precision": text["precision"],
            "coord_source": source.where(~source.str.startswith(COORD_SOURCE_GEONAMES_PREFIX), ""),
            "coord_link": coordinate_links(source),
            "notes": text["notes"],
            "id": frame["id"],
        },
        index=frame.index,
    )


def target_table(targets: pd.DataFrame, dataset: Dataset, lang: Lang) -> pd.DataFrame:
    """One row per target, the organisation or country named in `lang`, vocabularies as words."""
    organisations = dataset.organisations.set_index("id")
    org_names = localized_column(organisations, "name_en", "name_ja", lang)
    entity_names = (
        targets["entity"].map(org_names).fillna(targets["entity"].map(country_names(dataset.countries, lang)))
    )
    scopes = {"organisation": t("data.scope.organisation", lang), "national": t("data.scope.national", lang)}
    source = targets["source_url"].fillna("").astype("str")
    by_year = targets.rename(columns={"year_qualifier": "target_qualifier"})
    return pd.DataFrame(
        {
            "entity": entity_names.fillna(targets["entity"]),
            "scope": targets["scope"].map(scopes).fillna(targets["scope"]),
            "target_year": target_years(by_year, lang),
            "kind": targets["target_kind"].map(labels("target_kind", lang)).fillna(targets["target_kind"]),
            "status": targets["status"].fillna("").map(labels("status", lang)).fillna(""),
            "conditional": targets["conditional"].astype(bool),
            "announced": targets["announced"].fillna("").astype("str"),
            "checked": targets["checked"].fillna("").astype("str"),
            "current": targets["current"].astype(bool),
            "confidence": targets["confidence"].map(labels("confidence", lang)).fillna(""),
            "source": source.where(source.str.match(WEB_LINK), ""),
            "note": localized_column(targets, "note", "note_ja", lang),
        },
        index=targets.index,
    )
