"""Each organisation's effective carbon-neutrality target: its own if it declared one, else its country's."""

import pandas as pd

from signatories import vocab

# Columns the effective target adds to the organisations frame.
EFFECTIVE_COLUMNS = {
    "target_year": "target_year",
    "year_qualifier": "target_qualifier",
    "target_kind": "target_kind",
    "status": "target_status",
    "conditional": "target_conditional",
    "announced": "target_announced",
    "source_url": "target_source_url",
    "confidence": "target_confidence",
    "note": "target_note",
}
BASIS = "target_basis"

_STATUS_RANK = {status: rank for rank, status in enumerate(vocab.TARGET_STATUSES)}
_CONFIDENCE_RANK = {confidence: rank for rank, confidence in enumerate(vocab.CONFIDENCES)}


def _best_per_entity(targets: pd.DataFrame) -> pd.DataFrame:
    """Each entity's earliest current target with a year; ties go to the firmer status, then confidence."""
    dated = targets[targets["current"] & targets["target_year"].notna()].copy()
    dated["_status_rank"] = dated["status"].map(_STATUS_RANK)
    dated["_confidence_rank"] = dated["confidence"].map(_CONFIDENCE_RANK)
    dated = dated.sort_values(["entity", "target_year", "_status_rank", "_confidence_rank"], kind="stable")
    return dated.drop_duplicates("entity").set_index("entity")


def with_effective_targets(organisations: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Add the effective target columns and `target_basis` (own / national / none) to each organisation."""
    best = _best_per_entity(targets)
    own = best.reindex(organisations["id"]).reset_index(drop=True)
    national = best.reindex(organisations["country"]).reset_index(drop=True)
    has_own = own["target_year"].notna()
    has_national = national["target_year"].notna()

    result = organisations.reset_index(drop=True).copy()
    for source_column, result_column in EFFECTIVE_COLUMNS.items():
        result[result_column] = own[source_column].where(has_own, national[source_column])
    result[BASIS] = "none"
    result.loc[has_national.to_numpy(), BASIS] = "national"
    result.loc[has_own.to_numpy(), BASIS] = "own"
    result["target_year"] = result["target_year"].astype("Int64")
    result["target_conditional"] = result["target_conditional"].fillna(False).astype(bool)
    for column in ("target_qualifier", "target_kind", "target_status", "target_announced"):
        result[column] = result[column].fillna("")
    for column in ("target_source_url", "target_confidence", "target_note"):
        result[column] = result[column].fillna("")
    result.loc[result[BASIS] == "none", "target_kind"] = vocab.NO_TARGET_KIND
    return result
