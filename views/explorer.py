"""The map explorer: every signatory on a map of Asia and the Pacific, with filters, details and a table."""

import streamlit as st

from signatories.errors import DataError
from signatories.filters import summary
from signatories.i18n import t
from signatories.ui import data, details, pages_common, panels, state


def main() -> None:
    page = pages_common.open_filtered_page("app.title", "app.subtitle")
    dataset, frame, lang = page.dataset, page.frame, page.lang
    panels.render_problems(dataset.report, lang)
    panels.render_metrics(summary(frame), dataset, lang)
    try:
        basemap = data.cached_basemap(page.directory)
    except DataError:
        basemap = None  # a damaged outline file costs the basemap, never the map
    if basemap is None:
        st.caption(t("map.no_outlines", lang))

    map_column, details_column = st.columns([3, 1], gap="medium")
    with map_column:
        panels.render_map(dataset, frame, page.filters, basemap)
    with details_column:
        details.render_details(dataset, state.selected(), frozenset(frame["id"].tolist()), lang)
    panels.render_table(frame, dataset, lang)


main()
