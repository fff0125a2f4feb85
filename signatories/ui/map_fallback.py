"""The explorer's map where the browser has no WebGL: the files' map drawn live by Vega, hover and click kept.

The chart is the model the files draw, at the page's chart width and with the camera the live map would
open with; a hover shows the live map's short card, a click selects the organisation as a map click does
(a click on empty map clears it). The page's own legend, credits and downloads stay under it.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Final

import streamlit as st

from signatories.i18n import t
from signatories.map.camera import MapView, Viewport
from signatories.map.fallback import page_spec, picked
from signatories.map.model import LegendEntry, build_model
from signatories.map.static import STATIC_LABELS
from signatories.ui import cache, map_files, state
from signatories.ui.page import PageContext

KEY_FALLBACK: Final = "map_fallback"
KEY_CONTAINER: Final = "fallback_map"


def _chart_key() -> str:
    # A new key drops the chart's own selection in the browser, as for the live map (state.map_generation).
    return f"{KEY_FALLBACK}_{state.map_generation()}"


def _on_pick(key: str) -> None:
    state.select(picked(st.session_state.get(key)) or "", from_map=True)


# Keyed by the link's query (filters, language, selection, arcs, camera of the link), the chart's size and
# the camera shown; the underscored values follow from those and are not hashed.
@st.cache_data(show_spinner=False, max_entries=32)
def _spec(
    directory: str,
    query: str,
    size: tuple[float, float],
    camera: tuple[float, float, float],
    _context: PageContext,
    _outlines: dict[str, Any] | None,
) -> tuple[dict[str, Any], tuple[LegendEntry, ...], str]:
    """The chart's spec, the model's legend and its selection (the organisation highlighted, if shown)."""
    dataset, lang = _context.dataset, _context.lang
    model = build_model(
        dataset.organisations,
        _context.frame,
        dataset.countries,
        _outlines,
        _context.state,
        Viewport(*size),
        STATIC_LABELS,
        camera=MapView(*camera),
        markers=cache.cached_model_markers(directory, lang),
    )
    return page_spec(model), model.legend, model.selected


def render_fallback_map(
    context: PageContext, basemap: dict[str, Any] | None, camera: MapView, viewport: Viewport
) -> tuple[LegendEntry, ...]:
    """The map as Vega draws it, under the line that says why the live map is missing; returns its legend."""
    lang = context.lang
    st.caption(t("export.no_webgl", lang))
    spec, legend, selected = _spec(
        context.directory,
        map_files.link_query(context.state),
        (viewport.width_px, viewport.height_px),
        (camera.latitude, camera.longitude, camera.zoom),
        context,
        basemap,
    )
    key = _chart_key()
    last_pick = picked(st.session_state.get(key))
    if last_pick is not None and last_pick != selected:
        # The chart still holds a click the selection has since moved on from (the table, the details panel,
        # a filter hiding it): start it afresh, or the same click again would send Streamlit no change.
        state.restart_map()
        key = _chart_key()
    with st.container(key=KEY_CONTAINER):
        st.vega_lite_chart(
            spec,
            width="content",
            theme=None,
            key=key,
            on_select=partial(_on_pick, key),
            alt=t("map.alt", lang, count=len(context.frame)),
        )
    return legend
