"""The explorer's state across reruns and in the URL.

How the URL and the widgets stay in step: the URL is read once per browser session, on the first run,
through `url_state.parse`, which names every ignored value in a note the page shows; the parsed state
seeds the widgets' session-state keys. From then on the widgets are the source of truth, and every
run writes the URL back with `url_state.serialise`, so a copied link always reproduces the view.

Streamlit's `bind="query-params"` is deliberately not used: it drops an invalid value silently, and
the user must be told what of their link was ignored; and a bound parameter cannot also be written
through `st.query_params`, which the selected organisation (chosen on the map, not in a widget) needs.
One parser for every parameter also keeps the rules (caps, notes) in one tested place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import pandas as pd
import streamlit as st

from signatories import vocab
from signatories.deck import MapView
from signatories.filters import FilterState, reset_filters
from signatories.i18n import Lang, as_lang
from signatories.url_state import PARAM_LANG, Known, Note, parse, serialise

KEY_LANG: Final = "lang"
KEY_QUERY: Final = "filter_query"
KEY_COUNTRIES: Final = "filter_countries"
KEY_TYPES: Final = "filter_types"
KEY_ROLES: Final = "filter_roles"
KEY_YEARS: Final = "filter_years"
KEY_NO_TARGET: Final = "filter_no_target"
KEY_BASES: Final = "filter_bases"
KEY_ARCS: Final = "map_arcs"
KEY_TILES: Final = "map_tiles"
KEY_RESET: Final = "filter_reset"
WIDGET_KEYS: Final = (
    KEY_LANG,
    KEY_QUERY,
    KEY_COUNTRIES,
    KEY_TYPES,
    KEY_ROLES,
    KEY_YEARS,
    KEY_NO_TARGET,
    KEY_BASES,
    KEY_ARCS,
    KEY_TILES,
)

# Session-state keys that are not widgets.
STATE_KEY: Final = "explorer_state"  # the FilterState of the last run; reseeds widgets on other pages
NOTES_KEY: Final = "explorer_url_notes"
SELECTED_KEY: Final = "explorer_selected"
YEAR_BOUNDS_KEY: Final = "explorer_year_bounds"
VIEW_KEY: Final = "explorer_view"
VIEW_REQUESTS_KEY: Final = "explorer_view_requests"

YearBounds = tuple[int, int]


def year_bounds(organisations: pd.DataFrame, state: FilterState) -> YearBounds:
    """The year slider's ends: the data's target years, widened to any year a link asks for."""
    years = [int(year) for year in organisations["target_year"].dropna()]
    years += [year for year in (state.year_min, state.year_max) if year is not None]
    if not years or min(years) == max(years):
        # A slider needs two distinct ends; the vocabulary's range is the natural fallback.
        return vocab.TARGET_YEAR_MIN, vocab.TARGET_YEAR_MAX
    return min(years), max(years)


def widget_values(state: FilterState, bounds: YearBounds) -> dict[str, Any]:
    """The value of each widget that shows `state`; a missing year bound shows as the slider's end."""
    low, high = bounds
    return {
        KEY_LANG: state.lang,
        KEY_QUERY: state.query,
        KEY_COUNTRIES: list(state.countries),
        KEY_TYPES: list(state.org_types),
        KEY_ROLES: list(state.roles),
        KEY_YEARS: (
            low if state.year_min is None else state.year_min,
            high if state.year_max is None else state.year_max,
        ),
        KEY_NO_TARGET: state.include_no_target,
        KEY_BASES: list(state.bases),
        KEY_ARCS: state.show_arcs,
        KEY_TILES: state.online_basemap,
    }


def state_from_widgets(values: Mapping[str, Any], bounds: YearBounds, selected: str) -> FilterState:
    """The state the widgets show; a slider end at the bound means "no limit" on that side."""
    low, high = bounds
    year_min, year_max = values[KEY_YEARS]
    return FilterState(
        countries=tuple(values[KEY_COUNTRIES] or ()),
        org_types=tuple(values[KEY_TYPES] or ()),
        roles=tuple(values[KEY_ROLES] or ()),
        year_min=None if year_min <= low else int(year_min),
        year_max=None if year_max >= high else int(year_max),
        include_no_target=bool(values[KEY_NO_TARGET]),
        bases=tuple(values[KEY_BASES] or ()),
        query=str(values[KEY_QUERY] or ""),
        selected=selected,
        lang=as_lang(values[KEY_LANG]),
        show_arcs=bool(values[KEY_ARCS]),
        online_basemap=bool(values[KEY_TILES]),
    )


def query_params() -> dict[str, list[str]]:
    """Every URL parameter with all its values (`st.query_params[...]` would give only the last)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def restore(organisations: pd.DataFrame, known: Known) -> None:
    """Read the URL on a session's first run; make sure every widget key holds the current state."""
    if STATE_KEY not in st.session_state:
        state, notes = parse(query_params(), known)
        st.session_state[STATE_KEY] = state
        st.session_state[NOTES_KEY] = notes
        st.session_state[SELECTED_KEY] = state.selected
        st.session_state[YEAR_BOUNDS_KEY] = year_bounds(organisations, state)
    state = st.session_state[STATE_KEY]
    # Streamlit forgets the state of widgets a page did not draw; the last state brings them back.
    for key, value in widget_values(state, bounds()).items():
        if key not in st.session_state:
            st.session_state[key] = value


def bounds() -> YearBounds:
    value: YearBounds = st.session_state[YEAR_BOUNDS_KEY]
    return value


def current_state() -> FilterState:
    """The state the widgets show now (call after they are drawn)."""
    values = {key: st.session_state.get(key) for key in WIDGET_KEYS}
    return state_from_widgets(values, bounds(), selected())


def save(state: FilterState) -> None:
    """Remember `state` and write it to the URL if it changed."""
    st.session_state[STATE_KEY] = state
    params = serialise(state)
    if params != query_params():
        st.query_params.from_dict(params)


def reset() -> None:
    """Button callback: every filter back to "everything", keeping the language and map options."""
    state = reset_filters(st.session_state[STATE_KEY])
    for key, value in widget_values(state, bounds()).items():
        st.session_state[key] = value
    st.session_state[SELECTED_KEY] = ""
    st.session_state[NOTES_KEY] = []
    st.session_state[STATE_KEY] = state


def url_notes() -> list[Note]:
    notes: list[Note] = st.session_state.get(NOTES_KEY, [])
    return notes


def selected() -> str:
    return str(st.session_state.get(SELECTED_KEY, ""))


def select(org_id: str) -> None:
    st.session_state[SELECTED_KEY] = org_id


def current_lang() -> Lang:
    """The language before the page has run: the language widget's value, else the URL's."""
    if KEY_LANG in st.session_state:
        return as_lang(st.session_state[KEY_LANG])
    return as_lang(st.query_params.get(PARAM_LANG))


def map_view(default: MapView) -> MapView:
    """The view last asked for with "fit" or "whole region", else `default`."""
    view: MapView = st.session_state.get(VIEW_KEY) or default
    return view


def request_view(view: MapView) -> None:
    """Move the camera to `view` on the next draw, even if it was asked for before (see MapView.nudged)."""
    requests = int(st.session_state.get(VIEW_REQUESTS_KEY, 0)) + 1
    st.session_state[VIEW_REQUESTS_KEY] = requests
    st.session_state[VIEW_KEY] = view.nudged(requests)
