"""The map as files on the page: the downloads under the map, and the picture the display screen shows
where WebGL is missing.

Both go through `map.export.export_map` with the state's own link query, the function the `map` command
calls, so a download and the command give the same bytes for the same link. Files are made on demand (a
download renders when clicked) and cached per data directory, query and format.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import streamlit as st

from signatories.app_state import AppState
from signatories.export import DATASET_DATE
from signatories.i18n import t
from signatories.map.export import export_map
from signatories.map.static import FORMATS, MEDIA_TYPES, Format, file_name_for
from signatories.url_state import serialise

DOWNLOAD_LABELS: dict[Format, str] = {
    "svg": "export.download_svg",
    "png": "export.download_png",
    "pdf": "export.download_pdf",
}


def link_query(current: AppState) -> str:
    """The query string of the link that shows `current`."""
    return urlencode(serialise(current), doseq=True)


@st.cache_data(show_spinner=False, max_entries=64)
def map_file(directory: str, query: str, fmt: Format) -> bytes:
    return export_map(Path(directory), parse_qs(query, keep_blank_values=True), fmt).content


def render_downloads(directory: str, current: AppState) -> None:
    """ "Map as SVG", "PNG", "PDF" of exactly this state; each file is drawn when its button is clicked."""
    query = link_query(current)
    with st.container(horizontal=True, key="map_downloads"):
        for fmt in FORMATS:
            _download_button(directory, query, current, fmt)


def _download_button(directory: str, query: str, current: AppState, fmt: Format) -> None:
    lang = current.lang
    st.download_button(
        t(DOWNLOAD_LABELS[fmt], lang),
        data=partial(map_file, directory, query, fmt),
        file_name=file_name_for(lang, fmt, DATASET_DATE),
        mime=MEDIA_TYPES[fmt],
        key=f"map_download_{fmt}",
        icon=":material/download:" if fmt == "svg" else None,
        help=t("export.download_help", lang),
        on_click="ignore",
    )
