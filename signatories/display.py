"""The conference-screen display, without Streamlit: the rotating spotlight and its interval.

The spotlight moves through the countries in the order the declaration lists their signatories (the data
file's row order, so the proposers' countries, Japan and Thailand, come first). A step counter or an injected
clock says where the rotation is; nothing here sleeps or keeps a history, so a day of rotations costs nothing.
Each spotlight's map is `spotlight_model`, drawn by the explorer's deck builder in the display's style.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from signatories import theme, vocab
from signatories.app_state import AppState, View
from signatories.filters import Filters
from signatories.i18n import Lang, label, localized
from signatories.map.camera import Viewport, fit_view
from signatories.map.deck import DISPLAY_STYLE
from signatories.map.model import MapModel, Marker, build_model

INTERVAL_PARAM: Final = "interval"
# Long enough to read a country's list from across a room, short enough that a passer-by sees it move.
INTERVAL_DEFAULT_S: Final = 12
INTERVAL_MIN_S: Final = 5
INTERVAL_MAX_S: Final = 600


# The spotlight map's size until the browser reports the screen's (the stylesheet sizes it from the screen).
DISPLAY_VIEWPORT: Final = Viewport(theme.DISPLAY_MAP_NOMINAL_WIDTH_PX, theme.DISPLAY_MAP_HEIGHT_PX)

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


def spotlight_state(country: str, lang: Lang) -> AppState:
    """The state whose map is the spotlight's: its country, no arcs (also the query of its map file)."""
    return AppState(filters=Filters(countries=(country,)), view=View(lang=lang, show_arcs=False))


def spotlight_model(
    organisations: pd.DataFrame,
    countries: pd.DataFrame,
    spotlight: Spotlight,
    outlines: Mapping[str, object] | None,
    lang: Lang,
    viewport: Viewport = DISPLAY_VIEWPORT,
    markers: tuple[Marker, ...] | None = None,
) -> MapModel:
    """The spotlight's map: every signatory, its country's shown, framed for `viewport`, the map's size on
    the screen (framed for a larger map, a 1280 x 720 screen would cut markers off at its edges).

    `markers` are `model.model_markers` with the display's wider ring around a shared seat.
    """
    return build_model(
        organisations,
        spotlight.organisations,
        countries,
        outlines,
        spotlight_state(spotlight.country, lang),
        viewport,
        DISPLAY_STYLE.labels,
        camera=fit_view(spotlight.organisations, viewport),
        markers=markers,
    )
