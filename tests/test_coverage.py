"""Coverage figures: counts per country and type, participation levels, the target timeline, gap sentences.

Expected figures on the real data come from a separate reading of data/organisations.csv with the csv
module and plain Python, not from the code under test.
"""

from collections import Counter, defaultdict

import altair as alt
import pandas as pd
import pytest

from signatories import charts, coverage, load_dataset, theme, vocab
from signatories.dataset import Dataset
from signatories.i18n import LANGUAGES, Lang
from signatories.labels import country_names
from signatories.paths import DATA_DIR
from tests.conftest import read_rows


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows(DATA_DIR / "organisations.csv")


def _frame(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Organisations from (id, country, org_type), with the columns coverage reads set to plain values."""
    frame = pd.DataFrame(
        {"id": [r[0] for r in rows], "country": [r[1] for r in rows], "org_type": [r[2] for r in rows]}
    )
    frame["target_year"] = pd.array([None] * len(rows), dtype="Int64")
    frame["target_basis"] = "none"
    frame["confidence"] = "high"
    return frame


def test_type_counts_match_an_independent_count(dataset: Dataset, rows: list[dict[str, str]]) -> None:
    expected = Counter((row["country"], row["org_type"]) for row in rows)
    counts = coverage.type_counts(dataset.organisations)
    got = {(r.country, r.org_type): r.count for r in counts.itertuples()}
    assert got == dict(expected)
    totals = counts.groupby("country", sort=False)["count"].sum().tolist()
    assert totals == sorted(totals, reverse=True), "biggest countries come first"


def _independent_levels(rows: list[dict[str, str]]) -> dict[str, str]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["org_type"] in vocab.LOCAL_ORG_TYPES:
            kinds[row["country"]].add("local")
        elif row["org_type"] in vocab.NATIONAL_ORG_TYPES:
            kinds[row["country"]].add("national")
        else:
            kinds[row["country"]].add("other")
    levels = {}
    for country, found in kinds.items():
        if {"local", "national"} <= found:
            levels[country] = "both"
        elif "local" in found:
            levels[country] = "local_only"
        elif "national" in found:
            levels[country] = "national_only"
        else:
            levels[country] = "other_only"
    return levels


def test_participation_levels_match_an_independent_reading(
    dataset: Dataset, rows: list[dict[str, str]]
) -> None:
    levels = coverage.participation(dataset.organisations)
    assert dict(zip(levels["country"], levels["level"], strict=True)) == _independent_levels(rows)
    assert levels["organisations"].sum() == len(rows)
    assert len(levels) == len({row["country"] for row in rows})


def test_each_level_is_decided_by_local_and_national_bodies_only() -> None:
    frame = _frame(
        ("a-city", "AA", "city"),
        ("a-min", "AA", "national_ministry"),
        ("b-fund", "BB", "development_fund"),
        ("c-cab", "CC", "national_cabinet"),
        ("c-util", "CC", "public_utility"),
        ("d-co", "DD", "company"),
        ("d-util", "DD", "public_utility"),
    )
    levels = coverage.participation(frame).set_index("country")
    assert levels["level"].to_dict() == {
        "AA": "both",
        "BB": "local_only",
        "CC": "national_only",  # a utility beside a ministry does not make a country "other"
        "DD": "other_only",
    }
    assert levels.loc["DD", "other"] == 2
    assert coverage.level_counts(levels.reset_index()) == {
        "both": 1,
        "local_only": 1,
        "national_only": 1,
        "other_only": 1,
    }


def test_timeline_counts_effective_years_by_basis(dataset: Dataset) -> None:
    organisations = dataset.organisations
    expected: Counter[tuple[int, str]] = Counter()
    for year, basis in zip(organisations["target_year"], organisations["target_basis"], strict=True):
        if not pd.isna(year):
            expected[(int(year), basis)] += 1
    timeline = coverage.target_timeline(organisations)
    assert {(r.target_year, r.basis): r.count for r in timeline.itertuples()} == dict(expected)
    assert timeline["target_year"].is_monotonic_increasing
    assert set(timeline["basis"]) <= {"own", "national"}


def test_gap_figures_follow_the_frame_passed_in(dataset: Dataset, rows: list[dict[str, str]]) -> None:
    levels = _independent_levels(rows)
    findings = {gap.key: gap for gap in coverage.gaps(dataset.organisations)}
    national_only = sorted(country for country, level in levels.items() if level == "national_only")
    gap = findings["coverage.gap.national_only"]
    assert gap.values == {"count": len(national_only), "total": len(levels)}
    assert list(gap.countries) == national_only

    philippines = dataset.organisations[dataset.organisations["country"] == "PH"]
    only_ph = {gap.key: gap for gap in coverage.gaps(philippines)}
    assert only_ph["coverage.gap.both"].values == {"count": 1, "total": 1}
    assert "coverage.gap.national_only" not in only_ph
    assert only_ph["coverage.gap.no_target"].values["total"] == sum(row["country"] == "PH" for row in rows)


def test_gap_sentences_render_in_both_languages(dataset: Dataset) -> None:
    findings = coverage.gaps(dataset.organisations)
    assert findings
    names = {lang: country_names(dataset.countries, lang) for lang in LANGUAGES}
    national_only = next(gap for gap in findings if gap.key == "coverage.gap.national_only")
    english = coverage.render_gap(national_only, "en", names["en"])
    japanese = coverage.render_gap(national_only, "ja", names["ja"])
    assert english.startswith(f"{national_only.values['count']} of {national_only.values['total']} countries")
    assert "Armenia" in english and "アルメニア" in japanese
    assert "国の機関だけ" in japanese
    for gap in findings:
        for lang in LANGUAGES:
            assert "{" not in coverage.render_gap(gap, lang, names[lang])


def test_a_count_of_one_reads_in_the_singular() -> None:
    gap = coverage.Gap("coverage.gap.national_only", {"count": 1, "total": 3}, ("AM",))
    assert coverage.render_gap(gap, "en", {"AM": "Armenia"}) == (
        "1 of 3 countries takes part only through national bodies: Armenia."
    )


def test_countries_are_named_in_english_alphabetical_order_in_both_languages(dataset: Dataset) -> None:
    gap = coverage.Gap("coverage.gap.both", {"count": 2, "total": 2}, ("JP", "AM"))
    japanese = coverage.render_gap(gap, "ja", country_names(dataset.countries, "ja"))
    assert japanese.index("アルメニア") < japanese.index("日本")


def test_no_organisations_no_findings() -> None:
    assert coverage.gaps(_frame()) == []
    assert coverage.participation(_frame()).empty


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_build_with_theme_colours_and_labels(dataset: Dataset, lang: Lang) -> None:
    organisations = dataset.organisations
    names = country_names(dataset.countries, lang)
    built = [
        charts.country_type_chart(coverage.type_counts(organisations), lang, names),
        charts.participation_chart(coverage.participation(organisations), lang, names),
        charts.timeline_chart(coverage.target_timeline(organisations), lang),
    ]
    for chart in built:
        assert isinstance(chart, alt.Chart)
        spec = chart.to_dict()
        assert spec["mark"]["type"] == "bar"
    by_type = built[0].to_dict()["encoding"]["color"]["scale"]
    assert set(by_type["range"]) <= set(theme.ORG_TYPE_COLOURS.values())
    assert len(by_type["domain"]) == len(by_type["range"])
    if lang == "ja":
        assert "市・都" in by_type["domain"]
