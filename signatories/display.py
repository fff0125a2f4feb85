"""The conference-screen display, without Streamlit: the rotating spotlight, its interval, its map, the link.

The spotlight moves through the countries in the order the declaration lists their signatories (the data
file's row order, so the proposers' countries, Japan and Thailand, come first). A step counter or an injected
clock says where the rotation is; nothing here sleeps or keeps a history, so a day of rotations costs nothing.
Each spotlight's map is built once, drawn with no basemap tiles, and serialised once (`FrozenDeck`).
"""

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from signatories import theme, vocab
from signatories.borders import pacific_longitude
from signatories.i18n import Lang, label, localized
from signatories.map.camera import MapView, Viewport, fit_view
from signatories.map.deck import AUTO_CHARACTER_SET, COORD_DECIMALS, PIXELS, rgba, view_state
from signatories.map.seats import LabelStyle, draw_positions, seat_rows

INTERVAL_PARAM: Final = "interval"
# Long enough to read a country's list from across a room, short enough that a passer-by sees it move.
INTERVAL_DEFAULT_S: Final = 12
INTERVAL_MIN_S: Final = 5
INTERVAL_MAX_S: Final = 600


_ROLE_RANK: Final = {role: rank for rank, role in enumerate(vocab.ROLES)}
_TYPE_RANK: Final = {org_type: rank for rank, org_type in enumerate(vocab.ORG_TYPES)}


def parse_interval(raw: str | Sequence[str] | None) -> int:
    """Seconds between rotations from a URL value: default when missing or not a number, clamped to the bounds."""
    if raw is not None and not isinstance(raw, str):
        raw = raw[-1] if raw else None
    if raw is None:
        return INTERVAL_DEFAULT_S
    try:
        seconds = float(raw.strip())
    except ValueError:
        return INTERVAL_DEFAULT_S
    if not math.isfinite(seconds):  # "nan" and "inf" parse as floats
        return INTERVAL_DEFAULT_S
    return int(min(max(round(seconds), INTERVAL_MIN_S), INTERVAL_MAX_S))


def rotation_order(organisations: pd.DataFrame) -> tuple[str, ...]:
    """The countries present, in the order of their first signatory in the frame."""
    return tuple(dict.fromkeys(organisations["country"]))


def spotlight(countries: Sequence[str], step: int) -> str | None:
    """The country in the spotlight at `step`; the rotation wraps around; None when there is nothing to show."""
    if not countries:
        return None
    return countries[step % len(countries)]


def step_at(now: float, started: float, interval_s: float) -> int:
    """The step an injected clock has reached: whole intervals since `started` (never negative)."""
    if interval_s <= 0:
        raise ValueError("interval must be positive")
    return max(0, int((now - started) // interval_s))


def spotlight_rows(organisations: pd.DataFrame, country: str | None) -> pd.DataFrame:
    """The organisations of the country in the spotlight: proposers first, then by kind, then by English name."""
    rows = organisations[organisations["country"] == country]
    order = rows.assign(
        _role=rows["role"].map(_ROLE_RANK),
        _type=rows["org_type"].map(_TYPE_RANK),
    ).sort_values(["_role", "_type", "name_en"], kind="stable")
    return order.drop(columns=["_role", "_type"])


@dataclass(frozen=True)
class Spotlight:
    """What one rotation shows: the country, its place in the rotation (1-based) and its organisations.

    `organisations` is for the map builder, called once per spotlight; `records` holds the same rows as plain
    dicts for the text. Reading a long-lived DataFrame column by column on every rotation would leave pandas'
    weak references to each view behind (pruned only in batches of hundreds), so rotations read `records`.
    """

    country: str
    position: int
    total: int
    organisations: pd.DataFrame
    records: tuple[Mapping[str, object], ...]


def spotlights(organisations: pd.DataFrame) -> tuple[Spotlight, ...]:
    """Every rotation's spotlight, built once: a rotation then only picks one."""
    countries = rotation_order(organisations)
    views = []
    for position, country in enumerate(countries, start=1):
        rows = spotlight_rows(organisations, country).reset_index(drop=True)
        views.append(
            Spotlight(
                country=country,
                position=position,
                total=len(countries),
                organisations=rows,
                records=tuple(rows.to_dict(orient="records")),
            )
        )
    return tuple(views)


def spotlight_at(views: Sequence[Spotlight], step: int) -> Spotlight | None:
    """The spotlight at `step`; the rotation wraps around; None when there is nothing to show."""
    return views[step % len(views)] if views else None


def _short_name(record: Mapping[str, object], lang: Lang) -> str:
    """A name that fits a crowded screen: Japanese names are short already; in English a local government's
    short name is its place ("Baguio City"), while a national body's short name is an acronym nobody in
    the room could read, so national bodies keep their full name."""
    if lang == "ja" or record.get("org_type") not in vocab.LOCAL_ORG_TYPES:
        return localized(record, "name", lang)
    short = record.get("short_name")
    return str(short) if isinstance(short, str) and short else localized(record, "name", lang)


def spotlight_groups(view: Spotlight, lang: Lang) -> list[tuple[str, list[str]]]:
    """The spotlight's organisations grouped by kind, in vocabulary order, with short names: for long lists."""
    groups: dict[str, list[str]] = {}
    for record in sorted(
        view.records, key=lambda record: _TYPE_RANK.get(str(record["org_type"]), len(_TYPE_RANK))
    ):
        kind = label("org_type", str(record["org_type"]), lang)
        groups.setdefault(kind, []).append(_short_name(record, lang))
    return list(groups.items())


def spotlight_lines(view: Spotlight, lang: Lang) -> list[tuple[str, str]]:
    """The spotlight's organisations as (name, kind) in `lang`, for large text."""
    return [
        (localized(record, "name", lang), label("org_type", str(record["org_type"]), lang))
        for record in view.records
    ]


class FrozenDeck(pdk.Deck):
    """A Deck serialised once, compactly, for maps that are drawn again and again unchanged.

    `st.pydeck_chart` calls `to_json()` on every draw, and pydeck pretty-prints (about 5 MB here, most of it
    the country outlines' indentation, and 0.4 s of CPU). A display map is drawn every rotation all day, so
    its JSON is made once without whitespace (about 0.8 MB) and handed out as the same string each time.
    Call `freeze()` after the last change to the deck.
    """

    _frozen: str = ""

    def freeze(self) -> "FrozenDeck":
        # pydeck's own serialiser, without its indentation: the same JSON, a sixth of the size.
        self._frozen = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return self

    def to_json(self) -> str:
        if not self._frozen:
            raise RuntimeError("FrozenDeck.to_json() before freeze()")
        return self._frozen


def _outline_features(basemap: Mapping[str, Any], country: str) -> dict[str, Any]:
    """The outlines on the dark ground, the spotlight's country tinted; geometries shared, not copied."""
    land = rgba(theme.DISPLAY_BORDER_FILL)
    tint = rgba(theme.DISPLAY_SIGNATORY_COUNTRY_FILL)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": feature.get("geometry"),
                "properties": {
                    "fill": tint if (feature.get("properties") or {}).get("iso_a2") == country else land
                },
            }
            for feature in basemap.get("features", [])
        ],
    }


def _marker_rows(organisations: pd.DataFrame, spotlit: bool, alpha: int) -> list[dict[str, Any]]:
    """Markers at the explorer's positions; the spotlight's rings of co-located seats opened wider.

    The explorer spreads organisations sharing a seat on a ring sized for its small markers; the display's
    markers are twice as large, so the ring is scaled about its seat until they stop overlapping.
    """
    positions = draw_positions(organisations)
    located = organisations.loc[positions.index]
    kinds = located["org_type"]
    colours = {kind: rgba(colour, alpha) for kind, colour in theme.ORG_TYPE_COLOURS.items()}
    radius = theme.DISPLAY_MARKER_RADIUS_PX if spotlit else theme.DISPLAY_OTHER_MARKER_RADIUS_PX
    spread = theme.DISPLAY_CO_LOCATED_SPREAD_DEG / theme.CO_LOCATED_SPREAD_DEG if spotlit else 1.0
    seat_lon = located["lon"].astype(float).map(pacific_longitude)
    seat_lat = located["lat"].astype(float)
    lons = seat_lon + (positions["draw_lon"] - seat_lon) * spread
    lats = seat_lat + (positions["draw_lat"] - seat_lat) * spread
    return [
        {
            "position": [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)],
            "colour": colours[kind],
            "radius": radius,
        }
        for lon, lat, kind in zip(lons, lats, kinds, strict=True)
    ]


# The display's labels are twice the explorer's and sit above the ring of markers around a shared seat;
# they are never closer together than the explorer's.
DISPLAY_LABELS: Final = LabelStyle(
    size_px=theme.DISPLAY_LABEL_SIZE_PX, offset_px=theme.DISPLAY_LABEL_OFFSET_PX
)


def seat_labels(organisations: pd.DataFrame, lang: Lang, zoom: float) -> list[dict[str, Any]]:
    """One large label per seat, thinned so that none overlaps another at `zoom`: proposers, then busier seats.

    The list beside the map names every organisation; the map only has to say where they are.
    """
    return seat_rows(organisations, lang, zoom, DISPLAY_LABELS)


def spotlight_view(view: Spotlight) -> MapView:
    """The camera on the spotlight's organisations, never closer than a country-wide view."""
    return fit_view(
        view.organisations, Viewport(theme.DISPLAY_MAP_NOMINAL_WIDTH_PX, theme.DISPLAY_MAP_HEIGHT_PX)
    )


def display_deck(
    organisations: pd.DataFrame, view: Spotlight, basemap: Mapping[str, Any] | None, lang: Lang
) -> pdk.Deck:
    """The display's map: dark outlines, every signatory dimmed, the spotlight's large with its seats named.

    No basemap tiles (`map_provider=None`): the screen must keep drawing when the venue's network drops.
    No controller and no tooltip: nobody touches a conference screen.
    """
    others = organisations[organisations["country"] != view.country]
    layers: list[pdk.Layer] = []
    if basemap is not None:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id="display-countries",
                data=_outline_features(basemap, view.country),
                stroked=True,
                filled=True,
                get_fill_color="properties.fill",
                get_line_color=rgba(theme.DISPLAY_BORDER_LINE),
                get_line_width=theme.DISPLAY_BORDER_LINE_PX,
                line_width_units=PIXELS,
            )
        )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id="display-others",
            data=_marker_rows(others, spotlit=False, alpha=theme.DISPLAY_OTHER_MARKER_ALPHA),
            get_position="position",
            get_fill_color="colour",
            get_radius="radius",
            radius_units=PIXELS,
        )
    )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            id="display-spotlight",
            data=_marker_rows(view.organisations, spotlit=True, alpha=255),
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
    layers.append(
        pdk.Layer(
            "TextLayer",
            id="display-seats",
            data=seat_labels(view.organisations, lang, spotlight_view(view).zoom),
            get_position="position",
            get_text="text",
            get_size=theme.DISPLAY_LABEL_SIZE_PX,
            size_units=PIXELS,
            get_color=rgba(theme.DISPLAY_TEXT),
            get_text_anchor=pdk.types.String("middle"),
            get_alignment_baseline=pdk.types.String("bottom"),
            get_pixel_offset=[0, -theme.DISPLAY_LABEL_OFFSET_PX],
            character_set=AUTO_CHARACTER_SET,
            font_family=pdk.types.String(theme.DISPLAY_LABEL_FONT_FAMILY),
            font_settings={"sdf": True},
            outline_width=theme.DISPLAY_LABEL_OUTLINE_PX,
            outline_color=rgba(theme.DISPLAY_LABEL_HALO),
        )
    )
    return FrozenDeck(
        layers=layers,
        initial_view_state=view_state(spotlight_view(view)),
        views=[pdk.View(type="MapView", controller=False, repeat=True)],
        map_provider=None,
    ).freeze()
