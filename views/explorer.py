"""The map explorer: every signatory on a map of Asia and the Pacific, with filters, details and a table."""

import streamlit as st

from signatories.errors import DataError
from signatories.filters import summary
from signatories.i18n import t
from signatories.ui import data, details, pages_common, panels, sidebar, state


def main() -> None:
    dataset, directory = pages_common.dataset_or_stop(state.current_lang())
    filters = sidebar.render_sidebar(dataset)
    lang = filters.lang

    st.title(t("app.title", lang), anchor=False)
    st.caption(t("app.subtitle", lang))
    panels.render_url_notes(lang)
    panels.render_problems(dataset.report, lang)

    frame = pages_common.shown_organisations(dataset, directory, filters)
    panels.render_metrics(summary(frame), dataset, lang)
    try:
        basemap = data.cached_basemap(directory)
    except DataError:
        basemap = None  # a damaged outline file costs the basemap, never the map
    if basemap is None:
        st.caption(t("map.no_outlines", lang))

    map_column, details_column = st.columns([3, 1], gap="medium")
    with map_column:
        panels.render_map(dataset, frame, filters, basemap)
    with details_column:
        details.render_details(dataset, state.selected(), frozenset(frame["id"].tolist()), lang)
    panels.render_table(frame, dataset, lang)


main()
