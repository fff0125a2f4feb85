"""The map of one state as a file: what the map page's downloads and the `map` command both call.

One function from (dataset, outlines, state, format) to bytes, so a page download and the command give the
same file for the same link. The camera is what opening the link shows, at the file's map area
(`model.map_camera`): the link's own camera when it has one, else the organisation it names close up,
else the shown organisations framed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from signatories.app_state import AppState
from signatories.dataset import Dataset, load_dataset
from signatories.errors import DataError
from signatories.filters import apply_filters
from signatories.map.model import MapModel, build_model
from signatories.map.outlines import drawing_basemap
from signatories.map.static import MEDIA_TYPES, STATIC_LABELS, STATIC_VIEWPORT, Format, file_name, render
from signatories.paths import BORDERS_FILE
from signatories.url_state import Known, parse


@dataclass(frozen=True)
class MapExport:
    content: bytes
    file_name: str
    media_type: str
    notes: tuple[str, ...]  # what of the link was ignored, and what the map could not draw


def static_model(
    dataset: Dataset, frame: pd.DataFrame, outlines: Mapping[str, Any] | None, state: AppState
) -> MapModel:
    """The model a file draws: the page's state at the file's fixed size."""
    return build_model(
        dataset.organisations, frame, dataset.countries, outlines, state, STATIC_VIEWPORT, STATIC_LABELS
    )


def export_state(
    dataset: Dataset, frame: pd.DataFrame, outlines: Mapping[str, Any] | None, state: AppState, fmt: Format
) -> MapExport:
    model = static_model(dataset, frame, outlines, state)
    return MapExport(render(model, fmt), file_name(model, fmt), MEDIA_TYPES[fmt], model.notes)


def outlines_or_none(directory: Path) -> tuple[dict[str, Any] | None, str]:
    """The outlines, or None and why: a missing or damaged file costs the basemap, never the map."""
    path = directory / BORDERS_FILE
    if not path.exists():
        return None, f"no country outlines at {path}"
    try:
        return drawing_basemap(path), ""
    except DataError as error:
        return None, str(error)


def export_map(directory: Path, params: Mapping[str, Sequence[str]], fmt: Format) -> MapExport:
    """The file a shared link's query gives, with the page's notes on what of it was ignored."""
    dataset = load_dataset(directory)
    state, notes = parse(params, Known.of(dataset.countries, dataset.organisations))
    frame = apply_filters(dataset.organisations, state.filters, countries=dataset.countries)
    outlines, problem = outlines_or_none(directory)
    export = export_state(dataset, frame, outlines, state, fmt)
    extra = [note.render(state.lang) for note in notes] + ([problem] if problem else [])
    return MapExport(export.content, export.file_name, export.media_type, (*extra, *export.notes))
