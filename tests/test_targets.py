"""Effective targets: an organisation's own if declared, else its country's, with the basis kept."""

import pandas as pd

from signatories import load_dataset
from signatories.targets import with_effective_targets


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


def test_earliest_current_year_wins_and_ties_go_to_the_firmer_status() -> None:
    orgs = _orgs(("d-x", "DD"), ("e-x", "EE"))
    targets = _targets(
        ("DD", 2060, "in_law", True),
        ("DD", 2045, "declaration_pledge", True),
        ("EE", 2050, "declaration_pledge", True),
        ("EE", 2050, "in_law", True),
    )
    result = with_effective_targets(orgs, targets).set_index("id")
    assert (result.loc["d-x", "target_year"], result.loc["d-x", "target_status"]) == (
        2045,
        "declaration_pledge",
    )
    assert (result.loc["e-x", "target_year"], result.loc["e-x", "target_status"]) == (2050, "in_law")


def test_committed_data_effective_targets_follow_the_sources() -> None:
    orgs = load_dataset().organisations.set_index("id")
    # The declaration itself states both proposers' 2050 goals.
    assert (orgs.loc["jp-yokohama", "target_year"], orgs.loc["jp-yokohama", "target_basis"]) == (2050, "own")
    assert (orgs.loc["th-bangkok", "target_year"], orgs.loc["th-bangkok", "target_basis"]) == (2050, "own")
    # A ministry takes its country's target; Indonesia's current one is the 2024 "before 2050" pledge.
    bappenas = orgs.loc["id-bappenas"]
    assert (bappenas["target_year"], bappenas["target_qualifier"], bappenas["target_basis"]) == (
        2050,
        "before",
        "national",
    )
    # The Philippines has no national net-zero target: unknown stays unknown.
    assert orgs.loc["ph-baguio", "target_basis"] == "none"
    assert pd.isna(orgs.loc["ph-baguio", "target_year"])
    assert orgs.loc["mv-mecct", "target_conditional"]


def test_committed_targets_keep_history_where_a_target_moved() -> None:
    targets = load_dataset().targets
    thailand = targets[(targets["entity"] == "TH")]
    assert set(thailand.loc[~thailand["current"], "target_year"]) == {2065}
    indonesia = targets[(targets["entity"] == "ID")]
    assert set(indonesia.loc[~indonesia["current"], "target_year"]) == {2060}


def test_every_year_in_the_committed_targets_has_a_source() -> None:
    targets = load_dataset().targets
    dated = targets[targets["target_year"].notna()]
    assert (dated["source_url"] != "").all()
    assert dated["target_year"].between(2020, 2100).all()
