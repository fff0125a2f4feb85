"""What the coverage, data, display and about pages share: the dataset or a clear stop, and the hosted link."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from signatories import display
from signatories.dataset import Dataset
from signatories.errors import DataError
from signatories.filters import FilterState, apply_filters
from signatories.i18n import Lang, t
from signatories.ui import data, panels, sidebar, state

log = logging.getLogger(__name__)


def dataset_or_stop(lang: Lang) -> tuple[Dataset, str]:
    """The cached dataset and its directory; an unreadable data directory ends the page with a message."""
    directory = str(data.data_dir())
    try:
        return data.cached_dataset(directory), directory
    except DataError as error:
        st.error(t("explorer.data_unreadable", lang, error=error), icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this line only tells the type checker the function ends here


@dataclass(frozen=True)
class FilteredPage:
    """What a page with the filter sidebar works from."""

    dataset: Dataset
    directory: str
    filters: FilterState
    frame: pd.DataFrame  # the organisations the filters keep

    @property
    def lang(self) -> Lang:
        return self.filters.lang


def open_filtered_page(title_key: str, intro_key: str) -> FilteredPage:
    """The start the map, coverage and data pages share: the dataset, the sidebar's filters and what they
    keep, under the page's title, its introduction and the notes on what of the opened link was ignored."""
    dataset, directory = dataset_or_stop(state.current_lang())
    filters = sidebar.render_sidebar(dataset)
    st.title(t(title_key, filters.lang), anchor=False)
    st.caption(t(intro_key, filters.lang))
    panels.render_url_notes(filters.lang)
    frame = apply_filters(
        dataset.organisations,
        filters,
        countries=dataset.countries,
        haystack=data.cached_haystack(directory),
    )
    return FilteredPage(dataset, directory, filters, frame)


def _secrets() -> Mapping[str, object]:
    """The app's secrets, or nothing when there is no secrets file (the usual case on a laptop)."""
    try:
        return dict(st.secrets)
    except FileNotFoundError:
        return {}
    except StreamlitAPIException as error:
        # A malformed secrets.toml must not take a conference screen down; the link falls back instead.
        log.warning("secrets unreadable, the QR code uses the fallback link: %s", error)
        return {}


def hosted_link() -> str:
    """The dashboard's public address: env var, then secret, then this browser's address, then the default."""
    base_path = str(st.get_option("server.baseUrlPath") or "")
    return display.public_url(os.environ, _secrets(), st.context.url, base_path)


def render_language_only(dataset: Dataset) -> Lang:
    """The sidebar's language switch without the filters, keeping the filters' state and URL as they were."""
    state.restore(dataset.organisations, data.cached_known_values(str(data.data_dir())))
    lang = sidebar.render_language()
    state.save(state.current_state())
    return lang
