"""The explorer's map as a pydeck Deck: country outlines, arcs from the proposers, markers and seat labels.

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
import math
import os
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.base_map_provider import BaseMapProvider
from pydeck.bindings.json_tools import default_serialize

from signatories import theme
from signatories.borders import load_borders, pacific_longitude, pacific_longitudes, pacific_view
from signatories.i18n import Lang, t
from signatories.labels import describe

LAYER_COUNTRIES: Final = "countries"
LAYER_ARCS: Final = "arcs"
LAYER_ORGANISATIONS: Final = "organisations"
LAYER_LABELS: Final = "seat-labels"

# 4 decimals is ~11 m: finer than any seat's precision, and it keeps the JSON small.
COORD_DECIMALS: Final = 4
# Outline vertices keep 2 decimals (~1 km), the 1:50m source's scale.
BASEMAP_DECIMALS: Final = 2
# Two organisations are at the same seat when their coordinates agree to this many decimals (~100 m).
SAME_SEAT_DECIMALS: Final = 3
# deck.gl's Web Mercator world is 512 pixels wide at zoom 0.
WORLD_PX_AT_ZOOM_0: Final = 512.0
# A Latin letter of a sans-serif face is on average about this fraction of the font size wide.
LATIN_CHAR_WIDTH_EM: Final = 0.6
# Web Mercator is undefined at the poles; clamp latitudes like every web map does.
MERCATOR_MAX_LAT: Final = 85.05112878

# pydeck turns every plain string into an accessor expression ("pixels" becomes the undefined variable
# `pixels`); constant strings must be wrapped. A plain "auto" character set breaks the TextLayer outright.
AUTO_CHARACTER_SET: Final = pdk.types.String("auto")
PIXELS: Final = pdk.types.String("pixels")
# The tooltip is HTML with `{field}` placeholders; Streamlit HTML-escapes each value it fills in,
# so data always shows as text while the headings keep their layout.
TOOLTIP_STYLE: Final = {"maxWidth": "18rem", "whiteSpace": "normal"}


@dataclass(frozen=True)
class MapView:
    """Where the camera looks; kept in session state so only an explicit request moves it."""

    latitude: float
    longitude: float
    zoom: float

    def nudged(self, request: int) -> MapView:
        """The same view, moved by a hair that alternates with each request.

        Streamlit applies a new initial view only where it differs from the previous one; a user who
        panned away and asks for the same framing again would otherwise see nothing happen.
        """
        step = theme.VIEW_NUDGE * (request % 2)
        return MapView(self.latitude + step, self.longitude + step, self.zoom + step)

    def to_view_state(self) -> pdk.ViewState:
        return pdk.ViewState(
            latitude=self.latitude,
            longitude=self.longitude,
            zoom=self.zoom,
            pitch=theme.REGION_VIEW["pitch"],
            bearing=theme.REGION_VIEW["bearing"],
            min_zoom=theme.MIN_ZOOM,
            max_zoom=theme.MAX_ZOOM,
        )


def theme_view() -> MapView:
    """The theme's fixed region view, for when there is nothing located to frame."""
    view = theme.REGION_VIEW
    return MapView(float(view["latitude"]), float(view["longitude"]), float(view["zoom"]))


def region_view(organisations: pd.DataFrame) -> MapView:
    """The whole region: every signatory, the Caucasus to the Cook Islands, framed for the explorer's map.

    Computed from the data rather than fixed, so the frame follows the signatories; theme.REGION_VIEW's
    zoom suits a map about 1,000 px wide, wider than the explorer's column beside the details panel.
    """
    return fit_view(organisations)


def _mercator_y(lat: float) -> float:
    """Latitude to Web Mercator's 0..1 vertical coordinate (0 at the top)."""
    phi = math.radians(max(-MERCATOR_MAX_LAT, min(MERCATOR_MAX_LAT, lat)))
    return (1 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2


def _mercator_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y))) - math.pi / 2)


def fit_view(
    frame: pd.DataFrame,
    width_px: float = theme.MAP_NOMINAL_WIDTH_PX,
    height_px: float = theme.MAP_HEIGHT_PX,
) -> MapView:
    """The view framing every located organisation in `frame`, with a margin; the region when empty."""
    all_lats, all_lons = frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)
    located = ~(np.isnan(all_lats) | np.isnan(all_lons))
    if not located.any():
        return theme_view()
    lons, lats = pacific_longitudes(all_lons[located]), all_lats[located]
    west, east = float(lons.min()), float(lons.max())
    # Web Mercator's y falls as latitude rises: the northernmost point is the top.
    top, bottom = _mercator_y(float(lats.max())), _mercator_y(float(lats.min()))
    usable = 1 - 2 * theme.FIT_PADDING_FRACTION
    span_x = (east - west) / 360.0
    span_y = bottom - top
    zooms = [theme.FIT_MAX_ZOOM]
    if span_x > 0:
        zooms.append(math.log2(width_px * usable / (WORLD_PX_AT_ZOOM_0 * span_x)))
    if span_y > 0:
        zooms.append(math.log2(height_px * usable / (WORLD_PX_AT_ZOOM_0 * span_y)))
    zoom = max(theme.MIN_ZOOM, min(zooms))
    return MapView(_mercator_lat((top + bottom) / 2), (west + east) / 2, zoom)


def draw_positions(organisations: pd.DataFrame) -> pd.DataFrame:
    """Where each organisation's marker is drawn: its seat, in Pacific longitudes, spread when shared.

    Organisations at the same seat sit on a ring around it, ordered by id so the layout never changes
    between runs; neighbours on the ring are `theme.CO_LOCATED_SPREAD_DEG` apart. Returns columns
    `draw_lon` and `draw_lat` on the frame's index; organisations without coordinates are left out.
    """
    located = organisations.dropna(subset=["lat", "lon"])
    lon = located["lon"].astype(float).map(pacific_longitude)
    lat = located["lat"].astype(float)
    seat = lat.round(SAME_SEAT_DECIMALS).astype(str) + "," + lon.round(SAME_SEAT_DECIMALS).astype(str)
    order = located.assign(_seat=seat).sort_values(["_seat", "id"])
    position = order.groupby("_seat").cumcount().reindex(located.index)
    size = seat.map(seat.value_counts())

    shared = size > 1
    angle = 2 * np.pi * position / size
    # Neighbours `spread` apart on a ring of n points: chord = 2 r sin(pi / n).
    radius = theme.CO_LOCATED_SPREAD_DEG / (2 * np.sin(np.pi / size.where(shared, 2)))
    # Degrees of longitude shrink with latitude; widening them keeps the ring round on the map.
    stretch = 1 / np.cos(np.radians(lat))
    return pd.DataFrame(
        {
            "draw_lon": lon + (radius * np.sin(angle) * stretch).where(shared, 0.0),
            "draw_lat": lat + (radius * np.cos(angle)).where(shared, 0.0),
        },
        index=located.index,
    )


def _simplify_line(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker: drop points closer than `tolerance` (degrees) to the line their neighbours span."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first][:2], points[last][:2]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = first, -1.0
        for index in range(first + 1, last):
            x, y = points[index][:2]
            # Distance to the chord, or to its end point when the ring closes on itself (length 0).
            gap = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _simplify_polygon(rings: list[list[list[float]]], tolerance: float) -> list[list[list[float]]]:
    simplified = []
    for ring in rings:
        points = [[round(x, BASEMAP_DECIMALS), round(y, BASEMAP_DECIMALS)] for x, y, *_ in ring]
        thin = _simplify_line(points, tolerance)
        # A ring needs three corners and its closing point. An island smaller than the tolerance keeps
        # its full outline instead of vanishing: atoll states (Maldives, Cook Islands) are signatories.
        if len(thin) >= 4:
            simplified.append(thin)
        elif len(points) >= 4:
            simplified.append(points)
    return simplified


def simplify_basemap(
    geojson: Mapping[str, Any], tolerance: float = theme.BASEMAP_SIMPLIFY_DEG
) -> dict[str, Any]:
    """Outlines thinned for drawing: the map is re-sent on every filter change, so every point counts.

    Keeps each feature's `iso_a2` only. Coasts and borders move by up to `tolerance`: invisible at the
    region view, a few pixels at city zoom, where the online tiles give the detail.
    """
    features = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry.get("coordinates") or []]
        elif kind == "MultiPolygon":
            polygons = geometry.get("coordinates") or []
        else:
            continue
        kept = [rings for rings in (_simplify_polygon(polygon, tolerance) for polygon in polygons) if rings]
        if kept:
            code = (feature.get("properties") or {}).get("iso_a2", "")
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                    "properties": {"iso_a2": code},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def drawing_basemap(path: Path) -> dict[str, Any]:
    """The outline file at `path` as the map draws it: in Pacific longitudes, thinned."""
    return simplify_basemap(pacific_view(load_borders(path).geojson))


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

    def to_json(self) -> str:
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


@dataclass(frozen=True)
class DeckOptions:
    """How the map is drawn; none of these changes which organisations are shown."""

    lang: Lang = "en"
    view: MapView = field(default_factory=theme_view)
    show_arcs: bool = True
    online_basemap: bool = True
    selected: str = ""


# Marker record keys: one letter each, since every key is repeated in every point of the deck JSON.
KEY_POSITION: Final = "p"
KEY_COLOUR: Final = "c"
KEY_VISIBLE: Final = "v"
KEY_KIND: Final = "k"
# The tooltip's fields: name, other-language name, type, seat and country, target line, precision, coordinates.
TOOLTIP_KEYS: Final = ("n", "o", "t", "s", "g", "q", "x")
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
    separator = t("details.list_separator", lang)
    has_target = located["target_year"].notna().tolist()
    # "Carbon neutrality by 2050, In policy document, National target"; just "No target found" otherwise.
    targets = [
        separator.join((target, status, basis)) if with_year else target
        for target, status, basis, with_year in zip(
            text["target"].tolist(), text["status"].tolist(), text["basis"].tolist(), has_target, strict=True
        )
    ]
    lats, lons = _rounded(located["lat"]), _rounded(located["lon"])
    columns = zip(
        _rounded(positions["draw_lon"]),
        _rounded(positions["draw_lat"]),
        [list(palette.get(kind, (0, 0, 0))) for kind in located["org_type"].tolist()],
        text["name"].tolist(),
        text["name_other"].tolist(),
        text["type"].tolist(),
        [f"{seat}{separator}{country}" for seat, country in zip(text["seat"], text["country"], strict=True)],
        targets,
        text["precision"].tolist(),
        [f"{lat}, {lon}" for lat, lon in zip(lats, lons, strict=True)],
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


# Outline colour and width: the selection wins over the proposer's ring.
OUTLINE_COLOUR_ACCESSOR: Final = _kind_accessor(
    _rgb_literal(theme.SELECTED_OUTLINE),
    _rgb_literal(theme.PROPOSER_RING),
    _rgb_literal(theme.MARKER_OUTLINE),
)
OUTLINE_WIDTH_ACCESSOR: Final = _kind_accessor(
    str(theme.SELECTED_OUTLINE_PX), str(theme.PROPOSER_OUTLINE_PX), str(theme.MARKER_OUTLINE_PX)
)
# A selected proposer keeps its size.
RADIUS_ACCESSOR: Final = (
    f"{KEY_KIND} == {KIND_PROPOSER} || {KEY_KIND} == {KIND_PROPOSER + KIND_SELECTED} "
    f"? {theme.PROPOSER_RADIUS_PX} : {theme.MARKER_RADIUS_PX}"
)


@dataclass(frozen=True)
class LabelStyle:
    """Size of seat labels on screen, and how far above the marker and apart from each other they sit."""

    size_px: float = theme.LABEL_SIZE_PX
    offset_px: float = theme.LABEL_OFFSET_PX
    gap_px: float = theme.LABEL_GAP_PX


EXPLORER_LABELS: Final = LabelStyle()


def _label_width_px(text: str, size_px: float) -> float:
    """Rough rendered width: CJK characters are square, Latin ones a little over half as wide."""
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in ("W", "F"))
    return size_px * (wide + LATIN_CHAR_WIDTH_EM * (len(text) - wide))


def label_box(
    lon: float, lat: float, text: str, zoom: float, style: LabelStyle = EXPLORER_LABELS
) -> tuple[float, float, float, float]:
    """The screen box (world pixels at `zoom`, gap included) a seat label covers above its point."""
    world_px = WORLD_PX_AT_ZOOM_0 * 2**zoom
    x = lon / 360.0 * world_px
    bottom = _mercator_y(lat) * world_px - style.offset_px
    half = _label_width_px(text, style.size_px) / 2 + style.gap_px
    return (x - half, bottom - style.size_px - style.gap_px, x + half, bottom + style.gap_px)


def seat_rows(
    frame: pd.DataFrame, lang: Lang, zoom: float, style: LabelStyle = EXPLORER_LABELS
) -> list[dict[str, Any]]:
    """One label per seat of the shown organisations, thinned so no two overlap at `zoom`.

    The proposers' seats win, then busier seats, then alphabetical order. Thinning happens here
    rather than in deck.gl's CollisionFilterExtension, whose labels did not draw at all in headless
    Chromium's software WebGL; the cost is that zooming in by hand does not reveal the hidden ones
    ("fit to selection" re-thins them for its zoom).
    """
    located = frame.dropna(subset=["lat", "lon"])
    if located.empty:
        return []
    english = located["seat"].tolist()
    names = located["seat_ja"].fillna("").tolist() if lang == "ja" else english
    # Per seat: the first organisation's seat name, how many organisations, whether a proposer is there.
    seats: dict[tuple[float, float], list[Any]] = {}
    for seat, name, fallback, proposer in zip(
        _seat_keys(located), names, english, (located["role"] == "proposer").tolist(), strict=True
    ):
        entry = seats.setdefault(seat, [name if name else fallback, 0, False])
        entry[1] += 1
        entry[2] = entry[2] or proposer
    grouped = sorted(
        ((lon, lat, text) for (lon, lat), (text, count, proposer) in seats.items()),
        key=lambda row: (
            not seats[row[0], row[1]][2],
            -seats[row[0], row[1]][1],
            str(row[2]),
            row[0],
            row[1],
        ),
    )
    placed: list[tuple[float, float, float, float]] = []
    rows = []
    for lon, lat, text in grouped:
        box = label_box(float(lon), float(lat), str(text), zoom, style)
        if any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in placed):
            continue
        placed.append(box)
        rows.append({"position": [float(lon), float(lat)], "text": str(text)})
    return rows


def _seats(longitudes: list[float], latitudes: list[float]) -> list[tuple[float, float]]:
    """Seats: Pacific longitude and latitude to `SAME_SEAT_DECIMALS`, as numpy rounds."""
    lons = pacific_longitudes(np.array(longitudes, dtype=float))
    lats = np.array(latitudes, dtype=float)
    return list(
        zip(
            np.round(lons, SAME_SEAT_DECIMALS).tolist(),
            np.round(lats, SAME_SEAT_DECIMALS).tolist(),
            strict=True,
        )
    )


def _seat_keys(frame: pd.DataFrame) -> list[tuple[float, float]]:
    """Each located row's seat."""
    return _seats(frame["lon"].tolist(), frame["lat"].tolist())


def _located_seats(frame: pd.DataFrame, role: str) -> list[tuple[str, tuple[float, float]]]:
    """(id, seat) of the located organisations with this role, read column by column.

    Plain lists, not a filtered frame: indexing a frame of text columns costs milliseconds per call.
    """
    columns = [frame[name].tolist() for name in ("id", "role", "lat", "lon")]
    rows = zip(*columns, strict=True)
    kept = [
        (org_id, lat, lon)
        for org_id, kind, lat, lon in rows
        if kind == role and pd.notna(lat) and pd.notna(lon)
    ]
    seats = _seats([lon for _, _, lon in kept], [lat for _, lat, _ in kept])
    return [(org_id, seat) for (org_id, _, _), seat in zip(kept, seats, strict=True)]


def arc_rows(organisations: pd.DataFrame, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """An arc from each proposer's seat to each seat of the shown participants, except its own."""
    sources = [seat for _, seat in sorted(_located_seats(organisations, "proposer"))]
    targets = sorted({seat for _, seat in _located_seats(frame, "participant")})
    # A participant in a proposer's own city (Bangkok's) gets no zero-length arc from it.
    return [
        {"from": [source[0], source[1]], "to": [target[0], target[1]]}
        for source in sources
        for target in targets
        if source != target
    ]


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


def country_features(basemap: PreparedBasemap, shown_countries: frozenset[str], online: bool) -> RawJSON:
    """The basemap outlines with a fill per feature, as GeoJSON text: countries of shown organisations tinted.

    Only the small properties are new each rerun; the geometries' text is the prepared one.
    Over online tiles the fills turn translucent so the tiles' places and roads show through.
    """
    land_alpha = theme.ONLINE_LAND_FILL_ALPHA if online else 255
    tint_alpha = theme.ONLINE_SIGNATORY_FILL_ALPHA if online else 255
    land = json.dumps(rgba(theme.BORDER_FILL, land_alpha), separators=(",", ":"))
    tint = json.dumps(rgba(theme.SIGNATORY_COUNTRY_FILL, tint_alpha), separators=(",", ":"))
    features = ",".join(
        f'{{"geometry":{geometry},"properties":{{"fill":{tint if code in shown_countries else land}}},'
        '"type":"Feature"}'
        for code, geometry in zip(basemap.codes, basemap.geometries, strict=True)
    )
    return RawJSON(f'{{"features":[{features}],"type":"FeatureCollection"}}')


def tooltip(lang: Lang) -> dict[str, Any]:
    """The hover card: localised headings around `{field}` placeholders Streamlit fills in as text."""
    name, other, kind, place, target, precision, coordinates = (f"{{{key}}}" for key in TOOLTIP_KEYS)
    template = (
        f"<b>{name}</b><br/>{other}<br/>"
        f"{t('map.tooltip_type', lang)}{kind}<br/>"
        f"{t('map.tooltip_place', lang)}{place}<br/>"
        f"{t('map.tooltip_target', lang)}{target}<br/>"
        f"{t('map.tooltip_precision', lang)}{precision} ({coordinates})"
    )
    return {"html": template, "style": TOOLTIP_STYLE}


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
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id=LAYER_COUNTRIES,
                data=country_features(basemap, frozenset(frame["country"].tolist()), options.online_basemap),
                stroked=True,
                filled=True,
                pickable=False,
                get_fill_color="properties.fill",
                get_line_color=rgba(theme.BORDER_LINE),
                get_line_width=theme.BORDER_LINE_PX,
                line_width_units=PIXELS,
            )
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
    layers.append(
        pdk.Layer(
            "TextLayer",
            id=LAYER_LABELS,
            data=seat_rows(frame, options.lang, options.view.zoom),
            pickable=False,
            get_position="position",
            get_text="text",
            get_size=theme.LABEL_SIZE_PX,
            size_units=PIXELS,
            get_color=rgba(theme.LABEL_COLOUR),
            get_text_anchor=pdk.types.String("middle"),
            get_alignment_baseline=pdk.types.String("bottom"),
            get_pixel_offset=[0, -theme.LABEL_OFFSET_PX],
            character_set=AUTO_CHARACTER_SET,
            # No SDF font (and so no halo): with SDF, deck.gl spaces Japanese glyphs unevenly.
            font_family=pdk.types.String(theme.LABEL_FONT_FAMILY),
        )
    )
    deck_options: dict[str, Any] = {}
    if options.online_basemap:
        deck_options.update(map_provider="carto", map_style=theme.CARTO_LIGHT_STYLE)
    else:
        # `map_style=None` would still fetch Carto's style; only no provider means no request at all.
        deck_options.update(map_provider=None)
    return CompactDeck(
        layers=layers,
        initial_view_state=options.view.to_view_state(),
        # Repeated worlds keep Samoa and the Cook Islands (drawn beyond 180°) on screen when the
        # camera is panned across the antimeridian and deck.gl wraps its longitude to -180..180.
        views=[pdk.View(type="MapView", controller=True, repeat=True)],
        tooltip=tooltip(options.lang),
        **deck_options,
    )


def picked_id(selection: Mapping[str, Any] | None) -> str | None:
    """The organisation id in a Streamlit map selection event, or None when nothing is selected."""
    if not selection:
        return None
    objects = (selection.get("selection") or {}).get("objects") or {}
    picked = objects.get(LAYER_ORGANISATIONS) or []
    if not picked:
        return None
    first = picked[0]
    value = first.get("id") if isinstance(first, Mapping) else None
    return value if isinstance(value, str) else None
