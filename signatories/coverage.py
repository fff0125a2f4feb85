"""Where the declaration reaches: organisations per country and type, participation levels, target years, gaps.

Every figure is computed from the organisations frame passed in, so the pages' filters apply to all of it.

A country's participation level comes from the kinds of its signatories in that frame:

- ``both``: at least one local government (``vocab.LOCAL_ORG_TYPES``) and one national body
  (``vocab.NATIONAL_ORG_TYPES``);
- ``local_only`` / ``national_only``: bodies of only one of the two levels;
- ``other_only``: neither, only utilities or companies.

Utilities and companies are not governments at either level, so they never change a country's level when a
government body is present: a country with a ministry and a water utility takes part "only through national
bodies". Gap sentences are returned as message keys with values, and rendered through i18n in either language.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import pandas as pd

from signatories import vocab
from signatories.i18n import Lang, has_message, t

BOTH: Final = "both"
LOCAL_ONLY: Final = "local_only"
NATIONAL_ONLY: Final = "national_only"
OTHER_ONLY: Final = "other_only"
# Broadest participation first: the order of the chart's bars and of the gap sentences.
PARTICIPATION_LEVELS: Final = (BOTH, LOCAL_ONLY, NATIONAL_ONLY, OTHER_ONLY)

# The two bases of an effective target that have a year; "none" has nothing to draw on a timeline.
TIMELINE_BASES: Final = ("own", "national")

_TYPE_RANK: Final = {org_type: rank for rank, org_type in enumerate(vocab.ORG_TYPES)}


def type_counts(organisations: pd.DataFrame) -> pd.DataFrame:
    """Organisations per (country, org_type), non-zero pairs only; biggest countries first, types in vocab order."""
    counts = organisations.groupby(["country", "org_type"]).size().rename("count").reset_index()
    totals = counts.groupby("country")["count"].transform("sum")
    counts = counts.assign(_total=totals, _rank=counts["org_type"].map(_TYPE_RANK))
    counts = counts.sort_values(["_total", "country", "_rank"], ascending=[False, True, True], kind="stable")
    return counts.drop(columns=["_total", "_rank"]).reset_index(drop=True)


def participation(organisations: pd.DataFrame) -> pd.DataFrame:
    """One row per country: how many local, national and other bodies signed, and the level that makes."""
    kinds = organisations.assign(
        local=organisations["org_type"].isin(vocab.LOCAL_ORG_TYPES),
        national=organisations["org_type"].isin(vocab.NATIONAL_ORG_TYPES),
    )
    kinds["other"] = ~(kinds["local"] | kinds["national"])
    per_country = kinds.groupby("country")[["local", "national", "other"]].sum().astype(int)
    has_local = per_country["local"] > 0
    has_national = per_country["national"] > 0
    level = pd.Series(OTHER_ONLY, index=per_country.index, dtype=object)
    level[has_local & ~has_national] = LOCAL_ONLY
    level[has_national & ~has_local] = NATIONAL_ONLY
    level[has_local & has_national] = BOTH
    per_country["level"] = level.astype(str)
    per_country["organisations"] = per_country[["local", "national", "other"]].sum(axis=1)
    return per_country.reset_index()[["country", "level", "local", "national", "other", "organisations"]]


def level_counts(levels: pd.DataFrame) -> dict[str, int]:
    """Countries per participation level, every level present (zero when none)."""
    counted = levels["level"].value_counts()
    return {level: int(counted.get(level, 0)) for level in PARTICIPATION_LEVELS}


def target_timeline(organisations: pd.DataFrame) -> pd.DataFrame:
    """Organisations per effective target year, split by basis (own / national); years without one are left out."""
    dated = organisations[organisations["target_year"].notna()]
    dated = dated[dated["target_basis"].isin(TIMELINE_BASES)]
    counts = dated.groupby(["target_year", "target_basis"]).size().rename("count").reset_index()
    counts["target_year"] = counts["target_year"].astype(int)
    counts = counts.rename(columns={"target_basis": "basis"})
    counts["_rank"] = counts["basis"].map({basis: rank for rank, basis in enumerate(TIMELINE_BASES)})
    return counts.sort_values(["target_year", "_rank"]).drop(columns="_rank").reset_index(drop=True)


@dataclass(frozen=True)
class Gap:
    """One plain-language finding: a message key, its numbers, and the countries it names (ISO codes)."""

    key: str
    values: Mapping[str, int]
    countries: tuple[str, ...] = field(default=())


def _countries_where(levels: pd.DataFrame, mask: pd.Series) -> tuple[str, ...]:
    return tuple(sorted(levels.loc[mask, "country"]))


def gaps(organisations: pd.DataFrame) -> list[Gap]:
    """The findings worth a sentence, in reading order; a finding with nothing to report is left out."""
    if organisations.empty:
        return []
    levels = participation(organisations)
    n_countries = len(levels)
    findings: list[Gap] = []

    for level in (NATIONAL_ONLY, LOCAL_ONLY, OTHER_ONLY, BOTH):
        where = _countries_where(levels, levels["level"] == level)
        if where:
            findings.append(Gap(f"coverage.gap.{level}", {"count": len(where), "total": n_countries}, where))

    single = _countries_where(levels, levels["organisations"] == 1)
    if single:
        findings.append(Gap("coverage.gap.single_org", {"count": len(single), "total": n_countries}, single))

    n_orgs = len(organisations)
    basis = organisations["target_basis"]
    without = organisations[basis == "none"]
    if not without.empty:
        findings.append(
            Gap(
                "coverage.gap.no_target",
                {"count": len(without), "total": n_orgs},
                tuple(sorted(without["country"].unique())),
            )
        )
    with_target = int(basis.isin(TIMELINE_BASES).sum())
    if with_target:
        findings.append(
            Gap(
                "coverage.gap.national_basis",
                {
                    "count": int((basis == "national").sum()),
                    "total": with_target,
                    "own": int((basis == "own").sum()),
                },
            )
        )

    low = organisations[organisations["confidence"] == "low"]
    if not low.empty:
        findings.append(
            Gap(
                "coverage.gap.low_confidence",
                {"count": len(low), "total": n_orgs},
                tuple(sorted(low["country"].unique())),
            )
        )
    return findings


def _message_key(gap: Gap) -> str:
    """The singular variant of a sentence when its count is one and the catalog has one."""
    singular = f"{gap.key}.one"
    return singular if gap.values.get("count") == 1 and has_message(singular) else gap.key


def join_names(names: Sequence[str], lang: Lang) -> str:
    """A list of names as a language would write it in running text."""
    return t("coverage.list_separator", lang).join(names)


def render_gap(gap: Gap, lang: Lang, country_names: Mapping[str, str]) -> str:
    """The finding as one sentence in `lang`, naming its countries in the mapping's order."""
    named = [name for code, name in country_names.items() if code in gap.countries]
    unnamed = sorted(code for code in gap.countries if code not in country_names)
    return t(_message_key(gap), lang, countries=join_names([*named, *unnamed], lang), **gap.values)
