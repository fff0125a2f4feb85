"""The page's state across reruns, pages and languages: one value in session state, mirrored to the URL.

The single source of truth is the `AppState` under `STATE_KEY`, a plain session-state value that
Streamlit never clears. Every page reads it the same way and changes it only through callbacks:

- on a session's first run the URL is parsed (`url_state.parse`, which notes every ignored value);
- before the sidebar is drawn, every widget's session-state key is set from the state (`restore`).
  Streamlit drops or mis-keeps the state of widgets a page does not draw, and widgets on different
  pages are different widgets to it; and a choice widget's value is the label it showed, so after a
  language switch its old value no longer matches any option. Setting each widget from the state on
  every run makes all of that irrelevant;
- a widget's change reaches the state through its `on_change` callback, which runs before the page
  script (`widget_changed`); map, table and buttons use `select`, `request_camera`, `reset`;
- after the page is drawn, the state is written to the URL (`save`), so a copied link reproduces it.

Streamlit's `bind="query-params"` is deliberately not used: it drops an invalid value silently, and the
user must be told what of their link was ignored; one parser for every parameter also keeps the rules
(caps, notes) in one tested place.
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd
import streamlit as st

from signatories import vocab
from signatories.app_state import AppState
from signatories.filters import YearRange
from signatories.i18n import Lang, as_lang
from signatories.map.camera import MapView
from signatories.url_state import (
    LANG,
    WIDGET_PARAMS,
    Known,
    Note,
    Param,
    parse,
    serialise,
    value_of,
    with_value,
)

STATE_KEY: Final = "app_state"
NOTES_KEY: Final = "app_url_notes"
YEAR_BOUNDS_KEY: Final = "app_year_bounds"
# Counts camera requests: Streamlit moves the map only to a view that differs from the last one sent.
CAMERA_REQUESTS_KEY: Final = "app_camera_requests"
# The organisation a link opened with and no camera of its own: framed until the user moves the map.
LINKED_KEY: Final = "app_linked_organisation"
# Counts selections made anywhere but on the map itself (see `map_generation`).
SELECTION_CHANGES_KEY: Final = "app_selection_changes"

KEY_RESET: Final = "filter_reset"
_PARAM_BY_WIDGET: Final = {param.widget: param for param in WIDGET_PARAMS}
WIDGET_KEYS: Final = tuple(_PARAM_BY_WIDGET)
_WIDGET_BY_PARAM: Final = {param.name: param.widget for param in WIDGET_PARAMS}
KEY_LANG: Final = _WIDGET_BY_PARAM[LANG]

YearBounds = tuple[int, int]


def widget_key(param: str) -> str:
    """The session-state key of the widget that shows URL parameter `param`."""
    return _WIDGET_BY_PARAM[param]


def year_bounds(organisations: pd.DataFrame, years: YearRange) -> YearBounds:
    """The year slider's ends: the data's target years, widened to any year a link asks for."""
    found = [int(year) for year in organisations["target_year"].dropna()]
    found += [year for year in years if year is not None]
    if not found or min(found) == max(found):
        # A slider needs two distinct ends; the vocabulary's range is the natural fallback.
        return vocab.TARGET_YEAR_MIN, vocab.TARGET_YEAR_MAX
    return min(found), max(found)


def to_widget(param: Param, value: Any, bounds: YearBounds) -> Any:
    """The value the widget of `param` shows for the state's `value`."""
    if isinstance(value, tuple) and param.field == "years":
        low, high = bounds
        year_min, year_max = value
        return (low if year_min is None else year_min, high if year_max is None else year_max)
    if isinstance(value, tuple):
        return list(value)
    return value


def from_widget(param: Param, value: Any, bounds: YearBounds) -> Any:
    """The state's value for what the widget of `param` shows; a slider end at its bound means no limit."""
    if param.field == "years":
        low, high = bounds
        year_min, year_max = value if value is not None else (low, high)
        return (None if year_min <= low else int(year_min), None if year_max >= high else int(year_max))
    if param.field == "lang":
        return as_lang(value)
    if isinstance(value_of(AppState(), param), tuple):
        return tuple(value or ())
    if isinstance(value_of(AppState(), param), bool):
        return bool(value)
    return "" if value is None else str(value)


def widget_values(state: AppState, bounds: YearBounds) -> dict[str, Any]:
    """The value of each sidebar widget that shows `state`."""
    return {key: to_widget(param, value_of(state, param), bounds) for key, param in _PARAM_BY_WIDGET.items()}


def query_params() -> dict[str, list[str]]:
    """Every URL parameter with all its values (`st.query_params[...]` would give only the last)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def restore(organisations: pd.DataFrame, known: Known) -> AppState:
    """The state: read from the URL on a session's first run; every widget key set from it."""
    if STATE_KEY not in st.session_state:
        state, notes = parse(query_params(), known)
        st.session_state[STATE_KEY] = state
        st.session_state[NOTES_KEY] = notes
        st.session_state[LINKED_KEY] = state.view.selected if state.view.camera is None else ""
        st.session_state[YEAR_BOUNDS_KEY] = year_bounds(organisations, state.filters.years)
    state = current()
    for key, value in widget_values(state, bounds()).items():
        st.session_state[key] = value
    return state


def current() -> AppState:
    value: AppState = st.session_state[STATE_KEY]
    return value


def _store(state: AppState) -> None:
    st.session_state[STATE_KEY] = state


def bounds() -> YearBounds:
    value: YearBounds = st.session_state.get(YEAR_BOUNDS_KEY, (vocab.TARGET_YEAR_MIN, vocab.TARGET_YEAR_MAX))
    return value


def widget_changed(key: str) -> None:
    """Widget callback: the state takes the widget's new value."""
    if STATE_KEY not in st.session_state:
        return  # a widget of a session whose state was never read (a server restart): restore reads the URL
    param = _PARAM_BY_WIDGET[key]
    _store(with_value(current(), param, from_widget(param, st.session_state.get(key), bounds())))


def save(state: AppState) -> None:
    """Write `state` to the URL if the URL says something else."""
    params = serialise(state)
    if params != query_params():
        st.query_params.from_dict(params)


def reset() -> None:
    """Button callback: every filter back to "everything", keeping the language and map options."""
    _store(current().reset_filters())
    st.session_state[NOTES_KEY] = []
    _count(SELECTION_CHANGES_KEY)


def url_notes() -> list[Note]:
    notes: list[Note] = st.session_state.get(NOTES_KEY, [])
    return notes


def selected() -> str:
    return current().view.selected if STATE_KEY in st.session_state else ""


def _count(key: str) -> int:
    value = int(st.session_state.get(key, 0)) + 1
    st.session_state[key] = value
    return value


def select(org_id: str, *, from_map: bool = False) -> None:
    """Open the details of `org_id` ("" closes them)."""
    if org_id == selected():
        return  # a widget repeating the selection it was given
    _store(current().with_view(selected=org_id))
    if not from_map:
        _count(SELECTION_CHANGES_KEY)


def map_generation() -> int:
    """Changes whenever the selection was made somewhere other than the map.

    The map keeps its own selection in the browser and fades every other marker; a selection made in
    the table or the details panel must start the map afresh, or it would keep fading the wrong ones.
    """
    return int(st.session_state.get(SELECTION_CHANGES_KEY, 0))


def current_lang() -> Lang:
    """The language before the page has run: the state's, else the URL's."""
    if STATE_KEY in st.session_state:
        return current().lang
    return as_lang(st.query_params.get(LANG))


def request_camera(camera: MapView | None) -> None:
    """Button callback: frame the map on `camera` (None: the whole region), even if asked for before."""
    _store(current().with_view(camera=camera))
    st.session_state[LINKED_KEY] = ""
    _count(CAMERA_REQUESTS_KEY)


def linked_organisation() -> str:
    """The organisation the opening link named, while no camera was asked for since ("" otherwise)."""
    return str(st.session_state.get(LINKED_KEY, ""))


def camera_requests() -> int:
    return int(st.session_state.get(CAMERA_REQUESTS_KEY, 0))


def restart_map() -> None:
    """Start the map afresh in the browser (its own selection dropped) on this run."""
    _count(SELECTION_CHANGES_KEY)
