"""The data & sources page's tables and downloads: every value shown as text, sources and GeoNames as links."""

from __future__ import annotations

from typing import Final

import pandas as pd
import streamlit as st

from signatories import export
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


def render_downloads(frame: pd.DataFrame, targets: pd.DataFrame, lang: Lang) -> None:
    """Three download buttons; the bytes are the filtered set's, made fresh on each run (a few kB)."""
    stem = export.file_stem()
    with st.container(horizontal=True, key="data_downloads"):
        st.download_button(
            t("data.download.organisations_csv", lang),
            data=export.organisations_csv(frame),
            file_name=f"{stem}-organisations.csv",
            mime=export.CSV_MIME,
            key="download_organisations_csv",
            icon=":material/download:",
            on_click="ignore",
        )
        st.download_button(
            t("data.download.organisations_geojson", lang),
            data=export.organisations_geojson(frame),
            file_name=f"{stem}-organisations.geojson",
            mime=export.GEOJSON_MIME,
            key="download_organisations_geojson",
            icon=":material/download:",
            on_click="ignore",
        )
        st.download_button(
            t("data.download.targets_csv", lang),
            data=export.targets_csv(targets),
            file_name=f"{stem}-targets.csv",
            mime=export.CSV_MIME,
            key="download_targets_csv",
            icon=":material/download:",
            on_click="ignore",
        )


def render_organisations(frame: pd.DataFrame, dataset: Dataset, lang: Lang) -> None:
    column = st.column_config
    st.dataframe(
        organisation_table(frame, dataset, lang),
        hide_index=True,
        key="data_organisations",
        column_config={
            "name": column.TextColumn(t("data.col.name", lang), pinned=True),
            "country": column.TextColumn(t("data.col.country", lang)),
            "org_type": column.TextColumn(t("data.col.org_type", lang)),
            "role": column.TextColumn(t("data.col.role", lang)),
            "seat": column.TextColumn(t("data.col.seat", lang)),
            "confidence": column.TextColumn(t("data.col.confidence", lang)),
            "target": column.TextColumn(t("data.col.target_year", lang)),
            "target_basis": column.TextColumn(t("data.col.target_basis", lang)),
            "target_status": column.TextColumn(t("data.col.target_status", lang)),
            "target_source": column.LinkColumn(t("data.col.target_source", lang)),
            "target_announced": column.TextColumn(
                t("data.col.target_announced", lang), help=t("data.col.target_announced_help", lang)
            ),
            "lat": column.NumberColumn(t("data.col.lat", lang), format="%.5f"),
            "lon": column.NumberColumn(t("data.col.lon", lang), format="%.5f"),
            "coord_precision": column.TextColumn(t("data.col.coord_precision", lang)),
            "coord_source": column.TextColumn(t("data.col.coord_source", lang)),
            "coord_link": column.LinkColumn("GeoNames", display_text=GEONAMES_DISPLAY),
            "notes": column.TextColumn(t("data.col.notes", lang), width="large"),
            "id": column.TextColumn(t("data.col.id", lang)),
        },
    )


def render_targets(targets: pd.DataFrame, dataset: Dataset, lang: Lang) -> None:
    column = st.column_config
    st.dataframe(
        target_table(targets, dataset, lang),
        hide_index=True,
        key="data_targets",
        column_config={
            "entity": column.TextColumn(t("data.col.entity", lang), pinned=True),
            "scope": column.TextColumn(t("data.col.scope", lang)),
            "target_year": column.TextColumn(t("data.col.target_year", lang)),
            "kind": column.TextColumn(t("data.col.kind", lang)),
            "status": column.TextColumn(t("data.col.target_status", lang)),
            "conditional": column.CheckboxColumn(t("data.col.conditional", lang)),
            "announced": column.TextColumn(t("data.col.announced", lang)),
            "checked": column.TextColumn(t("data.col.checked", lang)),
            "current": column.CheckboxColumn(t("data.col.current", lang)),
            "confidence": column.TextColumn(t("data.col.confidence", lang)),
            "source": column.LinkColumn(t("data.col.source", lang)),
            "note": column.TextColumn(t("data.col.note", lang), width="large"),
        },
    )
