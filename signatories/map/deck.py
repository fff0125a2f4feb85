"""The live map as a pydeck Deck: country outlines, arcs from the proposers, markers and seat labels.

Pure: frames and options in, a Deck out, no Streamlit. Three things keep the map usable across reruns:

- The marker layer always holds every organisation, in one fixed order; filters only switch
  markers off (deck.gl's DataFilterExtension). Streamlit remembers a map click as an index into the
  layer's data, so a stable order keeps a selection pointing at the same organisation after a filter
  change, and markers never move when others are filtered away.
- The view state is passed in, not computed from the data: Streamlit re-applies the view only when it
  changes, so filtering leaves the user's pan and zoom alone and "fit to selection" moves it on request.
- Longitudes go through `borders.pacific_longitude`, the one antimeridian shift, so Samoa and the Cook
  Islands sit east of Papua New Guinea for points, arcs, labels and outlines alike.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd
import pydeck as pdk
from pydeck.bindings.base_map_provider import BaseMapProvider
from pydeck.bindings.json_tools import default_serialize

from signatories import theme
from signatories.borders import pacific_longitudes
from signatories.i18n import Lang, label, t
from signatories.labels import describe, target_years
from signatories.map.camera import MapView, Viewport, fit_view, theme_view
from signatories.map.model import marker_look
from signatories.map.seats import EXPLORER_LABELS, LabelStyle, arc_rows, draw_positions, seat_rows

LAYER_COUNTRIES: Final = "countries"
LAYER_ARCS: Final = "arcs"
LAYER_ORGANISATIONS: Final = "organisations"
LAYER_LABELS: Final = "seat-labels"

# 4 decimals is ~11 m: finer than any seat's precision, and it keeps the JSON small.
COORD_DECIMALS: Final = 4

# pydeck turns every plain string into an accessor expression ("pixels" becomes the undefined variable
# `pixels`); constant strings must be wrapped. A plain "auto" character set breaks the TextLayer outright.
AUTO_CHARACTER_SET: Final = pdk.types.String("auto")
PIXELS: Final = pdk.types.String("pixels")
# The tooltip is HTML with `{field}` placeholders; Streamlit HTML-escapes each value it fills in,
# so data always shows as text while the headings keep their layout.
TOOLTIP_STYLE: Final = {"maxWidth": "18rem", "whiteSpace": "normal"}


def rgba(colour: str, alpha: int = 255) -> list[int]:
    """A theme colour as deck.gl's [r, g, b, a]."""
    return [*theme.hex_to_rgb(colour), alpha]


def _pairs(longitudes: pd.Series, latitudes: pd.Series) -> list[list[float]]:
    return [
        [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)]
        for lon, lat in zip(longitudes, latitudes, strict=True)
    ]


class RawJSON:
    """JSON text that `CompactDeck.to_json` splices in as it is, instead of serialising a value each rerun."""

    def __init__(self, text: str) -> None:
        self.text = text
        # A string json.dumps writes verbatim (no escapes), to be replaced by the text after dumping.
        self.token = f"@@raw:{id(self)}:{uuid.uuid4().hex}"


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck indents by 2, which multiplies the size of nested
    outline coordinates, and Streamlit sends the whole JSON to the browser on every rerun.

    Japanese stays UTF-8 (3 bytes a character) rather than `\\uXXXX` escapes (6), and `RawJSON` values
    (the basemap's outlines, serialised once) are spliced in rather than serialised again.
    """

    def _set_api_keys(self, api_keys: dict[str, str] | None = None) -> None:
        """pydeck's own, less its probe for the Jupyter widget: a failing import, ~4 ms, once per provider
        on every Deck built (pydeck asks again for each); Streamlit never uses that widget."""
        api_keys = api_keys or {}
        for provider in BaseMapProvider:
            value = api_keys.get(provider.value)
            for env_var in self._PROVIDER_ENV_VARS.get(provider, []):
                value = value or os.getenv(env_var)
            setattr(self, f"{provider.value}_key", value)

    _frozen: str = ""

    def freeze(self) -> CompactDeck:
        """Serialise now and hand out this text from then on: for a map drawn again and again unchanged."""
        self._frozen = self.to_json()
        return self

    def to_json(self) -> str:
        if self._frozen:
            return self._frozen
        raw: list[RawJSON] = []

        def serialise(value: Any) -> Any:
            if isinstance(value, RawJSON):
                raw.append(value)
                return value.token
            return default_serialize(value)

        text = json.dumps(self, sort_keys=True, default=serialise, separators=(",", ":"), ensure_ascii=False)
        for value in raw:
            text = text.replace(json.dumps(value.token), value.text, 1)
        return text


def view_state(view: MapView) -> pdk.ViewState:
    """The camera as deck.gl's initial view."""
    return pdk.ViewState(
        latitude=view.latitude,
        longitude=view.longitude,
        zoom=view.zoom,
        pitch=theme.REGION_VIEW["pitch"],
        bearing=theme.REGION_VIEW["bearing"],
        min_zoom=theme.MIN_ZOOM,
        max_zoom=theme.MAX_ZOOM,
    )


@dataclass(frozen=True)
class DeckOptions:
    """How the map is drawn; none of these changes which organisations are shown."""

    lang: Lang = "en"
    view: MapView = field(default_factory=theme_view)
    show_arcs: bool = True
    online_basemap: bool = False
    selected: str = ""


# Marker record keys: one letter each, since every key is repeated in every point of the deck JSON.
KEY_POSITION: Final = "p"
KEY_COLOUR: Final = "c"
KEY_VISIBLE: Final = "v"
KEY_KIND: Final = "k"
# The hover card's fields: name in the page's language, type, effective target year. The rest (other
# name, seat, basis, status, precision, coordinates) is in the details panel a click or tap opens: it
# would cost every point its bytes on every rerun, and a hover card is no use on a touch screen.
TOOLTIP_KEYS: Final = ("n", "t", "y")
# A marker's kind, a sum of flags: its outline and radius follow from it in the layer's accessors, so the
# per-point outline colour, width and radius (the same for all but a few markers) are not sent for each.
KIND_PROPOSER: Final = 1
KIND_SELECTED: Final = 2


@dataclass(frozen=True)
class Markers:
    """What a marker shows that no filter changes, in the marker layer's fixed order.

    Built once per dataset and language (the explorer caches it); `organisation_rows` only adds the
    visibility and selection of each rerun. `records` are shared and must not be mutated.
    """

    ids: tuple[str, ...]
    records: tuple[dict[str, Any], ...]
    proposer: tuple[bool, ...]
    # Each record with its id as JSON, less the closing brace: at 10,000 markers, serialising the records
    # again on every rerun cost more than the rest of the script.
    json_heads: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        heads = tuple(
            json.dumps({"id": org_id, **record}, separators=(",", ":"), ensure_ascii=False)[:-1]
            for org_id, record in zip(self.ids, self.records, strict=True)
        )
        object.__setattr__(self, "json_heads", heads)


def _rounded(values: pd.Series) -> list[float]:
    return [round(value, COORD_DECIMALS) for value in values.astype(float).tolist()]


def marker_records(organisations: pd.DataFrame, countries: pd.DataFrame, lang: Lang) -> Markers:
    """One record per located organisation, in a fixed order, with just what the marker and tooltip need."""
    positions = draw_positions(organisations)
    # Proposers last, so they are drawn on top of the participants sharing their city (Bangkok's).
    order = (organisations.loc[positions.index, "role"] == "proposer").sort_values(kind="stable").index
    positions = positions.loc[order]
    located = organisations.loc[order]
    text = describe(located, countries, lang)
    palette = {kind: theme.hex_to_rgb(colour) for kind, colour in theme.ORG_TYPE_COLOURS.items()}
    # "by 2050", "2050年まで"; "No target found" without a year.
    years = target_years(located, lang).where(located["target_year"].notna(), label("basis", "none", lang))
    columns = zip(
        _rounded(positions["draw_lon"]),
        _rounded(positions["draw_lat"]),
        [list(palette.get(kind, (0, 0, 0))) for kind in located["org_type"].tolist()],
        text["name"].tolist(),
        text["type"].tolist(),
        years.tolist(),
        strict=True,
    )
    records = tuple(
        {KEY_POSITION: [lon, lat], KEY_COLOUR: colour, **dict(zip(TOOLTIP_KEYS, fields, strict=True))}
        for lon, lat, colour, *fields in columns
    )
    ids = tuple(str(org_id) for org_id in located["id"].tolist())
    proposer = tuple(bool(flag) for flag in (located["role"] == "proposer").tolist())
    return Markers(ids=ids, records=records, proposer=proposer)


def organisation_rows(markers: Markers, visible_ids: frozenset[str], selected: str) -> RawJSON:
    """The marker layer's data as JSON text: every static record with this rerun's visibility and selection."""
    rows = ",".join(
        f'{head},"{KEY_VISIBLE}":{int(org_id in visible_ids)},'
        f'"{KEY_KIND}":{KIND_PROPOSER * proposer + KIND_SELECTED * (org_id == selected)}}}'
        for org_id, head, proposer in zip(markers.ids, markers.json_heads, markers.proposer, strict=True)
    )
    return RawJSON(f"[{rows}]")


def _rgb_literal(colour: str) -> str:
    return "[{}, {}, {}]".format(*theme.hex_to_rgb(colour))


def _kind_accessor(selected: str, proposer: str, other: str) -> str:
    """A deck.gl JSON expression choosing a value by the marker's kind: selected, proposer, or neither."""
    return (
        f"{KEY_KIND} >= {KIND_SELECTED} ? {selected} : ({KEY_KIND} == {KIND_PROPOSER} ? {proposer} : {other})"
    )


# The model's marker looks as deck.gl accessors: selected, proposer, any other.
_SELECTED, _PROPOSER, _OTHER = marker_look(False, True), marker_look(True, False), marker_look(False, False)
OUTLINE_COLOUR_ACCESSOR: Final = _kind_accessor(
    _rgb_literal(_SELECTED.outline), _rgb_literal(_PROPOSER.outline), _rgb_literal(_OTHER.outline)
)
OUTLINE_WIDTH_ACCESSOR: Final = _kind_accessor(
    str(_SELECTED.outline_px), str(_PROPOSER.outline_px), str(_OTHER.outline_px)
)
# A selected proposer keeps its size.
RADIUS_ACCESSOR: Final = (
    f"{KEY_KIND} == {KIND_PROPOSER} || {KEY_KIND} == {KIND_PROPOSER + KIND_SELECTED} "
    f"? {_PROPOSER.radius_px} : {_OTHER.radius_px}"
)


@dataclass(frozen=True)
class DeckStyle:
    """How a deck looks: the explorer's light map and the conference screen's dark one are two of these."""

    layer_prefix: str
    land: str
    tint: str
    border_line: str
    border_px: float
    labels: LabelStyle
    label_colour: str
    label_font: str
    # A dark halo behind the labels (SDF font) where they cross outlines; None: plain labels.
    label_halo: tuple[str, float] | None
    controller: bool


EXPLORER_STYLE: Final = DeckStyle(
    layer_prefix="",
    land=theme.BORDER_FILL,
    tint=theme.SIGNATORY_COUNTRY_FILL,
    border_line=theme.BORDER_LINE,
    border_px=theme.BORDER_LINE_PX,
    labels=EXPLORER_LABELS,
    label_colour=theme.LABEL_COLOUR,
    # No SDF font (and so no halo): with SDF, deck.gl spaces Japanese glyphs unevenly.
    label_font=theme.LABEL_FONT_FAMILY,
    label_halo=None,
    controller=True,
)
# The display's labels are twice the explorer's and sit above the ring of markers around a shared seat.
DISPLAY_STYLE: Final = DeckStyle(
    layer_prefix="display-",
    land=theme.DISPLAY_BORDER_FILL,
    tint=theme.DISPLAY_SIGNATORY_COUNTRY_FILL,
    border_line=theme.DISPLAY_BORDER_LINE,
    border_px=theme.DISPLAY_BORDER_LINE_PX,
    labels=LabelStyle(size_px=theme.DISPLAY_LABEL_SIZE_PX, offset_px=theme.DISPLAY_LABEL_OFFSET_PX),
    label_colour=theme.DISPLAY_TEXT,
    label_font=theme.DISPLAY_LABEL_FONT_FAMILY,
    label_halo=(theme.DISPLAY_LABEL_HALO, theme.DISPLAY_LABEL_OUTLINE_PX),
    # Nobody touches a conference screen.
    controller=False,
)
DISPLAY_VIEWPORT: Final = Viewport(theme.DISPLAY_MAP_NOMINAL_WIDTH_PX, theme.DISPLAY_MAP_HEIGHT_PX)


@dataclass(frozen=True)
class PreparedBasemap:
    """Basemap outlines with each feature's geometry already serialised: it never changes between reruns."""

    codes: tuple[str, ...]
    geometries: tuple[str, ...]


def prepare_basemap(geojson: Mapping[str, Any]) -> PreparedBasemap:
    features = geojson.get("features", [])
    return PreparedBasemap(
        codes=tuple(str((feature.get("properties") or {}).get("iso_a2", "")) for feature in features),
        geometries=tuple(
            json.dumps(feature.get("geometry"), separators=(",", ":"), allow_nan=False)
            for feature in features
        ),
    )


def country_features(
    basemap: PreparedBasemap, shown_countries: frozenset[str], online: bool, style: DeckStyle = EXPLORER_STYLE
) -> RawJSON:
    """The basemap outlines with a fill per feature, as GeoJSON text: countries of shown organisations tinted.

    Only the small properties are new each rerun; the geometries' text is the prepared one.
    Over online tiles the fills turn translucent so the tiles' places and roads show through.
    """
    land_alpha = theme.ONLINE_LAND_FILL_ALPHA if online else 255
    tint_alpha = theme.ONLINE_SIGNATORY_FILL_ALPHA if online else 255
    land = json.dumps(rgba(style.land, land_alpha), separators=(",", ":"))
    tint = json.dumps(rgba(style.tint, tint_alpha), separators=(",", ":"))
    features = ",".join(
        f'{{"geometry":{geometry},"properties":{{"fill":{tint if code in shown_countries else land}}},'
        '"type":"Feature"}'
        for code, geometry in zip(basemap.codes, basemap.geometries, strict=True)
    )
    return RawJSON(f'{{"features":[{features}],"type":"FeatureCollection"}}')


def tooltip(lang: Lang) -> dict[str, Any]:
    """The hover card: localised headings around `{field}` placeholders Streamlit fills in as text."""
    name, kind, year = (f"{{{key}}}" for key in TOOLTIP_KEYS)
    template = (
        f"<b>{name}</b><br/>{t('map.tooltip_type', lang)}{kind}<br/>{t('map.tooltip_target', lang)}{year}"
    )
    return {"html": template, "style": TOOLTIP_STYLE}


def countries_layer(features: RawJSON, style: DeckStyle) -> pdk.Layer:
    """The country outlines, each feature filled by its `fill` property."""
    return pdk.Layer(
        "GeoJsonLayer",
        id=f"{style.layer_prefix}{LAYER_COUNTRIES}",
        data=features,
        stroked=True,
        filled=True,
        pickable=False,
        get_fill_color="properties.fill",
        get_line_color=rgba(style.border_line),
        get_line_width=style.border_px,
        line_width_units=PIXELS,
    )


def labels_layer(rows: list[dict[str, Any]], style: DeckStyle) -> pdk.Layer:
    """One name per seat (`seats.seat_rows`), above its markers."""
    halo: dict[str, Any] = {}
    if style.label_halo is not None:
        colour, width = style.label_halo
        halo = {"font_settings": {"sdf": True}, "outline_width": width, "outline_color": rgba(colour)}
    return pdk.Layer(
        "TextLayer",
        id=LAYER_LABELS if not style.layer_prefix else f"{style.layer_prefix}seats",
        data=rows,
        pickable=False,
        get_position="position",
        get_text="text",
        get_size=style.labels.size_px,
        size_units=PIXELS,
        get_color=rgba(style.label_colour),
        get_text_anchor=pdk.types.String("middle"),
        get_alignment_baseline=pdk.types.String("bottom"),
        get_pixel_offset=[0, -style.labels.offset_px],
        character_set=AUTO_CHARACTER_SET,
        font_family=pdk.types.String(style.label_font),
        **halo,
    )


def map_views(style: DeckStyle) -> list[pdk.View]:
    # Repeated worlds keep Samoa and the Cook Islands (drawn beyond 180°) on screen when the camera is
    # panned across the antimeridian and deck.gl wraps its longitude to -180..180.
    return [pdk.View(type="MapView", controller=style.controller, repeat=True)]


def build_deck(
    organisations: pd.DataFrame,
    frame: pd.DataFrame,
    countries: pd.DataFrame,
    basemap: Mapping[str, Any] | PreparedBasemap | None,
    options: DeckOptions,
    markers: Markers | None = None,
) -> CompactDeck:
    """The map of `frame` (the filtered organisations) drawn over every organisation's stable marker slot.

    `organisations` is the whole dataset: markers of filtered-out organisations stay in the data but
    are switched off, and the arcs start at the proposers even when a filter hides them.
    `basemap` is the country GeoJSON in Pacific longitudes (`borders.pacific_view`), best thinned
    once by `simplify_basemap` and serialised once by `prepare_basemap`. `markers` are
    `marker_records(organisations, countries, options.lang)`, which a caller may keep between reruns.
    """
    if markers is None:
        markers = marker_records(organisations, countries, options.lang)
    if isinstance(basemap, Mapping):
        basemap = prepare_basemap(basemap)
    layers: list[pdk.Layer] = []
    if basemap is not None:
        tinted = frozenset(frame["country"].tolist())
        layers.append(
            countries_layer(country_features(basemap, tinted, options.online_basemap), EXPLORER_STYLE)
        )
    if options.show_arcs:
        layers.append(
            pdk.Layer(
                "ArcLayer",
                id=LAYER_ARCS,
                data=arc_rows(organisations, frame),
                pickable=False,
                get_source_position="from",
                get_target_position="to",
                get_source_color=rgba(theme.ARC_SOURCE_COLOUR, theme.ARC_OPACITY),
                get_target_color=rgba(theme.ARC_TARGET_COLOUR, theme.ARC_OPACITY),
                get_width=theme.ARC_WIDTH_PX,
                width_units=PIXELS,
                # Arcs rise above the ground; writing depth would let them hide the markers beneath.
                parameters={"depthWriteEnabled": False},
            )
        )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id=LAYER_ORGANISATIONS,
            data=organisation_rows(markers, frozenset(frame["id"].tolist()), options.selected),
            pickable=True,
            stroked=True,
            filled=True,
            get_position=KEY_POSITION,
            get_fill_color=KEY_COLOUR,
            get_line_color=OUTLINE_COLOUR_ACCESSOR,
            get_line_width=OUTLINE_WIDTH_ACCESSOR,
            get_radius=RADIUS_ACCESSOR,
            radius_units=PIXELS,
            line_width_units=PIXELS,
            get_filter_value=KEY_VISIBLE,
            filter_range=[1, 1],
            extensions=[{"@@type": "DataFilterExtension", "filterSize": 1}],
        )
    )
    layers.append(labels_layer(seat_rows(frame, options.lang, options.view.zoom), EXPLORER_STYLE))
    deck_options: dict[str, Any] = {}
    if options.online_basemap:
        deck_options.update(map_provider="carto", map_style=theme.CARTO_LIGHT_STYLE)
    else:
        # `map_style=None` would still fetch Carto's style; only no provider means no request at all.
        deck_options.update(map_provider=None)
    return CompactDeck(
        layers=layers,
        initial_view_state=view_state(options.view),
        views=map_views(EXPLORER_STYLE),
        tooltip=tooltip(options.lang),
        **deck_options,
    )


def spotlight_view(spotlit: pd.DataFrame, viewport: Viewport = DISPLAY_VIEWPORT) -> MapView:
    """The display's camera on the spotlight's organisations, never closer than a country-wide view."""
    return fit_view(spotlit, viewport)


def _display_marker_rows(organisations: pd.DataFrame, spotlit: bool, alpha: int) -> list[dict[str, Any]]:
    """Markers at the explorer's positions; the spotlight's rings of co-located seats opened wider.

    The explorer spreads organisations sharing a seat on a ring sized for its small markers; the display's
    markers are twice as large, so the ring is scaled about its seat until they stop overlapping.
    """
    positions = draw_positions(organisations)
    located = organisations.loc[positions.index]
    colours = {kind: rgba(colour, alpha) for kind, colour in theme.ORG_TYPE_COLOURS.items()}
    radius = theme.DISPLAY_MARKER_RADIUS_PX if spotlit else theme.DISPLAY_OTHER_MARKER_RADIUS_PX
    spread = theme.DISPLAY_CO_LOCATED_SPREAD_DEG / theme.CO_LOCATED_SPREAD_DEG if spotlit else 1.0
    seat_lon = pacific_longitudes(located["lon"].to_numpy(dtype=float))
    seat_lat = located["lat"].to_numpy(dtype=float)
    lons = seat_lon + (positions["draw_lon"].to_numpy() - seat_lon) * spread
    lats = seat_lat + (positions["draw_lat"].to_numpy() - seat_lat) * spread
    return [
        {
            "position": [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)],
            "colour": colours[kind],
            "radius": radius,
        }
        for lon, lat, kind in zip(lons, lats, located["org_type"], strict=True)
    ]


def display_deck(
    organisations: pd.DataFrame,
    spotlit: pd.DataFrame,
    basemap: PreparedBasemap | None,
    lang: Lang,
    viewport: Viewport = DISPLAY_VIEWPORT,
) -> CompactDeck:
    """The conference screen's map in `DISPLAY_STYLE`: every signatory dimmed, the spotlight's large, named.

    The camera frames the spotlight for `viewport`, the map's size on the screen (the stylesheet sizes it
    from the screen): framed for a larger map, a 1280 x 720 screen would cut markers off at its edges.

    `spotlit` are the organisations of the country in the spotlight. No basemap tiles: the screen must keep
    drawing when the venue's network drops; no tooltip. Serialised once (`freeze`): it is drawn all day.
    """
    style = DISPLAY_STYLE
    view = spotlight_view(spotlit, viewport)
    spotlit_ids = frozenset(spotlit["id"].tolist())
    others = organisations[~organisations["id"].isin(spotlit_ids)]
    layers: list[pdk.Layer] = []
    if basemap is not None:
        tinted = frozenset(spotlit["country"].tolist())
        layers.append(countries_layer(country_features(basemap, tinted, False, style), style))
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id=f"{style.layer_prefix}others",
            data=_display_marker_rows(others, spotlit=False, alpha=theme.DISPLAY_OTHER_MARKER_ALPHA),
            get_position="position",
            get_fill_color="colour",
            get_radius="radius",
            radius_units=PIXELS,
        )
    )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id=f"{style.layer_prefix}spotlight",
            data=_display_marker_rows(spotlit, spotlit=True, alpha=255),
            stroked=True,
            get_position="position",
            get_fill_color="colour",
            get_line_color=rgba(theme.DISPLAY_MARKER_OUTLINE),
            get_line_width=theme.DISPLAY_MARKER_OUTLINE_PX,
            get_radius="radius",
            radius_units=PIXELS,
            line_width_units=PIXELS,
        )
    )
    layers.append(labels_layer(seat_rows(spotlit, lang, view.zoom, style.labels), style))
    return CompactDeck(
        layers=layers, initial_view_state=view_state(view), views=map_views(style), map_provider=None
    ).freeze()
