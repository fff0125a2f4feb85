"""Filtering and counting the organisations, checked against figures computed from the CSV files."""

from __future__ import annotations

import pandas as pd
import pytest

from signatories import load_dataset
from signatories.app_state import AppState, View
from signatories.dataset import Dataset
from signatories.filters import (
    Filters,
    Tally,
    apply_filters,
    fold_query,
    fold_text,
    search_haystack,
    summary,
)
from tests.explorer_expected import headline, ids, read_organisations


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def expected() -> pd.DataFrame:
    return read_organisations()


def kept(dataset: Dataset, **changes: object) -> set[str]:
    filters = Filters(**changes)  # type: ignore[arg-type]
    return set(apply_filters(dataset.organisations, filters, countries=dataset.countries)["id"])


WITH_TARGET = ("own", "national")


def test_the_default_state_keeps_every_organisation(dataset: Dataset, expected: pd.DataFrame) -> None:
    assert kept(dataset) == ids(expected)
    assert len(expected) == 45


@pytest.mark.parametrize("countries", [("PH",), ("GE", "WS"), ("JP", "TH", "CK")])
def test_country_filter(dataset: Dataset, expected: pd.DataFrame, countries: tuple[str, ...]) -> None:
    assert kept(dataset, countries=countries) == ids(expected[expected["country"].isin(countries)])


@pytest.mark.parametrize("types", [("city",), ("national_ministry", "public_utility"), ("company",)])
def test_org_type_filter(dataset: Dataset, expected: pd.DataFrame, types: tuple[str, ...]) -> None:
    assert kept(dataset, org_types=types) == ids(expected[expected["org_type"].isin(types)])


def test_role_filter_finds_the_two_proposers(dataset: Dataset) -> None:
    assert kept(dataset, roles=("proposer",)) == {"jp-yokohama", "th-bangkok"}


def test_year_range_keeps_targets_in_range_and_no_target_rows(
    dataset: Dataset, expected: pd.DataFrame
) -> None:
    in_range = expected["year"].between(2040, 2045)
    no_target = expected["year"].isna()
    assert kept(dataset, years=(2040, 2045)) == ids(expected[in_range | no_target])


def test_year_range_without_no_target_rows(dataset: Dataset, expected: pd.DataFrame) -> None:
    result = kept(dataset, years=(2031, None), bases=WITH_TARGET)
    assert result == ids(expected[expected["year"] >= 2031])
    assert result  # the data has targets after 2031, so an empty answer would be a bug


def test_open_ended_year_bounds(dataset: Dataset, expected: pd.DataFrame) -> None:
    assert kept(dataset, years=(None, 2040), bases=WITH_TARGET) == ids(expected[expected["year"] <= 2040])


def test_leaving_out_no_target_keeps_every_target(dataset: Dataset, expected: pd.DataFrame) -> None:
    assert kept(dataset, bases=WITH_TARGET) == ids(expected[expected["year"].notna()])


@pytest.mark.parametrize(
    "bases", [("own",), ("national",), ("none",), ("own", "national"), ("own", "none"), ("national", "none")]
)
def test_basis_filter(dataset: Dataset, expected: pd.DataFrame, bases: tuple[str, ...]) -> None:
    assert kept(dataset, bases=bases) == ids(expected[expected["basis"].isin(bases)])


def test_no_target_basis_finds_organisations_without_any_target(
    dataset: Dataset, expected: pd.DataFrame
) -> None:
    result = kept(dataset, bases=("none",))
    assert result == ids(expected[expected["year"].isna()])
    # By hand from the data: the Philippines has no national target, so its bodies without one of their own.
    assert {"ph-dhsud", "ph-iloilo", "az-scupa"} <= result
    assert "ph-cebu" not in result and "jp-yokohama" not in result


def test_every_basis_picked_is_no_filter() -> None:
    assert Filters(bases=("own", "national", "none")) == Filters()
    assert not Filters(bases=("none", "own", "national")).active


def test_year_range_with_the_no_target_basis(dataset: Dataset, expected: pd.DataFrame) -> None:
    in_range = expected["year"].between(2045, 2050)
    no_target = expected["year"].isna()
    assert kept(dataset, years=(2045, 2050), bases=("own", "none")) == ids(
        expected[(in_range & (expected["basis"] == "own")) | no_target]
    )


def test_combination_of_country_type_and_target(dataset: Dataset, expected: pd.DataFrame) -> None:
    rows = expected[
        (expected["country"] == "PH") & (expected["org_type"] == "city") & expected["year"].notna()
    ]
    assert kept(dataset, countries=("PH",), org_types=("city",), bases=WITH_TARGET) == ids(rows)
    assert ids(rows) == {"ph-cebu"}  # by hand: the only Philippine city with a target of its own


def test_combination_that_matches_nothing(dataset: Dataset) -> None:
    assert kept(dataset, countries=("WS",), roles=("proposer",)) == set()


@pytest.mark.parametrize(
    ("query", "expected_ids"),
    [
        ("tbilisi", {"ge-mof", "ge-tbilisi", "ge-tdf"}),
        ("トビリシ", {"ge-mof", "ge-tbilisi", "ge-tdf"}),
        ("ＴＢＩＬＩＳＩ", {"ge-mof", "ge-tbilisi", "ge-tdf"}),  # full-width letters
        ("ﾄﾋﾞﾘｼ", {"ge-mof", "ge-tbilisi", "ge-tdf"}),  # half-width katakana
        ("male", {"mv-mecct"}),  # Malé, accent folded away
        ("cebu city", {"ph-cebu"}),  # every word must match
        ("  SWA  ", {"ws-swa"}),  # a short name, case and spaces ignored
        ("サモア", {"ws-mwti", "ws-swa"}),  # a country's Japanese name
    ],
)
def test_search_folds_width_case_and_accents(dataset: Dataset, query: str, expected_ids: set[str]) -> None:
    assert kept(dataset, query=query) == expected_ids


def test_search_by_country_name_in_both_languages(dataset: Dataset, expected: pd.DataFrame) -> None:
    philippines = ids(expected[expected["country_en"] == "Philippines"])
    assert kept(dataset, query="philippines") == philippines
    assert kept(dataset, query="フィリピン") == philippines


def test_search_terms_do_not_match_across_fields(dataset: Dataset) -> None:
    # "Yokohama" ends one field and "横浜市" starts the next; a match spanning them would be wrong.
    assert kept(dataset, query="yokohama横浜") == set()


def test_search_text_is_never_a_pattern(dataset: Dataset) -> None:
    assert kept(dataset, query=".*") == set()
    assert kept(dataset, query="<b>") == set()


def test_a_kept_haystack_finds_the_same_organisations(dataset: Dataset, expected: pd.DataFrame) -> None:
    haystack = search_haystack(dataset.organisations, dataset.countries)
    frame = apply_filters(
        dataset.organisations, Filters(query="philippines"), countries=dataset.countries, haystack=haystack
    )
    assert set(frame["id"]) == ids(expected[expected["country_en"] == "Philippines"])


def test_a_haystack_of_other_organisations_is_refused(dataset: Dataset) -> None:
    haystack = search_haystack(dataset.organisations.iloc[:10], dataset.countries)
    with pytest.raises(ValueError, match="haystack"):
        apply_filters(
            dataset.organisations, Filters(query="city"), countries=dataset.countries, haystack=haystack
        )


def test_summary_matches_the_csv(dataset: Dataset, expected: pd.DataFrame) -> None:
    counts = summary(dataset.organisations)
    figures = headline(expected)
    assert counts.organisations == figures["organisations"]
    assert counts.countries == figures["countries"] == 20
    assert counts.local_bodies == figures["local"]
    assert counts.national_bodies == figures["national"]
    assert counts.other_bodies == 45 - figures["local"] - figures["national"]  # type: ignore[operator]
    assert counts.with_benchmark_target == figures["by_2050"]
    assert counts.benchmark_share == pytest.approx(figures["share"])


@pytest.mark.parametrize("countries", [("TH", "PH"), ("JP",), ("KH", "WS", "CK")])
def test_counts_of_a_filtered_set(
    dataset: Dataset, expected: pd.DataFrame, countries: tuple[str, ...]
) -> None:
    frame = apply_filters(dataset.organisations, Filters(countries=countries), countries=dataset.countries)
    figures = headline(expected[expected["country"].isin(countries)])
    # Counted from the frame alone, and from a tally of the whole dataset as the pages count.
    for counts in (summary(frame), Tally.of(dataset.organisations).counts(frame)):
        assert (counts.organisations, counts.countries, counts.local_bodies, counts.national_bodies) == (
            figures["organisations"],
            figures["countries"],
            figures["local"],
            figures["national"],
        )
        assert counts.benchmark_share == pytest.approx(figures["share"])


def test_a_tally_counts_an_empty_selection(dataset: Dataset) -> None:
    counts = Tally.of(dataset.organisations).counts(dataset.organisations.iloc[0:0])
    assert (counts.organisations, counts.countries, counts.benchmark_share) == (0, 0, None)


def test_a_tally_refuses_rows_it_has_not_counted(dataset: Dataset) -> None:
    tally = Tally.of(dataset.organisations.iloc[:10])
    with pytest.raises(ValueError, match="not in the tallied"):
        tally.counts(dataset.organisations.iloc[5:15])


def test_summary_of_nothing_has_no_share(dataset: Dataset) -> None:
    counts = summary(dataset.organisations.iloc[0:0])
    assert counts.organisations == 0
    assert counts.benchmark_share is None


def test_filters_compare_selections_as_sets() -> None:
    assert Filters(countries=("TH", "JP")) == Filters(countries=("JP", "TH", "JP"))
    assert Filters(org_types=("company", "city")).org_types == ("city", "company")
    assert Filters(query="  x  ").query == "x"


def test_active_filters_are_counted() -> None:
    assert Filters().active_count == 0
    assert Filters(countries=("TH", "JP"), years=(2040, None), query="x").active_count == 3


def test_reset_keeps_language_and_map_options() -> None:
    state = AppState(
        Filters(countries=("TH",), query="x"), View(selected="th-bangkok", lang="ja", show_arcs=False)
    )
    reset = state.reset_filters()
    assert reset == AppState(Filters(), View(lang="ja", show_arcs=False))
    assert state.filters.active
    assert not reset.filters.active


def test_folding() -> None:
    folded = fold_text(pd.Series(["Ｍａｌé", "ﾄﾋﾞﾘｼ", None]))
    assert list(folded) == ["male", "トビリシ", ""]
    # Voicing marks are part of Japanese words, not accents: ビ must not fold to ヒ.
    assert fold_query("ビ") == ["ビ"]
    assert fold_query("  Cebu   CITY ") == ["cebu", "city"]
