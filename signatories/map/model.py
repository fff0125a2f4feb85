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
from signatories.i18n import Lang, label, labels, t
from signatories.labels import country_names, describe, target_years
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
    """One located organisation as every map draws it; what no filter changes (see `model_markers`)."""

    org_id: str
    lon: float  # where it is drawn: Pacific longitude, spread on a ring when the seat is shared
    lat: float
    org_type: str
    colour: str
    proposer: bool
    name: str  # in the model's language
    kind: str  # the organisation's type, in words
    target: str  # its effective target year in words ("by 2050"), or that none was found


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
    # Every located organisation in one fixed order (proposers last, drawn on top; then by id), whether the
    # filters show it or not: a live map keeps a slot for each, so its click indices and positions never
    # shift, and the display draws the others dimmed. `shown` says which the filters keep.
    markers: tuple[Marker, ...]
    shown: frozenset[str]
    selected: str  # the highlighted organisation, if it is shown; else ""
    labels: tuple[SeatLabel, ...]
    arcs: tuple[Arc, ...]
    legend: tuple[LegendEntry, ...]
    title: str
    summary: tuple[str, ...]  # filter summary, count, highlighted organisation
    credits: tuple[str, ...]
    dataset_date: date
    notes: tuple[str, ...]  # what the reader must know: nothing matches, outlines missing

    def shown_markers(self) -> tuple[Marker, ...]:
        """The markers the filters keep, in drawing order: all a file draws."""
        return tuple(marker for marker in self.markers if marker.org_id in self.shown)


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
        entries.append(LegendEntry("arc", theme.ARC_COLOUR, t("map.legend_arc", lang), arcs))
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


def model_markers(
    organisations: pd.DataFrame,
    countries: pd.DataFrame,
    lang: Lang,
    spread_deg: float = theme.CO_LOCATED_SPREAD_DEG,
) -> tuple[Marker, ...]:
    """Every located organisation as a marker, in the fixed drawing order; the same for every filter, so a
    page computes it once per dataset and language."""
    positions = draw_positions(organisations, spread_deg)
    # Proposers last, drawn on top of the participants sharing their city; then by id, for stable files.
    order = organisations.loc[positions.index].sort_values(["role", "id"], key=_proposers_last).index
    located, positions = organisations.loc[order], positions.loc[order]
    text = describe(located, countries, lang)
    # "by 2050", "2050年まで"; "No target found" without a year.
    years = target_years(located, lang).where(located["target_year"].notna(), label("basis", "none", lang))
    columns = zip(
        located["id"].astype(str).tolist(),
        positions["draw_lon"].astype(float).tolist(),
        positions["draw_lat"].astype(float).tolist(),
        located["org_type"].astype(str).tolist(),
        (located["role"] == "proposer").tolist(),
        text["name"].tolist(),
        text["type"].tolist(),
        years.tolist(),
        strict=True,
    )
    return tuple(
        Marker(
            org_id=org_id,
            lon=lon,
            lat=lat,
            org_type=kind,
            colour=theme.ORG_TYPE_COLOURS.get(kind, theme.LABEL_COLOUR),
            proposer=bool(proposer),
            name=str(name),
            kind=str(kind_text),
            target=str(year),
        )
        for org_id, lon, lat, kind, proposer, name, kind_text, year in columns
    )


def build_model(
    organisations: pd.DataFrame,
    frame: pd.DataFrame,
    countries: pd.DataFrame,
    outlines: Mapping[str, Any] | None,
    state: AppState,
    viewport: Viewport,
    label_style: LabelStyle,
    camera: MapView | None = None,
    markers: tuple[Marker, ...] | None = None,
) -> MapModel:
    """The map of `frame` (the organisations the filters keep) as `state` shows it, for a `viewport`.

    `camera` overrides the framing rule of `map_camera` (the page passes the camera it shows); `markers`
    are `model_markers(organisations, countries, state.lang)`, which a page keeps between reruns.
    """
    lang = state.lang
    view = camera or map_camera(organisations, frame, state, viewport)
    if markers is None:
        markers = model_markers(organisations, countries, lang)
    located = frame.dropna(subset=["lat", "lon"])
    shown = frozenset(located["id"].astype(str).tolist())
    selected = state.view.selected if state.view.selected in shown else ""
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
        shown=shown,
        selected=selected,
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
