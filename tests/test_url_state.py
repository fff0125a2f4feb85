"""The URL as state: strict parsing with notes, minimal writing, and the round trip between them."""

from __future__ import annotations

import random

import pytest

from signatories import vocab
from signatories.app_state import AppState, View
from signatories.filters import FILTER_BASES, Filters
from signatories.i18n import LANGUAGES
from signatories.map.camera import MapView
from signatories.url_state import (
    BAD_CAMERA,
    BAD_SWITCH,
    BAD_YEAR,
    MAX_NOTES,
    MAX_VALUE_CHARS,
    MAX_VALUES_PER_KEY,
    MORE_NOTES,
    NOTE_VALUE_CHARS,
    PARAMS,
    REPEATED,
    TOO_LONG,
    TOO_MANY_VALUES,
    UNKNOWN_PARAM,
    UNKNOWN_VALUE,
    YEAR_OUT_OF_RANGE,
    YEAR_REVERSED,
    Known,
    Note,
    Param,
    parse,
    serialise,
)

COUNTRIES = ("AM", "CK", "ID", "JP", "PH", "TH", "WS")
IDS = ("jp-yokohama", "th-bangkok", "ws-swa", "id-jakarta")
KNOWN = Known(countries=frozenset(COUNTRIES), ids=frozenset(IDS))


def reasons(notes: list[Note]) -> list[str]:
    return [note.reason for note in notes]


def test_no_parameters_is_the_default_state() -> None:
    assert parse({}, KNOWN) == (AppState(), [])


def test_the_default_state_writes_no_parameters() -> None:
    assert serialise(AppState()) == {}


def test_a_full_link() -> None:
    params = {
        "lang": ["ja"],
        "country": ["TH", "JP"],
        "type": ["city"],
        "role": ["participant"],
        "year": ["2030-2050"],
        "target": ["own", "national"],
        "q": ["バンコク"],
        "org": ["th-bangkok"],
        "arcs": ["0"],
        "tiles": ["0"],
        "view": ["13.75,100.5,6.5"],
    }
    state, notes = parse(params, KNOWN)
    assert notes == []
    assert state == AppState(
        Filters(
            countries=("JP", "TH"),
            org_types=("city",),
            roles=("participant",),
            years=(2030, 2050),
            bases=("own", "national"),
            query="バンコク",
        ),
        View(
            selected="th-bangkok",
            lang="ja",
            show_arcs=False,
            online_basemap=False,
            camera=MapView(13.75, 100.5, 6.5),
        ),
    )


def random_state(rng: random.Random) -> AppState:
    def some(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(rng.sample(values, rng.randint(0, len(values))))

    years = sorted(rng.sample(range(vocab.TARGET_YEAR_MIN, vocab.TARGET_YEAR_MAX + 1), 2))
    year_min = rng.choice([None, years[0]])
    year_max = rng.choice([None, years[1], year_min])
    query_chars = "abc xyzé横浜ﾄ<>&\"'%#?=+/"
    camera = MapView(
        round(rng.uniform(-60, 60), 4), round(rng.uniform(-180, 359), 4), round(rng.uniform(1.5, 12), 2)
    )
    return AppState(
        Filters(
            countries=some(COUNTRIES),
            org_types=some(vocab.ORG_TYPES),
            roles=some(vocab.ROLES),
            years=(year_min, year_max),
            bases=some(FILTER_BASES),
            query="".join(rng.choice(query_chars) for _ in range(rng.randint(0, 12))),
        ),
        View(
            selected=rng.choice(("", *IDS)),
            lang=rng.choice(LANGUAGES),
            show_arcs=rng.random() < 0.5,
            online_basemap=rng.random() < 0.5,
            camera=rng.choice((None, camera)),
        ),
    )


def test_round_trip_of_random_states() -> None:
    rng = random.Random(2023_11_15)
    for _ in range(500):
        state = random_state(rng)
        assert parse(serialise(state), KNOWN) == (state, []), state


def test_serialise_leaves_out_defaults_only() -> None:
    params = serialise(AppState(Filters(years=(None, 2045)), View(lang="ja", show_arcs=False)))
    assert params == {"lang": ["ja"], "year": ["-2045"], "arcs": ["0"]}


def test_a_single_year_means_that_year_only() -> None:
    state, notes = parse({"year": ["2050"]}, KNOWN)
    assert (state.filters.years, notes) == ((2050, 2050), [])
    assert serialise(state)["year"] == ["2050"]


def test_unknown_country_is_dropped_with_a_note() -> None:
    state, notes = parse({"country": ["TH", "XX"]}, KNOWN)
    assert state.filters.countries == ("TH",)
    assert notes == [Note("country", "XX", UNKNOWN_VALUE)]
    assert "XX" in notes[0].render("en")
    assert "country" in notes[0].render("ja")


@pytest.mark.parametrize("year", ["abc", "20x0", "2030-2040-2050", "-", "2030–2050", "２０５０", "2050\n"])
def test_a_year_that_is_not_one_is_ignored_with_a_note(year: str) -> None:
    state, notes = parse({"year": [year]}, KNOWN)
    assert state.filters.years == (None, None)
    assert reasons(notes) == [BAD_YEAR]


def test_a_year_outside_the_vocabulary_is_ignored() -> None:
    state, notes = parse({"year": ["1999-2050"]}, KNOWN)
    assert state.filters.years == (None, None)
    assert reasons(notes) == [YEAR_OUT_OF_RANGE]


def test_a_reversed_year_range_is_read_the_right_way_round() -> None:
    state, notes = parse({"year": ["2060-2040"]}, KNOWN)
    assert state.filters.years == (2040, 2060)
    assert reasons(notes) == [YEAR_REVERSED]


def test_ten_thousand_values_are_capped() -> None:
    state, notes = parse({"country": ["TH"] * 10_000}, KNOWN)
    assert state.filters.countries == ("TH",)
    assert reasons(notes) == [TOO_MANY_VALUES]
    assert "10000" in notes[0].render("en")


def test_ten_thousand_bad_values_give_a_bounded_list_of_notes() -> None:
    params = {"country": [f"Z{index}" for index in range(10_000)], "type": ["nope"] * 10_000}
    state, notes = parse(params, KNOWN)
    assert state == AppState()
    assert len(notes) == MAX_NOTES + 1
    assert notes[-1].reason == MORE_NOTES
    # Two too-many notes, then unknown values up to the cap; the rest are only counted.
    read = 2 * MAX_VALUES_PER_KEY + 2
    assert int(notes[-1].value) == read - MAX_NOTES


def test_markup_is_kept_as_plain_text_in_notes() -> None:
    script = "<script>alert('x')</script>"
    state, notes = parse({"country": [script], "q": [script]}, KNOWN)
    assert state.filters.countries == ()
    assert state.filters.query == script  # a search is text: it is shown in a text box and matched literally
    assert notes == [Note("country", script, UNKNOWN_VALUE)]
    assert script in notes[0].render("en")


def test_long_and_invisible_characters_are_quoted_visibly() -> None:
    value = "A\u0000B\n" + "x" * 200
    _, notes = parse({"type": [value]}, KNOWN)
    quoted = notes[0].value
    assert quoted.startswith("A\\x00B\\x0a")
    assert len(quoted) == NOTE_VALUE_CHARS
    assert quoted.endswith("…")


def test_unknown_keys_are_ignored_with_a_note() -> None:
    state, notes = parse({"foo": ["1"], "utm_source": ["mail"]}, KNOWN)
    assert state == AppState()
    assert [(note.param, note.reason) for note in notes] == [
        ("foo", UNKNOWN_PARAM),
        ("utm_source", UNKNOWN_PARAM),
    ]


def test_unknown_language_and_organisation() -> None:
    state, notes = parse({"lang": ["fr"], "org": ["nowhere"]}, KNOWN)
    assert (state.lang, state.view.selected) == ("en", "")
    assert reasons(notes) == [UNKNOWN_VALUE, UNKNOWN_VALUE]


def test_the_map_opens_offline_and_tiles_1_asks_for_carto() -> None:
    assert AppState().view.online_basemap is False
    online, notes = parse({"tiles": ["1"]}, KNOWN)
    assert online.view.online_basemap is True and notes == []
    assert serialise(online) == {"tiles": ["1"]}
    # A link written when the tiles were on by default said `tiles=0`: it still opens offline, quietly.
    offline, notes = parse({"tiles": ["0"]}, KNOWN)
    assert offline == AppState() and notes == []
    assert serialise(offline) == {}


def test_switches_take_only_one_and_zero() -> None:
    state, notes = parse({"arcs": ["yes"], "tiles": ["0"]}, KNOWN)
    assert (state.view.show_arcs, state.view.online_basemap) == (True, False)
    assert reasons(notes) == [BAD_SWITCH]


def test_a_single_valued_parameter_given_twice_keeps_the_first() -> None:
    state, notes = parse({"lang": ["ja", "en"]}, KNOWN)
    assert state.lang == "ja"
    assert notes == [Note("lang", "en", REPEATED)]


def test_a_long_search_is_cut() -> None:
    state, notes = parse({"q": ["y" * (MAX_VALUE_CHARS + 50)]}, KNOWN)
    assert state.filters.query == "y" * MAX_VALUE_CHARS
    assert reasons(notes) == [TOO_LONG]


def test_a_plain_string_value_is_one_value() -> None:
    state, notes = parse({"country": "TH"}, KNOWN)  # type: ignore[dict-item]
    assert (state.filters.countries, notes) == (("TH",), [])


def test_empty_values_are_ignored_silently() -> None:
    assert parse({"country": [""], "q": [""], "year": [""], "org": [""]}, KNOWN) == (AppState(), [])


@pytest.mark.parametrize(
    ("old_link", "bases"),
    [
        # Before "none" joined the basis filter, `basis` picked among targets and `notarget` (on unless 0)
        # kept the organisations without one: each old link must still open the same view.
        ({"notarget": ["0"]}, ("own", "national")),
        ({"basis": ["own"]}, ("own", "none")),
        ({"basis": ["national"], "notarget": ["0"]}, ("national",)),
        ({"basis": ["own", "national"]}, ()),
        ({"notarget": ["1"]}, ()),
    ],
)
def test_old_links_keep_their_meaning(old_link: dict[str, list[str]], bases: tuple[str, ...]) -> None:
    state, notes = parse(old_link, KNOWN)
    assert (state.filters.bases, notes) == (bases, [])
    # Written back in today's words; read again, the same view.
    assert "basis" not in serialise(state) and "notarget" not in serialise(state)
    assert parse(serialise(state), KNOWN)[0] == state


def test_an_old_switch_that_is_not_one_is_noted() -> None:
    state, notes = parse({"notarget": ["no"]}, KNOWN)
    assert (state.filters.bases, reasons(notes)) == ((), [BAD_SWITCH])


@pytest.mark.parametrize("view", ["1,2", "a,b,c", "10,120,99", "95,120,3", "10,120,nan", "10,1e9,3", ",,"])
def test_a_map_view_that_is_not_one_is_ignored_with_a_note(view: str) -> None:
    state, notes = parse({"view": [view]}, KNOWN)
    assert state.view.camera is None
    assert reasons(notes) == [BAD_CAMERA]


def test_a_map_view_is_written_short() -> None:
    state = AppState(view=View(camera=MapView(13.7539812, 100.5014, 6.0)))
    assert serialise(state) == {"view": ["13.754,100.5014,6"]}


def test_every_filter_and_view_field_has_exactly_one_parameter() -> None:
    declared = [(param.part, param.field) for param in PARAMS]
    assert len(declared) == len(set(declared))
    expected = {("filters", name) for name in Filters.__dataclass_fields__} | {
        ("view", name) for name in View.__dataclass_fields__
    }
    assert set(declared) == expected
    assert all(isinstance(param, Param) for param in PARAMS)
    names = [param.name for param in PARAMS]
    widgets = [param.widget for param in PARAMS if param.widget]
    assert len(names) == len(set(names)) and len(widgets) == len(set(widgets))
