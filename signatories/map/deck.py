"""The map model drawn live: one pydeck Deck builder, two styles (the explorer's and the display screen's).

Pure: a `MapModel` and a `DeckStyle` in, a Deck out, no Streamlit. The model decides everything a reader
sees (camera, markers, names, arcs, tints); this module only translates it, and keeps the JSON Streamlit
sends on every rerun small:

- The marker layer holds every located organisation in the model's fixed order; filters only change a
  marker's look (hidden on the explorer, dimmed on the display). Streamlit remembers a map click as an
  index into the layer's data, so a stable order keeps a selection on the same organisation after a
  filter change, markers never move, and the index alone says which organisation was picked.
- A marker's colour, radius and outline come from the layer's accessors, indexed by two small numbers in
  its row: its type (`c`) and its state (`k`: proposer, selected, hidden), the state left out when 0.
- The outlines never change: where the app serves them as files (`static/`, see `basemap_files`), the
  deck names their address and the browser fetches them once and keeps them; only the list of tinted
  countries travels with each rerun. Coasts are not stroked (land and sea differ in colour); land borders
  are a line layer of the segments two countries share.
- The camera's longitude is not wrapped to -180..180 (`normalize` off) and panning stops at the edges of
  one world in Pacific longitudes, so Samoa and the Cook Islands, drawn east of 180°, stay where they are
  without drawing the world twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, Final

import pydeck as pdk
from pydeck.bindings.base_map_provider import BaseMapProvider
from pydeck.bindings.json_tools import default_serialize

from signatories import theme, vocab
from signatories.borders import PACIFIC_CUT_LONGITUDE
from signatories.i18n import Lang, t
from signatories.map.camera import MERCATOR_MAX_LAT, MapView
from signatories.map.model import MapModel, Marker, MarkerLook, marker_look
from signatories.map.outlines import land_borders
from signatories.map.seats import EXPLORER_LABELS, LabelStyle

LAYER_COUNTRIES: Final = "countries"
LAYER_BORDERS: Final = "borders"
LAYER_ARCS: Final = "arcs"  # one layer per proposer: "arcs-0", "arcs-1"
LAYER_ORGANISATIONS: Final = "organisations"
LAYER_LABELS: Final = "seat-labels"

# 3 decimals is ~100 m: the same-seat precision (`seats.SAME_SEAT_DECIMALS`), finer than a city-level seat.
COORD_DECIMALS: Final = 3

# pydeck turns every plain string into an accessor expression ("pixels" becomes the undefined variable
# `pixels`); constant strings must be wrapped. A plain "auto" character set breaks the TextLayer outright.
AUTO_CHARACTER_SET: Final = pdk.types.String("auto")
PIXELS: Final = pdk.types.String("pixels")
# The tooltip is HTML with `{field}` placeholders; Streamlit HTML-escapes each value it fills in,
# so data always shows as text while the headings keep their layout.
TOOLTIP_STYLE: Final = {"maxWidth": "18rem", "whiteSpace": "normal"}

# Marker row keys: one letter each, since every key is repeated in every row of the deck JSON.
KEY_POSITION: Final = "p"
KEY_TYPE: Final = "c"
KEY_STATE: Final = "k"
# The hover card's fields: name in the page's language, type, effective target year. The rest (other
# name, seat, basis, status, precision, coordinates) is in the details panel a click or tap opens.
TOOLTIP_KEYS: Final = ("n", "t", "y")
# A marker's state, a sum of flags; 0 (a shown participant) is left out of its row, as is type 0 (a city).
STATE_PROPOSER: Final = 1
STATE_SELECTED: Final = 2
STATE_HIDDEN: Final = 4
STATES: Final = range(8)
# The type's index in the colour accessor; an unknown type takes the last entry.
TYPE_CODES: Final = {kind: code for code, kind in enumerate(vocab.ORG_TYPES)}
UNKNOWN_TYPE: Final = len(vocab.ORG_TYPES)

# One world in Pacific longitudes (`borders.pacific_longitude` keeps every longitude in this span): the
# camera may pan across 180° but not off this world, so nothing needs drawing twice.
PAN_BOUNDS: Final = [
    [PACIFIC_CUT_LONGITUDE, -MERCATOR_MAX_LAT],
    [PACIFIC_CUT_LONGITUDE + 360, MERCATOR_MAX_LAT],
]

# Where `streamlit run` serves the files of the app's `static/` folder (server.enableStaticServing),
# relative to the page, so it holds behind a balancer's path prefix too.
STATIC_URL: Final = "app/static/"


def rgba(colour: str, alpha: int = 255) -> list[int]:
    """A theme colour as deck.gl's [r, g, b, a]."""
    return [*theme.hex_to_rgb(colour), alpha]


def _position(lon: float, lat: float) -> list[float]:
    """A point as the deck's rows carry it, at `COORD_DECIMALS`."""
    return [round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)]


def _compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class RawJSON:
    """JSON text that `CompactDeck.to_json` splices in as it is, instead of serialising a value each rerun."""

    def __init__(self, text: str) -> None:
        self.text = text
        # A string json.dumps writes verbatim (no escapes), to be replaced by the text after dumping.
        self.token = f"@@raw:{id(self)}:{uuid.uuid4().hex}"


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck indents by 2, and Streamlit sends the whole JSON to the
    browser on every rerun.

    Japanese stays UTF-8 (3 bytes a character) rather than `\\uXXXX` escapes (6), and `RawJSON` values
    (serialised once, e.g. the marker rows' static part) are spliced in rather than serialised again.
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


# --- Styles -------------------------------------------------------------------------------------------


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
    # Pan, zoom, hover card and click: the explorer's; nobody touches a conference screen.
    interactive: bool
    # A shown marker's look by role and selection, and the look and opacity of the others.
    shown_look: Callable[[bool, bool], MarkerLook]
    other_look: MarkerLook
    other_alpha: int


def _display_look(proposer: bool, selected: bool) -> MarkerLook:
    """Every spotlit marker alike: large, with a light ring that holds on the dark map."""
    return MarkerLook(
        theme.DISPLAY_MARKER_OUTLINE, theme.DISPLAY_MARKER_OUTLINE_PX, theme.DISPLAY_MARKER_RADIUS_PX
    )


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
    interactive=True,
    shown_look=marker_look,
    # Filtered out: no pixels at all, so not pickable either.
    other_look=MarkerLook(theme.MARKER_OUTLINE, 0, 0),
    other_alpha=0,
)
# The display's labels are twice the explorer's and sit above the ring of markers around a shared seat;
# the signatories of other countries stay on the map, small and dimmed.
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
    interactive=False,
    shown_look=_display_look,
    other_look=MarkerLook(theme.DISPLAY_MARKER_OUTLINE, 0, theme.DISPLAY_OTHER_MARKER_RADIUS_PX),
    other_alpha=theme.DISPLAY_OTHER_MARKER_ALPHA,
)


def state_look(style: DeckStyle, state: int) -> tuple[MarkerLook, int]:
    """A marker's look and fill opacity in `style` for its state flags."""
    if state & STATE_HIDDEN:
        return style.other_look, style.other_alpha
    look = style.shown_look(bool(state & STATE_PROPOSER), bool(state & STATE_SELECTED))
    return look, 255


def _choose(key: str, values: Sequence[object]) -> str:
    """A deck.gl JSON expression giving `values[row[key]]`, the first value when the row leaves `key` out.

    A chain of comparisons: deck.gl's expression parser cannot index an array literal.
    """
    default = _compact(values[0])
    chain = "".join(
        f"{key} == {index} ? {_compact(value)} : "
        for index, value in enumerate(values)
        if index and _compact(value) != default
    )
    return f"{chain}{default}"


def marker_accessors(style: DeckStyle) -> dict[str, str]:
    """The marker layer's colour, outline and radius accessors for `style`, from a row's `c` and `k`."""
    looks = [state_look(style, state) for state in STATES]
    colours = [theme.ORG_TYPE_COLOURS[kind] for kind in vocab.ORG_TYPES] + [theme.LABEL_COLOUR]
    shown = _choose(KEY_TYPE, [rgba(colour) for colour in colours])
    others = _choose(KEY_TYPE, [rgba(colour, style.other_alpha) for colour in colours])
    return {
        "get_fill_color": f"{KEY_STATE} >= {STATE_HIDDEN} ? ({others}) : ({shown})",
        "get_line_color": _choose(KEY_STATE, [rgba(look.outline) for look, _ in looks]),
        "get_line_width": _choose(KEY_STATE, [look.outline_px for look, _ in looks]),
        "get_radius": _choose(KEY_STATE, [look.radius_px for look, _ in looks]),
    }


# --- Markers ------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class MarkerRows:
    """The marker layer's rows as JSON text, less the state of each rerun: one head per marker, in the
    model's order. The same for every filter, so a page keeps it per dataset and language."""

    ids: tuple[str, ...]
    heads: tuple[str, ...]  # `{"p":[lon,lat],"c":type,"n":…,"t":…,"y":…` without the closing brace


def _marker_head(marker: Marker) -> str:
    code = TYPE_CODES.get(marker.org_type, UNKNOWN_TYPE)
    row: dict[str, object] = {
        KEY_POSITION: _position(marker.lon, marker.lat),
        **({KEY_TYPE: code} if code else {}),
        **dict(zip(TOOLTIP_KEYS, (marker.name, marker.kind, marker.target), strict=True)),
    }
    return _compact(row)[:-1]


def marker_rows(markers: Sequence[Marker]) -> MarkerRows:
    return MarkerRows(ids=tuple(marker.org_id for marker in markers), heads=tuple(map(_marker_head, markers)))


def marker_state(marker: Marker, model: MapModel) -> int:
    return (
        STATE_PROPOSER * marker.proposer
        + STATE_SELECTED * (marker.org_id == model.selected)
        + STATE_HIDDEN * (marker.org_id not in model.shown)
    )


def organisation_rows(model: MapModel, rows: MarkerRows) -> RawJSON:
    """The marker layer's data: every marker's static head with this rerun's state."""
    parts = []
    for marker, head in zip(model.markers, rows.heads, strict=True):
        state = marker_state(marker, model)
        parts.append(f'{head},"{KEY_STATE}":{state}}}' if state else f"{head}}}")
    return RawJSON(f"[{','.join(parts)}]")


def picked_index(selection: Mapping[str, Any] | None) -> int | None:
    """The marker index in a Streamlit map selection event, or None when nothing is selected."""
    if not selection:
        return None
    indices = (selection.get("selection") or {}).get("indices") or {}
    picked = indices.get(LAYER_ORGANISATIONS) or []
    first = picked[0] if picked else None
    return first if isinstance(first, int) and not isinstance(first, bool) else None


# --- Basemap ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Basemap:
    """The outlines as a deck draws them: country polygons (each with its `iso_a2`) and land-border
    segments `[x1, y1, x2, y2]`; each an address the browser fetches, or JSON text sent inline."""

    countries: str | RawJSON
    borders: str | RawJSON


def basemap_files(geojson: Mapping[str, Any]) -> dict[str, bytes]:
    """The two files of a basemap, named by their content: polygons to fill, and land borders.

    A changed outline file gives new names, so a browser never draws an old copy it kept.
    """
    features = [
        {
            "type": "Feature",
            "geometry": feature.get("geometry"),
            "properties": {"iso_a2": str((feature.get("properties") or {}).get("iso_a2", ""))},
        }
        for feature in geojson.get("features", [])
    ]
    countries = _compact({"type": "FeatureCollection", "features": features}).encode()
    borders = _compact([[*start, *end] for start, end in land_borders(geojson)]).encode()
    return {
        f"basemap-countries-{_digest(countries)}.json": countries,
        f"basemap-borders-{_digest(borders)}.json": borders,
    }


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:12]


def web_basemap(geojson: Mapping[str, Any], static_dir: Path | None) -> Basemap:
    """The basemap as addresses of files in `static_dir` when they are there, else inline.

    Inline, the outlines travel with every rerun (a data directory of its own, e.g. in tests).
    """
    files = basemap_files(geojson)
    (countries_name, countries), (borders_name, borders) = files.items()
    if static_dir is not None and all((static_dir / name).is_file() for name in files):
        return Basemap(STATIC_URL + countries_name, STATIC_URL + borders_name)
    return Basemap(RawJSON(countries.decode()), RawJSON(borders.decode()))


def _fill_accessor(style: DeckStyle, tinted: frozenset[str], online: bool) -> str:
    """Each country's fill: tinted where a shown organisation is, as one expression on its `iso_a2`.

    Over online tiles the fills turn translucent so the tiles' places and roads show through.
    """
    land = rgba(style.land, theme.ONLINE_LAND_FILL_ALPHA if online else 255)
    tint = rgba(style.tint, theme.ONLINE_SIGNATORY_FILL_ALPHA if online else 255)
    if not tinted:
        return _compact(land)
    test = " || ".join(f"properties.iso_a2 == {json.dumps(code)}" for code in sorted(tinted))
    return f"{test} ? {_compact(tint)} : {_compact(land)}"


def basemap_layers(
    basemap: Basemap, style: DeckStyle, tinted: frozenset[str], online: bool
) -> list[pdk.Layer]:
    """The country fills and the land borders."""
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id=f"{style.layer_prefix}{LAYER_COUNTRIES}",
            data=basemap.countries,
            stroked=False,
            filled=True,
            pickable=False,
            get_fill_color=_fill_accessor(style, tinted, online),
            # The data may be a fetched file that never changes: a new tint must say so.
            update_triggers={"getFillColor": [sorted(tinted), online]},
        ),
        pdk.Layer(
            "LineLayer",
            id=f"{style.layer_prefix}{LAYER_BORDERS}",
            data=basemap.borders,
            pickable=False,
            get_source_position="[this[0], this[1]]",
            get_target_position="[this[2], this[3]]",
            get_color=rgba(style.border_line),
            get_width=style.border_px,
            width_units=PIXELS,
        ),
    ]


# --- Arcs and labels ----------------------------------------------------------------------------------


def arc_layers(model: MapModel) -> list[pdk.Layer]:
    """One line layer per proposer: its seat once, then only each target's [lon, lat].

    Straight lines (deck.gl's line layer, whose shader the land borders already compile), not its arc layer:
    at the map's flat camera an arc is nearly straight anyway, and the arc layer's shader cost a first visit
    about a second in software WebGL.
    """
    layers = []
    ordered = sorted(model.arcs, key=lambda arc: arc.source)
    for index, (source, arcs) in enumerate(groupby(ordered, key=lambda arc: arc.source)):
        targets = [_position(*arc.target) for arc in arcs]
        layers.append(
            pdk.Layer(
                "LineLayer",
                id=f"{LAYER_ARCS}-{index}",
                data=RawJSON(_compact(targets)),
                pickable=False,
                get_source_position=_position(*source),
                get_target_position="-",
                get_color=rgba(theme.ARC_COLOUR, theme.ARC_OPACITY),
                get_width=theme.ARC_WIDTH_PX,
                width_units=PIXELS,
            )
        )
    return layers


def labels_layer(model: MapModel, style: DeckStyle) -> pdk.Layer:
    """One name per seat (the model's, thinned for its zoom), above its markers."""
    halo: dict[str, Any] = {}
    if style.label_halo is not None:
        colour, width = style.label_halo
        halo = {"font_settings": {"sdf": True}, "outline_width": width, "outline_color": rgba(colour)}
    rows = [{"position": [label.lon, label.lat], "text": label.text} for label in model.labels]
    return pdk.Layer(
        "TextLayer",
        id=f"{style.layer_prefix}{LAYER_LABELS}",
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


def tooltip(lang: Lang) -> dict[str, Any]:
    """The hover card: localised headings around `{field}` placeholders Streamlit fills in as text."""
    name, kind, year = (f"{{{key}}}" for key in TOOLTIP_KEYS)
    template = (
        f"<b>{name}</b><br/>{t('map.tooltip_type', lang)}{kind}<br/>{t('map.tooltip_target', lang)}{year}"
    )
    return {"html": template, "style": TOOLTIP_STYLE}


def view_state(view: MapView) -> pdk.ViewState:
    """The camera as deck.gl's initial view, its longitude never wrapped and panning kept to one world."""
    return pdk.ViewState(
        latitude=view.latitude,
        longitude=view.longitude,
        zoom=view.zoom,
        pitch=theme.REGION_VIEW["pitch"],
        bearing=theme.REGION_VIEW["bearing"],
        min_zoom=theme.MIN_ZOOM,
        max_zoom=theme.MAX_ZOOM,
        normalize=False,
        max_bounds=PAN_BOUNDS,
    )


# --- The deck -----------------------------------------------------------------------------------------


def build_deck(
    model: MapModel,
    style: DeckStyle,
    basemap: Basemap | None = None,
    rows: MarkerRows | None = None,
    online_basemap: bool = False,
) -> CompactDeck:
    """The model as a deck in `style`.

    `basemap` is `web_basemap` of the model's outlines and `rows` is `marker_rows(model.markers)`; both
    are the same for every rerun of a dataset and language, so a page keeps them (they are made here when
    not given). `online_basemap` draws Carto's tiles under translucent fills (explorer only).
    """
    if basemap is None and model.outlines is not None:
        basemap = web_basemap(model.outlines, None)
    if rows is None:
        rows = marker_rows(model.markers)
    online = online_basemap and style.interactive
    layers: list[pdk.Layer] = []
    if basemap is not None:
        layers.extend(basemap_layers(basemap, style, model.tinted_countries, online))
    layers.extend(arc_layers(model))
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id=f"{style.layer_prefix}{LAYER_ORGANISATIONS}",
            data=organisation_rows(model, rows),
            pickable=style.interactive,
            stroked=True,
            filled=True,
            get_position=KEY_POSITION,
            radius_units=PIXELS,
            line_width_units=PIXELS,
            **marker_accessors(style),
        )
    )
    layers.append(labels_layer(model, style))
    options: dict[str, Any] = {}
    if online:
        options.update(map_provider="carto", map_style=theme.CARTO_LIGHT_STYLE)
    else:
        # `map_style=None` would still fetch Carto's style; only no provider means no request at all.
        options.update(map_provider=None)
    options.update(tooltip=tooltip(model.lang) if style.interactive else False)
    return CompactDeck(
        layers=layers,
        initial_view_state=view_state(model.camera),
        views=[pdk.View(type="MapView", controller=style.interactive)],
        **options,
    )
