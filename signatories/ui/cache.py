"""Where the pages read their data: loaded once per process and per data directory, shared by every session."""

import os
from pathlib import Path
from typing import Any, Final

import pandas as pd
import streamlit as st

from signatories import theme
from signatories.dataset import Dataset, load_dataset
from signatories.filters import Tally, search_haystack
from signatories.i18n import Lang
from signatories.labels import country_options, describe
from signatories.map.camera import MapView, Viewport, region_view
from signatories.map.deck import Basemap, MarkerRows, marker_rows, web_basemap
from signatories.map.model import Marker, model_markers
from signatories.map.outlines import drawing_basemap
from signatories.paths import BORDERS_FILE, DATA_DIR, STATIC_DIR
from signatories.ui.arrow_rows import ArrowRows
from signatories.url_state import Known

# The one place the app reads a data directory override (tests use a copy with crafted names).
DATA_DIR_ENV: Final = "SIGNATORIES_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(override) if override else DATA_DIR


# A resource rather than data: st.cache_data would unpickle a fresh copy of every frame on every rerun
# (5 ms at 45 organisations, far more at 10,000). Sharing one object is safe because nothing assigns into
# it and pandas' copy-on-write keeps every derived frame from writing through to it.
@st.cache_resource(show_spinner=False)
def cached_dataset(directory: str) -> Dataset:
    return load_dataset(directory)


@st.cache_resource(show_spinner=False)
def cached_known_values(directory: str) -> Known:
    """What a link may name: the countries and organisations of the dataset in `directory`."""
    dataset = cached_dataset(directory)
    return Known.of(dataset.countries, dataset.organisations)


# What follows is derived from the cached dataset and kept as resources: read-only on every rerun, so one
# object per data directory and language serves every session without a pickle round trip per rerun.
@st.cache_resource(show_spinner=False)
def cached_model_markers(
    directory: str, lang: Lang, spread_deg: float = theme.CO_LOCATED_SPREAD_DEG
) -> tuple[Marker, ...]:
    """Every organisation's marker; a filter change only changes which are shown."""
    dataset = cached_dataset(directory)
    return model_markers(dataset.organisations, dataset.countries, lang, spread_deg)


@st.cache_resource(show_spinner=False)
def cached_marker_rows(
    directory: str, lang: Lang, spread_deg: float = theme.CO_LOCATED_SPREAD_DEG
) -> MarkerRows:
    """The marker layer's rows serialised once, less each rerun's state."""
    return marker_rows(cached_model_markers(directory, lang, spread_deg))


@st.cache_resource(show_spinner=False)
def cached_region_view(directory: str, viewport: Viewport) -> MapView:
    return region_view(cached_dataset(directory).organisations, viewport)


@st.cache_resource(show_spinner=False)
def cached_descriptions(directory: str, lang: Lang) -> pd.DataFrame:
    """`labels.describe` of every organisation, indexed like the dataset; do not mutate."""
    dataset = cached_dataset(directory)
    return describe(dataset.organisations, dataset.countries, lang)


# A resource, not data: the GeoJSON is only read, so one object serves every session instead of a copy
# per rerun.
@st.cache_resource(show_spinner=False)
def cached_outlines(directory: str, tolerance: float = theme.BASEMAP_SIMPLIFY_DEG) -> dict[str, Any] | None:
    """Country outlines in Pacific longitudes thinned to `tolerance` (a map takes the detail its zoom needs,
    `outlines.tolerance_for_zoom`), or None when the data directory has none."""
    path = Path(directory) / BORDERS_FILE
    if not path.exists():
        return None
    return drawing_basemap(path, tolerance)


@st.cache_resource(show_spinner=False)
def cached_web_basemap(directory: str, tolerance: float) -> Basemap | None:
    """The live map's basemap thinned to `tolerance` (`outlines.tolerance_for_zoom`): the address of its
    files in static/ when they match the outlines, else inline."""
    outlines = cached_outlines(directory, tolerance)
    return None if outlines is None else web_basemap(outlines, STATIC_DIR)


@st.cache_resource(show_spinner=False)
def cached_haystack(directory: str) -> tuple[str, ...]:
    """`filters.search_haystack` of the dataset: folding every name once, not on each search."""
    dataset = cached_dataset(directory)
    return search_haystack(dataset.organisations, dataset.countries)


@st.cache_resource(show_spinner=False)
def cached_country_options(directory: str, lang: Lang) -> dict[str, str]:
    """The country filter's labelled options; do not mutate."""
    return country_options(cached_dataset(directory).countries, lang)


@st.cache_resource(show_spinner=False)
def cached_tally(directory: str) -> Tally:
    """What the headline figures add up, per organisation: a rerun counts its selection with array sums."""
    return Tally.of(cached_dataset(directory).organisations)


@st.cache_resource(show_spinner=False)
def cached_table_arrow(directory: str, lang: Lang, columns: tuple[str, ...]) -> ArrowRows:
    """These `columns` of `cached_descriptions`, converted to Arrow once: a rerun sends its rows without a
    conversion of its own; do not mutate."""
    return ArrowRows.of(cached_descriptions(directory, lang)[list(columns)])
