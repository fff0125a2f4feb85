"""The URL as state: strict parsing with notes, minimal writing, and the round trip between them."""

from __future__ import annotations

import random

import pytest

from signatories import vocab
from signatories.filters import FILTER_BASES, FilterState
from signatories.i18n import LANGUAGES
from signatories.url_state import (
    BAD_SWITCH,
    BAD_YEAR,
    MAX_NOTES,
    MAX_VALUE_CHARS,
    MAX_VALUES_PER_KEY,
    MORE_NOTES,
    NOTE_VALUE_CHARS,
    REPEATED,
    TOO_LONG,
    TOO_MANY_VALUES,
    UNKNOWN_PARAM,
    UNKNOWN_VALUE,
    YEAR_OUT_OF_RANGE,
    YEAR_REVERSED,
    Known,
    Note,
    parse,
    serialise,
)

COUNTRIES = ("AM", "CK", "ID", "JP", "PH", "TH", "WS")
IDS = ("jp-yokohama", "th-bangkok", "ws-swa", "id-jakarta")
KNOWN = Known(countries=frozenset(COUNTRIES), ids=frozenset(IDS))


def reasons(notes: list[Note]) -> list[str]:
    return [note.reason for note in notes]


def test_no_parameters_is_the_default_state() -> None:
    assert parse({}, KNOWN) == (FilterState(), [])


def test_the_default_state_writes_no_parameters() -> None:
    assert serialise(FilterState()) == {}


def test_a_full_link() -> None:
    params = {
        "lang": ["ja"],
        "country": ["TH", "JP"],
        "type": ["city"],
        "role": ["participant"],
        "year": ["2030-2050"],
        "notarget": ["0"],
        "basis": ["own", "national"],
        "q": ["バンコク"],
        "org": ["th-bangkok"],
        "arcs": ["0"],
        "tiles": ["0"],
    }
    state, notes = parse(params, KNOWN)
    assert notes == []
    assert state == FilterState(
        countries=("JP", "TH"),
        org_types=("city",),
        roles=("participant",),
        year_min=2030,
        year_max=2050,
        include_no_target=False,
        bases=("own", "national"),
        query="バンコク",
        selected="th-bangkok",
        lang="ja",
        show_arcs=False,
        online_basemap=False,
    )


def random_state(rng: random.Random) -> FilterState:
    def some(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(rng.sample(values, rng.randint(0, len(values))))

    years = sorted(rng.sample(range(vocab.TARGET_YEAR_MIN, vocab.TARGET_YEAR_MAX + 1), 2))
    year_min = rng.choice([None, years[0]])
    year_max = rng.choice([None, years[1], year_min])
    query_chars = "abc xyzé横浜ﾄ<>&\"'%#?=+/"
    return FilterState(
        countries=some(COUNTRIES),
        org_types=some(vocab.ORG_TYPES),
        roles=some(vocab.ROLES),
        year_min=year_min,
        year_max=year_max,
        include_no_target=rng.random() < 0.5,
        bases=some(FILTER_BASES),
        query="".join(rng.choice(query_chars) for _ in range(rng.randint(0, 12))),
        selected=rng.choice(("", *IDS)),
        lang=rng.choice(LANGUAGES),
        show_arcs=rng.random() < 0.5,
        online_basemap=rng.random() < 0.5,
    )


def test_round_trip_of_random_states() -> None:
    rng = random.Random(2023_11_15)
    for _ in range(500):
        state = random_state(rng)
        assert parse(serialise(state), KNOWN) == (state, []), state


def test_serialise_leaves_out_defaults_only() -> None:
    params = serialise(FilterState(lang="ja", year_max=2045, show_arcs=False))
    assert params == {"lang": ["ja"], "year": ["-2045"], "arcs": ["0"]}


def test_a_single_year_means_that_year_only() -> None:
    state, notes = parse({"year": ["2050"]}, KNOWN)
    assert (state.year_min, state.year_max, notes) == (2050, 2050, [])
    assert serialise(state)["year"] == ["2050"]


def test_unknown_country_is_dropped_with_a_note() -> None:
    state, notes = parse({"country": ["TH", "XX"]}, KNOWN)
    assert state.countries == ("TH",)
    assert notes == [Note("country", "XX", UNKNOWN_VALUE)]
    assert "XX" in notes[0].render("en")
    assert "country" in notes[0].render("ja")


@pytest.mark.parametrize("year", ["abc", "20x0", "2030-2040-2050", "-", "2030–2050", "２０５０", "2050\n"])
def test_a_year_that_is_not_one_is_ignored_with_a_note(year: str) -> None:
    state, notes = parse({"year": [year]}, KNOWN)
    assert (state.year_min, state.year_max) == (None, None)
    assert reasons(notes) == [BAD_YEAR]


def test_a_year_outside_the_vocabulary_is_ignored() -> None:
    state, notes = parse({"year": ["1999-2050"]}, KNOWN)
    assert (state.year_min, state.year_max) == (None, None)
    assert reasons(notes) == [YEAR_OUT_OF_RANGE]


def test_a_reversed_year_range_is_read_the_right_way_round() -> None:
    state, notes = parse({"year": ["2060-2040"]}, KNOWN)
    assert (state.year_min, state.year_max) == (2040, 2060)
    assert reasons(notes) == [YEAR_REVERSED]


def test_ten_thousand_values_are_capped() -> None:
    state, notes = parse({"country": ["TH"] * 10_000}, KNOWN)
    assert state.countries == ("TH",)
    assert reasons(notes) == [TOO_MANY_VALUES]
    assert "10000" in notes[0].render("en")


def test_ten_thousand_bad_values_give_a_bounded_list_of_notes() -> None:
    params = {"country": [f"Z{index}" for index in range(10_000)], "type": ["nope"] * 10_000}
    state, notes = parse(params, KNOWN)
    assert state == FilterState()
    assert len(notes) == MAX_NOTES + 1
    assert notes[-1].reason == MORE_NOTES
    # Two too-many notes, then unknown values up to the cap; the rest are only counted.
    read = 2 * MAX_VALUES_PER_KEY + 2
    assert int(notes[-1].value) == read - MAX_NOTES


def test_markup_is_kept_as_plain_text_in_notes() -> None:
    script = "<script>alert('x')</script>"
    state, notes = parse({"country": [script], "q": [script]}, KNOWN)
    assert state.countries == ()
    assert state.query == script  # a search is text: it is shown in a text box and matched literally
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
    assert state == FilterState()
    assert [(note.param, note.reason) for note in notes] == [
        ("foo", UNKNOWN_PARAM),
        ("utm_source", UNKNOWN_PARAM),
    ]


def test_unknown_language_and_organisation() -> None:
    state, notes = parse({"lang": ["fr"], "org": ["nowhere"]}, KNOWN)
    assert (state.lang, state.selected) == ("en", "")
    assert reasons(notes) == [UNKNOWN_VALUE, UNKNOWN_VALUE]


def test_switches_take_only_one_and_zero() -> None:
    state, notes = parse({"arcs": ["yes"], "tiles": ["0"], "notarget": ["1"]}, KNOWN)
    assert (state.show_arcs, state.online_basemap, state.include_no_target) == (True, False, True)
    assert reasons(notes) == [BAD_SWITCH]


def test_a_single_valued_parameter_given_twice_keeps_the_first() -> None:
    state, notes = parse({"lang": ["ja", "en"]}, KNOWN)
    assert state.lang == "ja"
    assert notes == [Note("lang", "en", REPEATED)]


def test_a_long_search_is_cut() -> None:
    state, notes = parse({"q": ["y" * (MAX_VALUE_CHARS + 50)]}, KNOWN)
    assert state.query == "y" * MAX_VALUE_CHARS
    assert reasons(notes) == [TOO_LONG]


def test_a_plain_string_value_is_one_value() -> None:
    state, notes = parse({"country": "TH"}, KNOWN)  # type: ignore[dict-item]
    assert (state.countries, notes) == (("TH",), [])


def test_empty_values_are_ignored_silently() -> None:
    assert parse({"country": [""], "q": [""], "year": [""], "org": [""]}, KNOWN) == (FilterState(), [])
