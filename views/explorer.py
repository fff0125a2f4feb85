"""The map explorer: every signatory on a map of Asia and the Pacific, with filters, details and a table."""

import streamlit as st

from signatories.i18n import t
from signatories.ui import explorer, page


def main() -> None:
    context = page.open_page("app.title", "app.subtitle")
    dataset, frame, lang = context.dataset, context.frame, context.lang
    explorer.render_metrics(context.counts, dataset, lang)
    basemap = context.basemap
    if basemap is None:
        st.caption(t("map.no_outlines", lang))

    map_column, details_column = st.columns([3, 1], gap="medium")
    with map_column, st.container(key="explorer_map"):
        explorer.render_map(context, basemap)
    with details_column:
        explorer.render_details(dataset, context.state.view.selected, frozenset(frame["id"].tolist()), lang)
    explorer.render_table(context)


main()
