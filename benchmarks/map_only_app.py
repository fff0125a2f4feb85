"""The explorer's map and nothing else: its deck (land, borders, lines from the proposers, markers, seat
names) in a plain st.pydeck_chart, without the page around it (sidebar, figures, details, table).

Beside the explorer and the minimal app in the first-map benchmark, it tells what the map's own layers cost
from what the page's other elements cost. With `MAP_ONLY_LEAVE_OUT` (layer ids, comma-separated; a prefix
names a family, "arcs" every proposer's lines) it draws the same deck without those layers, so the benchmark
can say what each one adds to the first frame.
"""

import os

import streamlit as st

from benchmarks.first_map_apps import LEAVE_OUT_ENV, kept_layers
from signatories import theme
from signatories.app_state import AppState
from signatories.map.camera import Viewport, camera_width, region_view
from signatories.map.deck import EXPLORER_STYLE, build_deck
from signatories.map.model import build_model
from signatories.map.outlines import tolerance_for_zoom
from signatories.ui import cache

directory = str(cache.data_dir())
dataset = cache.cached_dataset(directory)
viewport = Viewport(theme.MAP_NOMINAL_WIDTH_PX, theme.MAP_HEIGHT_PX)
camera = region_view(dataset.organisations, Viewport(camera_width(viewport.width_px), viewport.height_px))
model = build_model(
    dataset.organisations,
    dataset.organisations,
    dataset.countries,
    cache.cached_outlines(directory),
    AppState(),
    viewport,
    EXPLORER_STYLE.labels,
    camera=camera,
    markers=cache.cached_model_markers(directory, "en"),
)
basemap = cache.cached_web_basemap(directory, tolerance_for_zoom(camera.zoom))
deck = build_deck(model, EXPLORER_STYLE, basemap, cache.cached_marker_rows(directory, "en"))
deck.layers = kept_layers(deck.layers, os.environ.get(LEAVE_OUT_ENV, ""))
st.pydeck_chart(deck, height=theme.MAP_HEIGHT_PX)
