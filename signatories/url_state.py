"""The explorer's state in the URL: parse query parameters strictly, say what was ignored, write back minimal.

A link is untrusted input: anything that is not a known value is dropped and named in a note the page
shows, never raised. Parsing is bounded (values per key, characters per value, notes per link) so a
pasted 10,000-value link costs no more than a short one.

Streamlit applies its own limit first: a query string of more than 1,000 fields or 512 KiB never
reaches the app (Streamlit logs a warning and the page opens as if the link had no parameters), so
no note can name it; below that limit every ignored value gets one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from signatories import vocab
from signatories.filters import FILTER_BASES, FilterState
from signatories.i18n import LANGUAGES, Lang, t

PARAM_LANG: Final = "lang"
PARAM_COUNTRY: Final = "country"
PARAM_TYPE: Final = "type"
PARAM_ROLE: Final = "role"
PARAM_YEAR: Final = "year"
PARAM_NO_TARGET: Final = "notarget"
PARAM_BASIS: Final = "basis"
PARAM_QUERY: Final = "q"
PARAM_SELECTED: Final = "org"
PARAM_ARCS: Final = "arcs"
PARAM_TILES: Final = "tiles"
PARAMS: Final = (
    PARAM_LANG,
    PARAM_COUNTRY,
    PARAM_TYPE,
    PARAM_ROLE,
    PARAM_YEAR,
    PARAM_NO_TARGET,
    PARAM_BASIS,
    PARAM_QUERY,
    PARAM_SELECTED,
    PARAM_ARCS,
    PARAM_TILES,
)

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


def quote(value: str) -> str:
    """A value safe to show as text in a note: control characters made visible, long values cut."""
    visible = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in value)
    if len(visible) > NOTE_VALUE_CHARS:
        return visible[: NOTE_VALUE_CHARS - 1] + "…"
    return visible


class _Parser:
    """Collects the notes of one parse, counting but not keeping those beyond MAX_NOTES."""

    def __init__(self, params: Params) -> None:
        self.params = params
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
            self.note(PARAM_YEAR, raw, YEAR_OUT_OF_RANGE)
            return None, False
        return year, True

    def years(self) -> tuple[int | None, int | None]:
        raw = self.single(PARAM_YEAR)
        if raw is None or raw == "":
            return None, None
        if _SINGLE_YEAR.fullmatch(raw):
            year, ok = self.year_bound(raw, raw)
            return (year, year) if ok else (None, None)
        match = _YEAR_RANGE.fullmatch(raw)
        if match is None or (match["low"] is None and match["high"] is None):
            self.note(PARAM_YEAR, raw, BAD_YEAR)
            return None, None
        low, low_ok = self.year_bound(match["low"], raw)
        high, high_ok = self.year_bound(match["high"], raw)
        if not (low_ok and high_ok):
            return None, None
        if low is not None and high is not None and low > high:
            # Most likely typed the wrong way round; reading it as meant beats showing nothing.
            self.note(PARAM_YEAR, raw, YEAR_REVERSED)
            low, high = high, low
        return low, high

    def query(self) -> str:
        value = self.single(PARAM_QUERY) or ""
        if len(value) > MAX_VALUE_CHARS:
            self.note(PARAM_QUERY, value, TOO_LONG)
            value = value[:MAX_VALUE_CHARS]
        # A search is one line of text; control characters can only come from a crafted link.
        return "".join(char if char.isprintable() else " " for char in value).strip()

    def selected(self, known_ids: frozenset[str]) -> str:
        value = self.single(PARAM_SELECTED)
        if value is None or value == "":
            return ""
        if value in known_ids:
            return value
        self.note(PARAM_SELECTED, value, UNKNOWN_VALUE)
        return ""

    def lang(self) -> Lang:
        value = self.single(PARAM_LANG)
        if value is None:
            return FilterState().lang
        for lang in LANGUAGES:
            if value == lang:
                return lang
        self.note(PARAM_LANG, value, UNKNOWN_VALUE)
        return FilterState().lang


def parse(params: Params, known: Known) -> tuple[FilterState, list[Note]]:
    """The state a link describes, and a note for every part of it that was ignored."""
    parser = _Parser(params)
    for param in params:
        if param not in PARAMS:
            parser.note(param, param, UNKNOWN_PARAM)
    lang = parser.lang()
    year_min, year_max = parser.years()
    defaults = FilterState()
    state = FilterState(
        countries=parser.choices(PARAM_COUNTRY, known.countries),
        org_types=parser.choices(PARAM_TYPE, vocab.ORG_TYPES),
        roles=parser.choices(PARAM_ROLE, vocab.ROLES),
        year_min=year_min,
        year_max=year_max,
        include_no_target=parser.switch(PARAM_NO_TARGET, defaults.include_no_target),
        bases=parser.choices(PARAM_BASIS, FILTER_BASES),
        query=parser.query(),
        selected=parser.selected(known.ids),
        lang=lang,
        show_arcs=parser.switch(PARAM_ARCS, defaults.show_arcs),
        online_basemap=parser.switch(PARAM_TILES, defaults.online_basemap),
    )
    notes = parser.notes
    if parser.dropped_notes:
        notes.append(Note("", str(parser.dropped_notes), MORE_NOTES))
    return state, notes


def _year_text(year_min: int | None, year_max: int | None) -> str:
    if year_min is not None and year_min == year_max:
        return str(year_min)
    low = "" if year_min is None else str(year_min)
    high = "" if year_max is None else str(year_max)
    return f"{low}-{high}"


def serialise(state: FilterState) -> dict[str, list[str]]:
    """Query parameters for `state`, leaving out every default so shared links stay short."""
    defaults = FilterState()
    params: dict[str, list[str]] = {}
    if state.lang != defaults.lang:
        params[PARAM_LANG] = [state.lang]
    if state.countries:
        params[PARAM_COUNTRY] = list(state.countries)
    if state.org_types:
        params[PARAM_TYPE] = list(state.org_types)
    if state.roles:
        params[PARAM_ROLE] = list(state.roles)
    if state.year_min is not None or state.year_max is not None:
        params[PARAM_YEAR] = [_year_text(state.year_min, state.year_max)]
    if state.include_no_target != defaults.include_no_target:
        params[PARAM_NO_TARGET] = [TRUE if state.include_no_target else FALSE]
    if state.bases:
        params[PARAM_BASIS] = list(state.bases)
    if state.query:
        params[PARAM_QUERY] = [state.query]
    if state.selected:
        params[PARAM_SELECTED] = [state.selected]
    if state.show_arcs != defaults.show_arcs:
        params[PARAM_ARCS] = [TRUE if state.show_arcs else FALSE]
    if state.online_basemap != defaults.online_basemap:
        params[PARAM_TILES] = [TRUE if state.online_basemap else FALSE]
    return params
