"""The sidebar every page shares: language, filters and map options, all read from and written to the state.

Widgets get their values only through session state (set by `state.restore` before they are drawn), never
through a `default=` argument, and report a change through `state.widget_changed`, so the state is the
one source of every value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

import streamlit as st

from signatories import vocab
from signatories.filters import FILTER_BASES
from signatories.i18n import LANGUAGE_NAMES, LANGUAGES, Lang, labels, t
from signatories.ui import state
from signatories.url_state import MAX_VALUE_CHARS


class _Bound(TypedDict):
    key: str
    on_change: Callable[[str], None]
    args: tuple[str]


def _bound(param: str) -> _Bound:
    """The arguments that give the widget of URL parameter `param` its session-state key (declared in
    `url_state.PARAMS`) and make it report its changes to the state."""
    key = state.widget_key(param)
    return {"key": key, "on_change": state.widget_changed, "args": (key,)}


def filters_heading(lang: Lang, active: int) -> str:
    """ "Filters", or "Filters (2 active)": the sidebar's heading and the name of the button that opens it."""
    return t("filters.heading_active", lang, count=active) if active else t("filters.heading", lang)


def render_language(lang: Lang) -> None:
    """The English / 日本語 switch; every other label follows it on the next run."""
    st.sidebar.radio(
        t("app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: LANGUAGE_NAMES[code],
        horizontal=True,
        **_bound("lang"),
    )


def render_filters(lang: Lang, countries: dict[str, str], active: int) -> None:
    """Draw the filter and map widgets in the sidebar."""
    sidebar = st.sidebar
    sidebar.header(filters_heading(lang, active))
    sidebar.text_input(
        t("filters.search", lang),
        max_chars=MAX_VALUE_CHARS,
        placeholder=t("filters.search_placeholder", lang),
        help=t("filters.search_help", lang),
        **_bound("q"),
    )
    sidebar.multiselect(
        t("filters.country", lang),
        options=list(countries),
        format_func=lambda code: countries.get(code, code),
        placeholder=t("filters.all_countries", lang),
        **_bound("country"),
    )
    types = labels("org_type", lang)
    sidebar.multiselect(
        t("filters.org_type", lang),
        options=list(vocab.ORG_TYPES),
        format_func=lambda kind: types.get(kind, kind),
        placeholder=t("filters.all_types", lang),
        **_bound("type"),
    )
    roles = labels("role", lang)
    sidebar.pills(
        t("filters.role", lang),
        options=list(vocab.ROLES),
        format_func=lambda role: roles.get(role, role),
        selection_mode="multi",
        help=t("filters.none_means_all", lang),
        **_bound("role"),
    )
    low, high = state.bounds()
    sidebar.slider(
        t("filters.target_year", lang),
        min_value=low,
        max_value=high,
        step=1,
        help=t("filters.target_year_help", lang),
        **_bound("year"),
    )
    bases = labels("basis", lang)
    sidebar.pills(
        t("filters.basis", lang),
        options=list(FILTER_BASES),
        format_func=lambda basis: bases.get(basis, basis),
        selection_mode="multi",
        help=t("filters.basis_help", lang),
        **_bound("target"),
    )
    sidebar.button(
        t("filters.reset", lang),
        key=state.KEY_RESET,
        on_click=state.reset,
        icon=":material/restart_alt:",
    )

    sidebar.header(t("map.heading", lang))
    sidebar.toggle(
        t("map.show_arcs", lang),
        help=t("map.show_arcs_help", lang),
        **_bound("arcs"),
    )
    sidebar.toggle(
        t("map.online_tiles", lang),
        help=t("map.online_tiles_help", lang),
        **_bound("tiles"),
    )
