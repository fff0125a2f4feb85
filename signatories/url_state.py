"""The page's state in the URL: every parameter declared once, parsed strictly, written back minimal.

`PARAMS` is the one table of the parameters a link can carry. Each entry says its name in the URL,
whether it narrows the organisations (`filters`) or only chooses how they are shown (`view`), the field
of `Filters` or `View` it sets, how its values are read and written, and the session-state key of the
sidebar widget that shows it. Parsing, writing, the widgets (`signatories.ui.state`) and the filtering
are all derived from this table; adding a filter is one entry here plus its field and its text.

A link is untrusted input: anything that is not a known value is dropped and named in a note the page
shows, never raised. Parsing is bounded (values per key, characters per value, notes per link) so a
pasted 10,000-value link costs no more than a short one.

Streamlit applies its own limit first: a query string of more than 1,000 fields or 512 KiB never
reaches the app (Streamlit logs a warning and the page opens as if the link had no parameters), so
no note can name it; below that limit every ignored value gets one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Final, Literal

import pandas as pd

from signatories import theme, vocab
from signatories.app_state import AppState, View
from signatories.filters import ANY_YEAR, FILTER_BASES, Filters, YearRange
from signatories.i18n import LANGUAGES, Lang, t
from signatories.map.camera import MapView

# More values than any real selection has (20 countries, 8 types); the rest of a longer list is not read.
MAX_VALUES_PER_KEY: Final = 100
# Longer than any code, id or sensible search; a longer value is cut (search) or rejected (codes).
MAX_VALUE_CHARS: Final = 100
# How much of a rejected value a note quotes.
NOTE_VALUE_CHARS: Final = 40
# One note per problem up to this many, then one note counting the rest.
MAX_NOTES: Final = 12

TRUE: Final = "1"
FALSE: Final = "0"
# ASCII digits only, matched whole (`$` alone would let a trailing newline through).
_YEAR_RANGE: Final = re.compile(r"(?P<low>[0-9]{4})?-(?P<high>[0-9]{4})?")
_SINGLE_YEAR: Final = re.compile(r"[0-9]{4}")

# Why a value was ignored; each is a message key in the explorer catalog.
BAD_CAMERA: Final = "filters.url.bad_camera"
UNKNOWN_PARAM: Final = "filters.url.unknown_param"
UNKNOWN_VALUE: Final = "filters.url.unknown_value"
TOO_MANY_VALUES: Final = "filters.url.too_many_values"
REPEATED: Final = "filters.url.repeated"
BAD_YEAR: Final = "filters.url.bad_year"
YEAR_OUT_OF_RANGE: Final = "filters.url.year_out_of_range"
YEAR_REVERSED: Final = "filters.url.year_reversed"
BAD_SWITCH: Final = "filters.url.bad_switch"
TOO_LONG: Final = "filters.url.too_long"
MORE_NOTES: Final = "filters.url.more_notes"

Params = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Note:
    """One ignored part of a link: the parameter, the value quoted as plain text, and why."""

    param: str
    value: str
    reason: str

    def render(self, lang: Lang) -> str:
        return t(self.reason, lang, param=self.param, value=self.value)


@dataclass(frozen=True)
class Known:
    """The values a link may name that come from the data rather than from the vocabularies."""

    countries: frozenset[str]
    ids: frozenset[str]

    @classmethod
    def of(cls, countries: pd.DataFrame, organisations: pd.DataFrame) -> Known:
        """What a dataset lets a link name: its country codes and organisation ids."""
        return cls(
            countries=frozenset(countries["code"].tolist()), ids=frozenset(organisations["id"].tolist())
        )


def quote(value: str) -> str:
    """A value safe to show as text in a note: control characters made visible, long values cut."""
    visible = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in value)
    if len(visible) > NOTE_VALUE_CHARS:
        return visible[: NOTE_VALUE_CHARS - 1] + "…"
    return visible


class Reader:
    """Reads the values of a link's parameters; collects the notes of one parse, counting but not keeping those beyond MAX_NOTES."""

    def __init__(self, params: Params, known: Known) -> None:
        self.params = params
        self.known = known
        self.notes: list[Note] = []
        self.dropped_notes = 0

    def note(self, param: str, value: str, reason: str) -> None:
        if len(self.notes) < MAX_NOTES:
            self.notes.append(Note(quote(param), quote(value), reason))
        else:
            self.dropped_notes += 1

    def values(self, param: str) -> list[str]:
        given = self.params.get(param, ())
        # A plain string is one value, not a sequence of characters.
        given = [given] if isinstance(given, str) else given
        raw = list(given[: MAX_VALUES_PER_KEY + 1])
        if len(raw) > MAX_VALUES_PER_KEY:
            total = len(given)
            self.note(param, str(total), TOO_MANY_VALUES)
            raw = raw[:MAX_VALUES_PER_KEY]
        return [value for value in raw if isinstance(value, str)]

    def single(self, param: str) -> str | None:
        """The one value of a single-valued parameter; extra copies are ignored with a note."""
        values = self.values(param)
        if not values:
            return None
        if len(values) > 1:
            self.note(param, values[1], REPEATED)
        return values[0]

    def choices(self, param: str, allowed: Sequence[str] | frozenset[str]) -> tuple[str, ...]:
        kept: list[str] = []
        for value in self.values(param):
            if value == "":
                continue  # an empty value is how some tools write "nothing"; not worth a note
            if value in allowed:
                kept.append(value)
            else:
                self.note(param, value, UNKNOWN_VALUE)
        return tuple(kept)

    def switch(self, param: str, default: bool) -> bool:
        value = self.single(param)
        if value is None:
            return default
        if value in (TRUE, FALSE):
            return value == TRUE
        self.note(param, value, BAD_SWITCH)
        return default

    def year_bound(self, text: str | None, raw: str) -> tuple[int | None, bool]:
        if text is None:
            return None, True
        year = int(text)
        if not vocab.TARGET_YEAR_MIN <= year <= vocab.TARGET_YEAR_MAX:
            self.note(YEAR, raw, YEAR_OUT_OF_RANGE)
            return None, False
        return year, True

    def years(self, param: str) -> YearRange:
        raw = self.single(param)
        if raw is None or raw == "":
            return ANY_YEAR
        if _SINGLE_YEAR.fullmatch(raw):
            year, ok = self.year_bound(raw, raw)
            return (year, year) if ok else ANY_YEAR
        match = _YEAR_RANGE.fullmatch(raw)
        if match is None or (match["low"] is None and match["high"] is None):
            self.note(param, raw, BAD_YEAR)
            return ANY_YEAR
        low, low_ok = self.year_bound(match["low"], raw)
        high, high_ok = self.year_bound(match["high"], raw)
        if not (low_ok and high_ok):
            return ANY_YEAR
        if low is not None and high is not None and low > high:
            # Most likely typed the wrong way round; reading it as meant beats showing nothing.
            self.note(param, raw, YEAR_REVERSED)
            low, high = high, low
        return low, high

    def text(self, param: str) -> str:
        value = self.single(param) or ""
        if len(value) > MAX_VALUE_CHARS:
            self.note(param, value, TOO_LONG)
            value = value[:MAX_VALUE_CHARS]
        # A search is one line of text; control characters can only come from a crafted link.
        return "".join(char if char.isprintable() else " " for char in value).strip()

    def one_of(self, param: str, allowed: Sequence[str] | frozenset[str], default: str) -> str:
        value = self.single(param)
        if value is None or value == "":
            return default
        if value in allowed:
            return value
        self.note(param, value, UNKNOWN_VALUE)
        return default

    def lang(self, param: str) -> Lang:
        value = self.one_of(param, LANGUAGES, View().lang)
        return "ja" if value == "ja" else "en"

    def camera(self, param: str) -> MapView | None:
        raw = self.single(param)
        if raw is None or raw == "":
            return None
        parts = raw.split(",")
        try:
            latitude, longitude, zoom = (float(part) for part in parts)
        except ValueError:
            self.note(param, raw, BAD_CAMERA)
            return None
        # Longitudes run past 180 on the Pacific side of the map (Samoa, the Cook Islands).
        if not (
            all(math.isfinite(value) for value in (latitude, longitude, zoom))
            and -85 <= latitude <= 85
            and -180 <= longitude <= 360
            and theme.MIN_ZOOM <= zoom <= theme.MAX_ZOOM
        ):
            self.note(param, raw, BAD_CAMERA)
            return None
        return MapView(latitude, longitude, zoom)


# --- Writing values back ------------------------------------------------------------------------------


def _year_text(years: YearRange) -> list[str]:
    low, high = years
    if years == ANY_YEAR:
        return []
    if low is not None and low == high:
        return [str(low)]
    return [f"{'' if low is None else low}-{'' if high is None else high}"]


def _switch_text(default: bool) -> Callable[[bool], list[str]]:
    return lambda value: [] if value == default else [TRUE if value else FALSE]


def _camera_text(camera: MapView | None) -> list[str]:
    if camera is None:
        return []
    # Four decimals of a degree are ~10 m; two of a zoom level are invisible.
    parts = (round(camera.latitude, 4), round(camera.longitude, 4), round(camera.zoom, 2))
    return [",".join(f"{part:f}".rstrip("0").rstrip(".") for part in parts)]


def _text(value: str) -> list[str]:
    return [value] if value else []


def _values(values: tuple[str, ...]) -> list[str]:
    return list(values)


# --- The parameters ------------------------------------------------------------------------------------

Part = Literal["filters", "view"]


@dataclass(frozen=True)
class Param:
    """One parameter of a link: everything the app needs to know about it, declared once."""

    name: str  # in the URL
    part: Part  # `filters` narrows the organisations; `view` only chooses how they are shown
    field: str  # the attribute of Filters or View it sets
    read: Callable[[Reader, str], Any]  # the link's values → the field's value, noting what was ignored
    write: Callable[[Any], list[str]]  # the field's value → the link's values; [] for the default
    widget: str = ""  # the session-state key of the sidebar widget that shows it, if any


_VIEW_DEFAULTS: Final = View()

LANG: Final = "lang"
YEAR: Final = "year"
SELECTED: Final = "org"
CAMERA: Final = "view"

PARAMS: Final[tuple[Param, ...]] = (
    Param(LANG, "view", "lang", lambda r, p: r.lang(p), lambda v: [] if v == View().lang else [v], "lang"),
    Param(
        "country",
        "filters",
        "countries",
        lambda r, p: r.choices(p, r.known.countries),
        _values,
        "filter_countries",
    ),
    Param(
        "type", "filters", "org_types", lambda r, p: r.choices(p, vocab.ORG_TYPES), _values, "filter_types"
    ),
    Param("role", "filters", "roles", lambda r, p: r.choices(p, vocab.ROLES), _values, "filter_roles"),
    Param(YEAR, "filters", "years", lambda r, p: r.years(p), _year_text, "filter_years"),
    Param("target", "filters", "bases", lambda r, p: r.choices(p, FILTER_BASES), _values, "filter_bases"),
    Param("q", "filters", "query", lambda r, p: r.text(p), _text, "filter_query"),
    Param(SELECTED, "view", "selected", lambda r, p: r.one_of(p, r.known.ids, ""), _text),
    Param(
        "arcs",
        "view",
        "show_arcs",
        lambda r, p: r.switch(p, _VIEW_DEFAULTS.show_arcs),
        _switch_text(_VIEW_DEFAULTS.show_arcs),
        "map_arcs",
    ),
    Param(
        "tiles",
        "view",
        "online_basemap",
        lambda r, p: r.switch(p, _VIEW_DEFAULTS.online_basemap),
        _switch_text(_VIEW_DEFAULTS.online_basemap),
        "map_tiles",
    ),
    Param(CAMERA, "view", "camera", lambda r, p: r.camera(p), _camera_text),
)
PARAM_NAMES: Final = frozenset(param.name for param in PARAMS)
WIDGET_PARAMS: Final = tuple(param for param in PARAMS if param.widget)

# Links made before the target-basis filter gained "none" said it with two parameters: `basis` (own,
# national; none picked meant both) and the switch `notarget` (on unless 0). They are read, never written.
LEGACY_BASIS: Final = "basis"
LEGACY_NO_TARGET: Final = "notarget"
LEGACY_NAMES: Final = frozenset({LEGACY_BASIS, LEGACY_NO_TARGET})


def _legacy_bases(reader: Reader) -> tuple[str, ...] | None:
    """The target-basis filter an old link meant, or None when it has neither old parameter."""
    if not any(name in reader.params for name in LEGACY_NAMES):
        return None
    with_target = reader.choices(LEGACY_BASIS, ("own", "national")) or ("own", "national")
    include_none = reader.switch(LEGACY_NO_TARGET, True)
    return (*with_target, "none") if include_none else with_target


def value_of(state: AppState, param: Param) -> Any:
    return getattr(state.filters if param.part == "filters" else state.view, param.field)


def with_value(state: AppState, param: Param, value: Any) -> AppState:
    """`state` with `param`'s field set to `value` (normalised by the part's own rules)."""
    if param.part == "filters":
        return replace(state, filters=replace(state.filters, **{param.field: value}))
    return replace(state, view=replace(state.view, **{param.field: value}))


def parse(params: Params, known: Known) -> tuple[AppState, list[Note]]:
    """The state a link describes, and a note for every part of it that was ignored."""
    reader = Reader(params, known)
    for name in params:
        if name not in PARAM_NAMES and name not in LEGACY_NAMES:
            reader.note(name, name, UNKNOWN_PARAM)
    state = AppState()
    for param in PARAMS:
        state = with_value(state, param, param.read(reader, param.name))
    legacy = _legacy_bases(reader)
    if legacy is not None and not state.filters.bases:
        state = state.with_filters(bases=legacy)
    notes = reader.notes
    if reader.dropped_notes:
        notes.append(Note("", str(reader.dropped_notes), MORE_NOTES))
    return state, notes


def serialise(state: AppState) -> dict[str, list[str]]:
    """Query parameters for `state`, leaving out every default so shared links stay short."""
    params: dict[str, list[str]] = {}
    for param in PARAMS:
        values = param.write(value_of(state, param))
        if values:
            params[param.name] = values
    return params


# Every field of Filters and View has exactly one parameter (checked at import: a field added without
# one would silently be lost from every link).
_DECLARED: Final = {(param.part, param.field) for param in PARAMS}
_FIELDS: Final = {("filters", f.name) for f in fields(Filters)} | {("view", f.name) for f in fields(View)}
if _DECLARED != _FIELDS:
    raise RuntimeError(f"url_state.PARAMS and the state's fields differ: {sorted(_DECLARED ^ _FIELDS)}")
