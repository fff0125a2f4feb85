"""Each organisation's effective carbon-neutrality target: its own if it declared one, else its country's.

When an entity has several current targets with a year, `effective_target` picks one by a single rule
(CONTRIBUTING.md states it): the strongest status wins (in law > in policy document > declaration / pledge >
proposed), the newest announcement among equals. A newer but weaker announcement of a different year is not
dropped: it becomes the effective target's *announced* companion, shown beside it.
"""

from typing import Final

import pandas as pd

from signatories import vocab

# Columns the effective target adds to the organisations frame.
EFFECTIVE_COLUMNS: Final = {
    "target_year": "target_year",
    "year_qualifier": "target_qualifier",
    "target_kind": "target_kind",
    "status": "target_status",
    "conditional": "target_conditional",
    "announced": "target_announced",
    "checked": "target_checked",
    "source_url": "target_source_url",
    "confidence": "target_confidence",
    "note": "target_note",
    "note_ja": "target_note_ja",
}
# Columns of the announced companion: a newer, weaker announcement beside the effective target.
COMPANION_COLUMNS: Final = {
    "target_year": "announced_year",
    "year_qualifier": "announced_qualifier",
    "status": "announced_status",
    "announced": "announced_date",
    "source_url": "announced_source_url",
}
BASIS: Final = "target_basis"

_STATUS_RANK: Final = {status: rank for rank, status in enumerate(vocab.TARGET_STATUSES)}
_TEXT_COLUMNS: Final = ("year_qualifier", "status", "announced", "checked", "source_url", "note", "note_ja")


def _as_text(values: pd.Series) -> pd.Series:
    """Text with missing values as "": a column of only missing values is float, so it goes through object."""
    return values.astype("object").fillna("").astype("str")


def _ranked(rows: pd.DataFrame) -> pd.DataFrame:
    """Current rows with a year, best first: strongest status, then newest announcement, then earliest year.

    `announced` is YYYY, YYYY-MM or YYYY-MM-DD; as text these sort in time order, a bare year before its months.
    """
    dated = rows[rows["current"].astype(bool) & rows["target_year"].notna()].copy()
    for column in _TEXT_COLUMNS:
        if column not in dated:
            dated[column] = ""
        dated[column] = _as_text(dated[column])
    dated["_status_rank"] = dated["status"].map(_STATUS_RANK).fillna(len(_STATUS_RANK))
    return dated.sort_values(
        ["_status_rank", "announced", "target_year"], ascending=[True, False, True], kind="stable"
    )


def effective_target(rows: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """One entity's effective target and its announced companion (either may be None).

    The effective target is the current row with a year of the strongest status, the newest among equals.
    The companion is the newest current row announced after it, of a weaker status, that names another year
    or qualifier (a restatement of the same target is not a second announcement).
    """
    ranked = _ranked(rows)
    if ranked.empty:
        return None, None
    effective = ranked.iloc[0]
    later_and_weaker = ranked[
        (ranked["announced"] > effective["announced"])
        & (ranked["_status_rank"] > effective["_status_rank"])
        & (
            (ranked["target_year"] != effective["target_year"])
            | (ranked["year_qualifier"] != effective["year_qualifier"])
        )
    ]
    if later_and_weaker.empty:
        return effective, None
    newest = later_and_weaker.sort_values(
        ["announced", "target_year"], ascending=[False, True], kind="stable"
    )
    return effective, newest.iloc[0]


def _per_entity(targets: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every entity's effective target and announced companion, each indexed by entity."""
    chosen: dict[str, pd.Series] = {}
    companions: dict[str, pd.Series] = {}
    # Only entities with a current dated row can have a target; with thousands of "none found" rows the rest
    # would cost a call each for nothing.
    dated = targets[targets["current"].astype(bool) & targets["target_year"].notna()]
    for entity, rows in dated.groupby("entity", sort=True):
        effective, companion = effective_target(rows)
        if effective is not None:
            chosen[str(entity)] = effective
        if companion is not None:
            companions[str(entity)] = companion
    columns = [*EFFECTIVE_COLUMNS]
    return (
        pd.DataFrame.from_dict(chosen, orient="index").reindex(columns=columns),
        pd.DataFrame.from_dict(companions, orient="index").reindex(columns=[*COMPANION_COLUMNS]),
    )


def _searches(targets: pd.DataFrame) -> pd.DataFrame:
    """Each entity's current "none found" row: the search behind a "no target found", indexed by entity."""
    searches = targets[targets["current"].astype(bool) & (targets["target_kind"] == vocab.NO_TARGET_KIND)]
    return searches.drop_duplicates("entity").set_index("entity").reindex(columns=[*EFFECTIVE_COLUMNS])


def with_effective_targets(organisations: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Add the effective target, its announced companion and `target_basis` (own / national / none).

    With no target anywhere, the target columns describe the search that found none: the organisation's own
    "none found" note and confidence, and the source and date checked of its own search if it cites one, else
    its country's.
    """
    best, companions = _per_entity(targets)
    own = best.reindex(organisations["id"]).reset_index(drop=True)
    national = best.reindex(organisations["country"]).reset_index(drop=True)
    has_own = own["target_year"].notna()
    has_national = national["target_year"].notna()

    searches = _searches(targets)
    own_search = searches.reindex(organisations["id"]).reset_index(drop=True)
    national_search = searches.reindex(organisations["country"]).reset_index(drop=True)
    own_cites = _as_text(own_search["source_url"]) != ""
    search = national_search.copy()
    for column in ("source_url", "checked"):
        search[column] = own_search[column].where(own_cites, national_search[column])
    # "No own target" is the organisation's finding: its own confidence, where it wrote one, is the one shown.
    search["confidence"] = own_search["confidence"].where(
        own_search["confidence"].notna(), national_search["confidence"]
    )
    for column in ("note", "note_ja"):
        search[column] = own_search[column].where(_as_text(own_search[column]) != "", national_search[column])

    result = organisations.reset_index(drop=True).copy()
    for source_column, result_column in EFFECTIVE_COLUMNS.items():
        dated = own[source_column].where(has_own, national[source_column])
        result[result_column] = dated.where(has_own | has_national, search[source_column])
    result[BASIS] = "none"
    result.loc[has_national.to_numpy(), BASIS] = "national"
    result.loc[has_own.to_numpy(), BASIS] = "own"

    entity = organisations["id"].where(has_own.to_numpy(), organisations["country"]).reset_index(drop=True)
    companion = companions.reindex(entity).reset_index(drop=True)
    for source_column, result_column in COMPANION_COLUMNS.items():
        result[result_column] = companion[source_column]

    result["target_year"] = result["target_year"].astype("Int64")
    result["announced_year"] = result["announced_year"].astype("Int64")
    result["target_conditional"] = result["target_conditional"].fillna(False).astype(bool)
    text_columns = [
        *(
            column
            for column in EFFECTIVE_COLUMNS.values()
            if column not in ("target_year", "target_conditional")
        ),
        *(column for column in COMPANION_COLUMNS.values() if column != "announced_year"),
    ]
    for column in text_columns:
        result[column] = _as_text(result[column])
    result.loc[result[BASIS] == "none", "target_kind"] = vocab.NO_TARGET_KIND
    return result
