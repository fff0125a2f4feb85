"""One map as plain values, renderer-neutral: built once from the filtered frame, the language and the view.

Everything a reader of the map needs is decided here (camera, outlines, markers, names, arcs, legend with
counts, title, filter summary, credits, dataset date); the renderers (`map.deck`, `map.static`) only
translate it. Data text stays text: a renderer draws it as a text mark, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from signatories import theme, vocab
from signatories.app_state import AppState
from signatories.export import DATASET_DATE
from signatories.filters import Filters
from signatories.i18n import Lang, label, labels, localized, t
from signatories.labels import country_names
from signatories.map.camera import MapView, Viewport, fit_view, organisation_view, region_view
from signatories.map.seats import LabelStyle, arc_rows, draw_positions, seat_rows

# A coordinate found by Nominatim must credit OpenStreetMap wherever it is shown.
NOMINATIM_SOURCE = "nominatim"


@dataclass(frozen=True)
class MarkerLook:
    """A marker's outline and size: the selection wins over the proposer's ring; the size follows the role."""

    outline: str
    outline_px: float
    radius_px: float


def marker_look(proposer: bool, selected: bool) -> MarkerLook:
    radius = theme.PROPOSER_RADIUS_PX if proposer else theme.MARKER_RADIUS_PX
    if selected:
        return MarkerLook(theme.SELECTED_OUTLINE, theme.SELECTED_OUTLINE_PX, radius)
    if proposer:
        return MarkerLook(theme.PROPOSER_RING, theme.PROPOSER_OUTLINE_PX, radius)
    return MarkerLook(theme.MARKER_OUTLINE, theme.MARKER_OUTLINE_PX, radius)


@dataclass(frozen=True)
class Marker:
    org_id: str
    lon: float  # where it is drawn: Pacific longitude, spread on a ring when the seat is shared
    lat: float
    org_type: str
    colour: str
    proposer: bool
    selected: bool
    name: str


@dataclass(frozen=True)
class SeatLabel:
    lon: float
    lat: float
    text: str


@dataclass(frozen=True)
class Arc:
    source: tuple[float, float]
    target: tuple[float, float]


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: what a symbol means and how many of the shown organisations it stands for."""

    symbol: str  # "marker" (colour), "proposer" (ring), "arc", "country"
    colour: str
    text: str
    count: int


@dataclass(frozen=True)
class MapModel:
    lang: Lang
    camera: MapView
    viewport: Viewport
    outlines: Mapping[str, Any] | None  # GeoJSON in Pacific longitudes; None when the file is damaged
    tinted_countries: frozenset[str]
    markers: tuple[Marker, ...]
    labels: tuple[SeatLabel, ...]
    arcs: tuple[Arc, ...]
    legend: tuple[LegendEntry, ...]
    title: str
    summary: tuple[str, ...]  # filter summary, count, highlighted organisation
    credits: tuple[str, ...]
    dataset_date: date
    notes: tuple[str, ...]  # what the reader must know: nothing matches, outlines missing


def filter_summary(filters: Filters, countries: pd.DataFrame, lang: Lang) -> str:
    """The filters in words, for a title block: "Filters: countries Georgia; types City", or none."""
    join = t("export.value_separator", lang).join
    names = country_names(countries, lang)
    parts = []
    if filters.countries:
        parts.append(
            t("export.filter_countries", lang, values=join(names.get(c, c) for c in filters.countries))
        )
    if filters.org_types:
        kinds = join(label("org_type", kind, lang) for kind in filters.org_types)
        parts.append(t("export.filter_types", lang, values=kinds))
    if filters.roles:
        parts.append(
            t("export.filter_roles", lang, values=join(label("role", r, lang) for r in filters.roles))
        )
    low, high = filters.years
    if (low, high) != (None, None):
        parts.append(
            t("export.filter_years", lang, low="" if low is None else low, high="" if high is None else high)
        )
    if filters.bases:
        parts.append(
            t("export.filter_bases", lang, values=join(label("basis", b, lang) for b in filters.bases))
        )
    if filters.query:
        parts.append(t("export.filter_query", lang, query=filters.query))
    if not parts:
        return t("export.filters_none", lang)
    return t("export.filters", lang, parts=t("export.filter_separator", lang).join(parts))


def legend_entries(frame: pd.DataFrame, arcs: int, lang: Lang) -> tuple[LegendEntry, ...]:
    """What the map's symbols mean, each with how many of the shown organisations (arcs, countries) it marks."""
    located = frame.dropna(subset=["lat", "lon"])
    counts = located["org_type"].value_counts()
    names = labels("org_type", lang)
    entries = [
        LegendEntry("marker", theme.ORG_TYPE_COLOURS[kind], names[kind], int(counts.get(kind, 0)))
        for kind in vocab.ORG_TYPES
        if counts.get(kind, 0)
    ]
    proposers = int((located["role"] == "proposer").sum())
    if proposers:
        entries.append(
            LegendEntry("proposer", theme.PROPOSER_RING, t("map.legend_proposer", lang), proposers)
        )
    if arcs:
        entries.append(LegendEntry("arc", theme.ARC_TARGET_COLOUR, t("map.legend_arc", lang), arcs))
    shown_countries = int(located["country"].nunique())
    if shown_countries:
        entries.append(
            LegendEntry(
                "country", theme.SIGNATORY_COUNTRY_FILL, t("map.legend_country", lang), shown_countries
            )
        )
    return tuple(entries)


def map_camera(
    organisations: pd.DataFrame, frame: pd.DataFrame, state: AppState, viewport: Viewport
) -> MapView:
    """What opening the state's link shows: the link's own camera when it has one; else the organisation it
    names, if shown and located, close up with its country around it; else the shown organisations framed
    (the region when none is)."""
    if state.view.camera is not None:
        return state.view.camera
    located = frame.dropna(subset=["lat", "lon"])
    if state.view.selected and (located["id"] == state.view.selected).any():
        return organisation_view(organisations, state.view.selected, viewport)
    if located.empty:
        return region_view(organisations, viewport)
    return fit_view(frame, viewport)


def build_model(
    organisations: pd.DataFrame,
    frame: pd.DataFrame,
    countries: pd.DataFrame,
    outlines: Mapping[str, Any] | None,
    state: AppState,
    viewport: Viewport,
    label_style: LabelStyle,
    camera: MapView | None = None,
) -> MapModel:
    """The map of `frame` (the organisations the filters keep) as `state` shows it, for a `viewport`.

    `camera` overrides the framing rule of `map_camera` (the page passes the camera it shows).
    """
    lang = state.lang
    view = camera or map_camera(organisations, frame, state, viewport)
    positions = draw_positions(frame)
    located = frame.loc[positions.index]
    shown_ids = frozenset(frame["id"].tolist())
    selected = state.view.selected if state.view.selected in shown_ids else ""
    markers = tuple(
        Marker(
            org_id=str(row["id"]),
            lon=float(positions.at[index, "draw_lon"]),
            lat=float(positions.at[index, "draw_lat"]),
            org_type=str(row["org_type"]),
            colour=theme.ORG_TYPE_COLOURS.get(str(row["org_type"]), theme.LABEL_COLOUR),
            proposer=row["role"] == "proposer",
            selected=row["id"] == selected,
            name=localized(row, "name", lang),
        )
        # Proposers last, drawn on top of the participants sharing their city; then by id, for stable files.
        for index, row in located.sort_values(["role", "id"], key=_proposers_last).iterrows()
    )
    arcs = tuple(
        Arc(tuple(row["from"]), tuple(row["to"]))  # type: ignore[arg-type]
        for row in (arc_rows(organisations, frame) if state.view.show_arcs else [])
    )
    seat_labels = tuple(
        SeatLabel(row["position"][0], row["position"][1], row["text"])
        for row in seat_rows(frame, lang, view.zoom, label_style)
    )
    summary = [filter_summary(state.filters, countries, lang)]
    summary.append(t("export.shown", lang, shown=len(frame), total=len(organisations)))
    if selected:
        name = next(marker.name for marker in markers if marker.org_id == selected)
        summary.append(t("export.selected", lang, name=name))
    credits = [t("export.credit_base", lang)]
    if (located["coord_source"] == NOMINATIM_SOURCE).any():
        credits.append(t("export.credit_osm", lang))
    notes = []
    if frame.empty:
        notes.append(t("export.nothing_matches", lang))
    if outlines is None:
        notes.append(t("export.no_outlines", lang))
    return MapModel(
        lang=lang,
        camera=view,
        viewport=viewport,
        outlines=outlines,
        tinted_countries=frozenset(located["country"].tolist()),
        markers=markers,
        labels=seat_labels,
        arcs=arcs,
        legend=legend_entries(frame, len(arcs), lang),
        title=t("export.title", lang),
        summary=tuple(summary),
        credits=tuple(credits),
        dataset_date=DATASET_DATE,
        notes=tuple(notes),
    )


def _proposers_last(column: pd.Series) -> pd.Series:
    return column.eq("proposer") if column.name == "role" else column
