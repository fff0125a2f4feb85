"""The sidebar every page shares: language, filters and map options, kept in the URL.

Widgets get their values only through session state (seeded by `state.restore`), never through a
`default=` argument, so Streamlit has one source for each value.
"""

from __future__ import annotations

import streamlit as st

from signatories import vocab
from signatories.dataset import Dataset
from signatories.filters import FILTER_BASES, FilterState
from signatories.i18n import LANGUAGE_NAMES, LANGUAGES, Lang, labels, t
from signatories.ui import data, state
from signatories.url_state import MAX_VALUE_CHARS


def render_language() -> Lang:
    """The English / 日本語 switch; every other label follows it in the same run."""
    value = st.sidebar.radio(
        t("app.language", state.current_lang()),
        options=list(LANGUAGES),
        format_func=lambda lang: LANGUAGE_NAMES[lang],
        horizontal=True,
        key=state.KEY_LANG,
    )
    return "ja" if value == "ja" else "en"


def render_filters(dataset: Dataset, lang: Lang) -> FilterState:
    """Draw the filter and map widgets in the sidebar and return the state they show."""
    sidebar = st.sidebar
    sidebar.header(t("filters.heading", lang))
    sidebar.text_input(
        t("filters.search", lang),
        key=state.KEY_QUERY,
        max_chars=MAX_VALUE_CHARS,
        placeholder=t("filters.search_placeholder", lang),
        help=t("filters.search_help", lang),
    )
    countries = data.cached_country_options(str(data.data_dir()), lang)
    sidebar.multiselect(
        t("filters.country", lang),
        options=list(countries),
        format_func=lambda code: countries.get(code, code),
        key=state.KEY_COUNTRIES,
        placeholder=t("filters.all_countries", lang),
    )
    types = labels("org_type", lang)
    sidebar.multiselect(
        t("filters.org_type", lang),
        options=list(vocab.ORG_TYPES),
        format_func=lambda kind: types.get(kind, kind),
        key=state.KEY_TYPES,
        placeholder=t("filters.all_types", lang),
    )
    roles = labels("role", lang)
    sidebar.pills(
        t("filters.role", lang),
        options=list(vocab.ROLES),
        format_func=lambda role: roles.get(role, role),
        selection_mode="multi",
        key=state.KEY_ROLES,
        help=t("filters.none_means_all", lang),
    )
    low, high = state.bounds()
    sidebar.slider(
        t("filters.target_year", lang),
        min_value=low,
        max_value=high,
        step=1,
        key=state.KEY_YEARS,
        help=t("filters.target_year_help", lang),
    )
    sidebar.checkbox(t("filters.include_no_target", lang), key=state.KEY_NO_TARGET)
    bases = labels("basis", lang)
    sidebar.pills(
        t("filters.basis", lang),
        options=list(FILTER_BASES),
        format_func=lambda basis: bases.get(basis, basis),
        selection_mode="multi",
        key=state.KEY_BASES,
        help=t("filters.basis_help", lang),
    )
    sidebar.button(
        t("filters.reset", lang), key=state.KEY_RESET, on_click=state.reset, icon=":material/restart_alt:"
    )

    sidebar.header(t("map.heading", lang))
    sidebar.toggle(t("map.show_arcs", lang), key=state.KEY_ARCS, help=t("map.show_arcs_help", lang))
    sidebar.toggle(t("map.online_tiles", lang), key=state.KEY_TILES, help=t("map.online_tiles_help", lang))
    return state.current_state()


def render_sidebar(dataset: Dataset) -> FilterState:
    """Restore the state from the URL, draw language and filters, and write the state back to the URL."""
    state.restore(dataset.organisations, data.cached_known_values(str(data.data_dir())))
    lang = render_language()
    current = render_filters(dataset, lang)
    state.save(current)
    return current
