"""Effective targets: an organisation's own if declared, else its country's; the rule that picks one of several."""

import pandas as pd

from signatories import load_dataset
from signatories.paths import DATA_DIR
from signatories.targets import effective_target, with_effective_targets


def _orgs(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"id": [r[0] for r in rows], "country": [r[1] for r in rows]})


def _targets(*rows: tuple[str, int | None, str, bool]) -> pd.DataFrame:
    """Rows of (entity, year, status, current); the rest of the columns get plain values."""
    frame = pd.DataFrame(
        {
            "entity": [r[0] for r in rows],
            "target_year": pd.array([r[1] for r in rows], dtype="Int64"),
            "status": [r[2] for r in rows],
            "current": [r[3] for r in rows],
        }
    )
    frame["year_qualifier"] = ""
    frame["target_kind"] = ["none_found" if r[1] is None else "net_zero_ghg" for r in rows]
    frame["conditional"] = False
    frame["announced"] = ""
    frame["source_url"] = [f"https://example.org/{r[0]}/{r[1]}" for r in rows]
    frame["confidence"] = "high"
    frame["note"] = ""
    return frame


def test_own_target_beats_national_and_national_fills_in() -> None:
    orgs = _orgs(("a-own", "AA"), ("a-city", "AA"), ("b-city", "BB"))
    targets = _targets(
        ("a-own", 2040, "in_law", True),
        ("a-city", None, "", True),
        ("AA", 2050, "in_policy_document", True),
        ("BB", None, "", True),
    )
    result = with_effective_targets(orgs, targets).set_index("id")
    assert result.loc["a-own", "target_year"] == 2040
    assert result.loc["a-own", "target_basis"] == "own"
    assert result.loc["a-city", "target_year"] == 2050
    assert result.loc["a-city", "target_basis"] == "national"
    assert result.loc["a-city", "target_source_url"] == "https://example.org/AA/2050"
    assert pd.isna(result.loc["b-city", "target_year"])
    assert result.loc["b-city", "target_basis"] == "none"
    assert result.loc["b-city", "target_kind"] == "none_found"


def test_superseded_targets_are_kept_but_not_effective() -> None:
    orgs = _orgs(("c-x", "CC"))
    targets = _targets(("CC", 2065, "in_policy_document", False), ("CC", 2050, "in_policy_document", True))
    assert with_effective_targets(orgs, targets).loc[0, "target_year"] == 2050


def _dated(*rows: tuple[str, int, str, str, bool], qualifier: str = "") -> pd.DataFrame:
    """Rows of (entity, year, status, announced, current) for the effective-target rule."""
    frame = _targets(*((r[0], r[1], r[2], r[4]) for r in rows))
    frame["announced"] = [r[3] for r in rows]
    frame["year_qualifier"] = qualifier
    return frame


def test_the_strongest_status_wins_over_a_newer_earlier_year() -> None:
    # A 2060 target in a policy document outranks a newer declaration of an earlier year.
    rows = _dated(
        ("AA", 2060, "in_policy_document", "2021-07", True),
        ("AA", 2050, "declaration_pledge", "2024-11", True),
    )
    effective, companion = effective_target(rows)
    assert effective is not None and companion is not None
    assert (effective["target_year"], effective["status"]) == (2060, "in_policy_document")
    assert (companion["target_year"], companion["status"], companion["announced"]) == (
        2050,
        "declaration_pledge",
        "2024-11",
    )


def test_law_beats_policy_document_beats_declaration_beats_proposed() -> None:
    rows = _dated(
        ("BB", 2030, "proposed", "2019", True),
        ("BB", 2040, "declaration_pledge", "2020", True),
        ("BB", 2045, "in_policy_document", "2018", True),
        ("BB", 2055, "in_law", "2017", True),
    )
    effective, companion = effective_target(rows)
    assert effective is not None
    assert (effective["target_year"], effective["status"]) == (2055, "in_law")
    # Three newer, weaker announcements with other years: the newest of them is shown beside it.
    assert companion is not None
    assert (companion["target_year"], companion["announced"]) == (2040, "2020")


def test_the_newest_wins_among_equal_statuses() -> None:
    rows = _dated(
        ("CC", 2065, "in_policy_document", "2022-11-07", True),
        ("CC", 2050, "in_policy_document", "2025-11-04", True),
        ("CC", 2070, "in_policy_document", "2025", True),
    )
    effective, companion = effective_target(rows)
    assert effective is not None
    # "2025-11-04" is newer than a bare "2025", which is newer than 2022.
    assert (effective["target_year"], effective["announced"]) == (2050, "2025-11-04")
    assert companion is None


def test_an_older_weaker_target_is_no_companion() -> None:
    rows = _dated(
        ("DD", 2050, "declaration_pledge", "2021-09", True),
        ("DD", 2050, "in_policy_document", "2022-02-14", True),
        ("DD", 2045, "proposed", "2020", True),
    )
    effective, companion = effective_target(rows)
    assert effective is not None
    assert (effective["status"], effective["announced"]) == ("in_policy_document", "2022-02-14")
    assert companion is None


def test_a_newer_weaker_restatement_of_the_same_year_is_no_companion() -> None:
    rows = _dated(
        ("EE", 2060, "in_policy_document", "2021-07", True),
        ("EE", 2060, "declaration_pledge", "2025-09", True),
    )
    effective, companion = effective_target(rows)
    assert effective is not None and effective["announced"] == "2021-07"
    assert companion is None


def test_replaced_rows_and_rows_without_a_year_take_no_part() -> None:
    rows = _dated(
        ("FF", 2050, "in_law", "2024", False),
        ("FF", 2060, "declaration_pledge", "2020", True),
        ("FF", 2040, "proposed", "2025", False),
    )
    effective, companion = effective_target(rows)
    assert effective is not None
    assert (effective["target_year"], effective["status"]) == (2060, "declaration_pledge")
    assert companion is None
    assert effective_target(_targets(("GG", None, "", True))) == (None, None)


def test_the_companion_follows_the_effective_target_to_the_organisations() -> None:
    orgs = _orgs(("h-ministry", "HH"), ("h-city", "HH"))
    targets = pd.concat(
        [
            _dated(
                ("HH", 2060, "in_policy_document", "2021-07", True),
                ("HH", 2050, "declaration_pledge", "2024-11", True),
            ),
            _dated(("h-city", 2045, "in_law", "2023", True)),
            _targets(("h-ministry", None, "", True)),
        ],
        ignore_index=True,
    )
    result = with_effective_targets(orgs, targets).set_index("id")
    ministry, city = result.loc["h-ministry"], result.loc["h-city"]
    assert (ministry["target_year"], ministry["target_basis"]) == (2060, "national")
    assert (ministry["announced_year"], ministry["announced_status"], ministry["announced_date"]) == (
        2050,
        "declaration_pledge",
        "2024-11",
    )
    assert ministry["announced_source_url"] == "https://example.org/HH/2050"
    # The city's own target has no companion; the country's announcement does not follow it there.
    assert (city["target_year"], city["target_basis"]) == (2045, "own")
    assert pd.isna(city["announced_year"])
    assert city["announced_status"] == ""


def test_no_target_found_carries_the_search_behind_it() -> None:
    orgs = _orgs(("i-city", "II"), ("i-cited", "II"))
    targets = _targets(("II", None, "", True), ("i-city", None, "", True), ("i-cited", None, "", True))
    targets["checked"] = ["2026-01-02", "", "2026-03-04"]
    targets["note"] = ["No national target.", "No own target.", ""]
    targets["source_url"] = ["https://example.org/national-search", "", "https://example.org/city-search"]
    targets["confidence"] = ["high", "medium", "low"]
    result = with_effective_targets(orgs, targets).set_index("id")
    city, cited = result.loc["i-city"], result.loc["i-cited"]
    assert city["target_basis"] == "none"
    # The organisation's own note, with the country's source and date: its own search cites nothing.
    assert (city["target_note"], city["target_source_url"], city["target_checked"]) == (
        "No own target.",
        "https://example.org/national-search",
        "2026-01-02",
    )
    # How sure "no own target" is, is the organisation's row's to say.
    assert (city["target_confidence"], cited["target_confidence"]) == ("medium", "low")
    # An organisation whose own search cites a source keeps it; with no note of its own, the country's.
    assert (cited["target_note"], cited["target_source_url"], cited["target_checked"]) == (
        "No national target.",
        "https://example.org/city-search",
        "2026-03-04",
    )


def test_committed_data_effective_targets_follow_the_sources() -> None:
    orgs = load_dataset().organisations.set_index("id")
    # The declaration itself states both proposers' 2050 goals.
    assert (orgs.loc["jp-yokohama", "target_year"], orgs.loc["jp-yokohama", "target_basis"]) == (2050, "own")
    assert (orgs.loc["th-bangkok", "target_year"], orgs.loc["th-bangkok", "target_basis"]) == (2050, "own")
    # A ministry takes its country's target: Indonesia's in its policy documents is 2060 or sooner; the
    # president's "before 2050" of November 2024 is a declaration, shown beside it.
    bappenas = orgs.loc["id-bappenas"]
    assert (bappenas["target_year"], bappenas["target_qualifier"], bappenas["target_basis"]) == (
        2060,
        "or_sooner",
        "national",
    )
    assert (bappenas["announced_year"], bappenas["announced_qualifier"], bappenas["announced_date"]) == (
        2050,
        "before",
        "2024-11",
    )
    # Sri Lanka: the Cabinet's 2050 decision outranks the 2040 of a speech, which is shown beside it.
    colombo = orgs.loc["lk-colombo"]
    assert (colombo["target_year"], colombo["target_status"]) == (2050, "in_policy_document")
    assert (colombo["announced_year"], colombo["announced_status"]) == (2040, "declaration_pledge")
    # Yokohama's 2050 goal is in its 2021 ordinance.
    assert orgs.loc["jp-yokohama", "target_status"] == "in_law"
    # The Philippines has no national net-zero target: unknown stays unknown.
    assert orgs.loc["ph-baguio", "target_basis"] == "none"
    assert pd.isna(orgs.loc["ph-baguio", "target_year"])
    assert orgs.loc["mv-mecct", "target_conditional"]


def test_committed_targets_keep_history_where_a_target_moved() -> None:
    targets = load_dataset().targets
    thailand = targets[(targets["entity"] == "TH")]
    assert set(thailand.loc[~thailand["current"], "target_year"]) == {2065}
    sri_lanka = targets[(targets["entity"] == "LK")]
    assert set(sri_lanka.loc[~sri_lanka["current"], "announced"]) == {"2021-09"}


def test_every_year_in_the_committed_targets_has_a_source() -> None:
    targets = load_dataset().targets
    dated = targets[targets["target_year"].notna()]
    assert (dated["source_url"] != "").all()
    assert dated["target_year"].between(2020, 2100).all()


def test_no_organisation_note_claims_a_national_target_its_country_lacks() -> None:
    # Read straight from the file: which countries have a current national target with a year.
    targets = pd.read_csv(DATA_DIR / "targets.csv", keep_default_na=False, dtype=str)
    orgs = pd.read_csv(DATA_DIR / "organisations.csv", keep_default_na=False, dtype=str)
    current = targets[targets["current"] == "true"]
    with_target = set(
        current.loc[(current["scope"] == "national") & (current["target_year"] != ""), "entity"]
    )
    country = orgs.set_index("id")["country"]
    none_found = current[(current["scope"] == "organisation") & (current["target_kind"] == "none_found")]
    without = none_found[~none_found["entity"].map(country).isin(with_target)]
    # 13 in the Philippines, 2 in Samoa, 1 each in Armenia, Azerbaijan, Bangladesh and the Cook Islands.
    assert len(without) == 19
    assert not without["note"].str.contains("national target applies").any()
    with_national = none_found[none_found["entity"].map(country).isin(with_target)]
    assert with_national["note"].str.contains("national target applies").any()
