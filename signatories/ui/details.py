"""The details panel beside the map: one organisation, every field shown as text, the source as a link."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signatories.dataset import Dataset
from signatories.deck import SAME_SEAT_DECIMALS
from signatories.i18n import Lang, label, t
from signatories.labels import describe
from signatories.ui import state
from signatories.ui.text import md_escape


def _field(heading: str, value: str) -> None:
    """A bold heading and its value on one line; both escaped, so data never becomes markup."""
    if value:
        st.markdown(f"**{md_escape(heading)}** {md_escape(value)}")


def same_seat(organisations: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The other organisations at exactly this seat (the ones spread on a ring on the map)."""
    if pd.isna(row["lat"]) or pd.isna(row["lon"]):
        return organisations.iloc[0:0]
    here = (
        organisations["lat"].round(SAME_SEAT_DECIMALS) == round(float(row["lat"]), SAME_SEAT_DECIMALS)
    ) & (organisations["lon"].round(SAME_SEAT_DECIMALS) == round(float(row["lon"]), SAME_SEAT_DECIMALS))
    return organisations[here & (organisations["id"] != row["id"])].sort_values("id")


def render_details(dataset: Dataset, org_id: str, shown_ids: frozenset[str], lang: Lang) -> None:
    """The panel for `org_id`; a hint to click a marker when nothing (known) is selected."""
    organisations = dataset.organisations
    # Nothing selected is the usual case: no need to search the frame for it.
    match = organisations[organisations["id"] == org_id] if org_id else organisations.iloc[0:0]
    if match.empty:
        st.info(t("details.hint", lang), icon=":material/touch_app:")
        return
    row = match.iloc[0]
    text = describe(match, dataset.countries, lang).iloc[0]

    with st.container(border=True, key="details"):
        st.subheader(md_escape(text["name"]), anchor=False)
        if text["name_other"] and text["name_other"] != text["name"]:
            st.text(text["name_other"])
        # A short name that repeats the name (Tbilisi City Hall) would print the same words twice.
        if text["short_name"] and text["short_name"] not in (text["name"], text["name_other"]):
            st.caption(md_escape(text["short_name"]))
        if org_id not in shown_ids:
            st.caption(md_escape(t("details.filtered_out", lang)))
        _field(t("details.type", lang), text["type"])
        _field(t("details.role", lang), text["role"])
        _field(t("details.country", lang), text["country"])
        seat = (
            t("details.seat_in", lang, seat=text["seat"], admin1=text["admin1"])
            if text["admin1"]
            else text["seat"]
        )
        _field(t("details.seat", lang), seat)

        st.divider()
        _field(t("details.target", lang), text["target"])
        if pd.notna(row["target_year"]):
            _field(t("details.status", lang), text["status"])
            basis = text["basis"]
            if row["target_basis"] == "national":
                basis = t("details.national_basis", lang, basis=basis, country=text["country"])
            _field(t("details.basis", lang), basis)
            if bool(row["target_conditional"]):
                _field(t("details.conditional", lang), t("details.yes", lang))
            _field(t("details.announced", lang), str(row["target_announced"]))
        else:
            # "No target found" is a finding: say when the search behind it was made, and where.
            _field(t("details.checked", lang), str(row["target_checked"]))
        if row["target_confidence"]:
            _field(
                t("details.target_confidence", lang), label("confidence", str(row["target_confidence"]), lang)
            )
        if text["target_note"]:
            st.text(text["target_note"])
        if text["source_link"]:
            st.link_button(t("details.source", lang), text["source_link"], icon=":material/open_in_new:")
        elif text["source"]:
            _field(t("details.source", lang), text["source"])
        if text["announced"]:
            # A newer, weaker announcement is shown beside the effective target, never dropped.
            _field(t("details.announced_also", lang), text["announced"])
            if text["announced_link"]:
                st.link_button(
                    t("details.announced_source", lang),
                    text["announced_link"],
                    icon=":material/open_in_new:",
                )

        st.divider()
        coordinates = (
            f"{float(row['lat']):.4f}, {float(row['lon']):.4f}"
            if pd.notna(row["lat"])
            else t("details.no_coordinates", lang)
        )
        _field(t("details.precision", lang), f"{text['precision']} ({coordinates})")
        _field(t("details.confidence", lang), text["confidence"])
        if text["notes"]:
            st.text(text["notes"])

        neighbours = same_seat(organisations, row)
        if not neighbours.empty:
            st.markdown(f"**{md_escape(t('details.same_seat', lang))}**")
            names = describe(neighbours, dataset.countries, lang)
            for other_id, name in zip(names["id"], names["name"], strict=True):
                # Organisations sharing a seat overlap at the region zoom; these buttons reach each one.
                st.button(
                    md_escape(name),
                    key=f"details_same_seat_{other_id}",
                    on_click=state.select,
                    args=(other_id,),
                    type="tertiary",
                    icon=":material/location_on:",
                )
        st.button(
            t("details.close", lang),
            key="details_close",
            on_click=state.select,
            args=("",),
            icon=":material/close:",
        )
