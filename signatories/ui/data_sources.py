"""The data & sources page's parts: the downloads and the two tables, every value shown as text."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signatories import export
from signatories.dataset import Dataset
from signatories.i18n import Lang, t
from signatories.tables import GEONAMES_DISPLAY, organisation_table, target_table


def render_downloads(frame: pd.DataFrame, targets: pd.DataFrame, lang: Lang) -> None:
    """Three download buttons; the bytes are the filtered set's, made fresh on each run (a few kB)."""
    stem = export.file_stem()
    downloads = (
        ("organisations_csv", export.organisations_csv(frame), "organisations.csv", export.CSV_MIME),
        (
            "organisations_geojson",
            export.organisations_geojson(frame),
            "organisations.geojson",
            export.GEOJSON_MIME,
        ),
        ("targets_csv", export.targets_csv(targets), "targets.csv", export.CSV_MIME),
    )
    with st.container(horizontal=True, key="data_downloads"):
        for name, data, file_suffix, mime in downloads:
            st.download_button(
                t(f"data.download.{name}", lang),
                data=data,
                file_name=f"{stem}-{file_suffix}",
                mime=mime,
                key=f"download_{name}",
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
