"""The filters every page shares, filtering the organisations, and the counts of what is left."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from signatories import vocab

# The declaration's horizon: both proposers pledged carbon neutrality by 2050, the year the Paris
# Agreement's 1.5 °C pathways reach net zero; the headline share counts targets no later than this.
BENCHMARK_YEAR: Final = 2050

# The target-basis filter: how an organisation's effective target was found, "none" for no target at all.
FILTER_BASES: Final = vocab.TARGET_BASES

# Columns searched by the free-text box, in both languages.
SEARCH_COLUMNS: Final = ("name_en", "short_name", "name_ja", "seat", "seat_ja")
COUNTRY_NAME_COLUMNS: Final = ("name_en", "name_ja")

# Latin diacritics (Malé, Huế) fold away; Japanese voicing marks (U+3099, U+309A) lie outside this block.
_COMBINING_LATIN: Final = re.compile("[\u0300-\u036f]")


def _ordered(values: tuple[str, ...], order: tuple[str, ...]) -> tuple[str, ...]:
    """Unique values in vocabulary order, unknown ones last and sorted, so equal selections compare equal."""
    rank = {value: index for index, value in enumerate(order)}
    return tuple(sorted(set(values), key=lambda value: (rank.get(value, len(rank)), value)))


YearRange = tuple[int | None, int | None]
ANY_YEAR: Final[YearRange] = (None, None)


@dataclass(frozen=True)
class Filters:
    """What narrows the set of organisations; the defaults keep every one.

    Each field is one parameter of `signatories.url_state.PARAMS`, which says how it reads from and
    writes to a link and which sidebar widget shows it.
    """

    countries: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    years: YearRange = ANY_YEAR  # inclusive; None on a side means no limit there
    bases: tuple[str, ...] = ()  # empty means every basis, "none" included
    query: str = ""

    def __post_init__(self) -> None:
        # Selections are sets; a canonical order keeps equality and the URL independent of click order.
        object.__setattr__(self, "countries", _ordered(tuple(self.countries), ()))
        object.__setattr__(self, "org_types", _ordered(tuple(self.org_types), vocab.ORG_TYPES))
        object.__setattr__(self, "roles", _ordered(tuple(self.roles), vocab.ROLES))
        bases = _ordered(tuple(self.bases), FILTER_BASES)
        # Every basis picked is no filter at all; one spelling keeps equal views equal (and links short).
        object.__setattr__(self, "bases", () if set(bases) >= set(FILTER_BASES) else bases)
        object.__setattr__(self, "query", self.query.strip())

    @property
    def active(self) -> bool:
        """Whether anything is filtered out by these filters."""
        return self != Filters()

    @property
    def active_count(self) -> int:
        """How many filters differ from "everything" (the sidebar says it)."""
        defaults = Filters()
        return sum(getattr(self, name) != getattr(defaults, name) for name in self.__dataclass_fields__)


def fold_string(text: str) -> str:
    """Text folded for matching: width (NFKC: Ｔｂｉｌｉｓｉ, ｶﾀｶﾅ), case and Latin diacritics."""
    decomposed = _COMBINING_LATIN.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFKC", decomposed).casefold()


def fold_text(text: pd.Series) -> pd.Series:
    """`fold_string` of every value; missing values fold to ""."""
    return text.fillna("").astype(str).map(fold_string)


def fold_query(query: str) -> list[str]:
    """The search terms of a query, folded like the searched text; every term must match."""
    return fold_string(query).split()


def search_haystack(organisations: pd.DataFrame, countries: pd.DataFrame) -> tuple[str, ...]:
    """One folded string per organisation, in the frame's order, holding every searchable field in both
    languages. Plain strings: a search term is looked for with `in`, faster than pandas' string methods."""
    names = countries.set_index("code")
    parts = [organisations[column].fillna("").astype(str) for column in SEARCH_COLUMNS]
    for column in COUNTRY_NAME_COLUMNS:
        parts.append(organisations["country"].map(names[column]).fillna("").astype(str))
    # A newline cannot occur in a folded query term, so no match can span two fields.
    joined = parts[0].str.cat(parts[1:], sep="\n")
    return tuple(fold_text(joined))


def matches(
    organisations: pd.DataFrame,
    filters: Filters,
    *,
    countries: pd.DataFrame,
    haystack: tuple[str, ...] | None = None,
) -> pd.Series:
    """A boolean mask: which organisations the filters keep.

    The year range applies to organisations with a target year; those without one are kept or not by
    the "none" basis alone. `haystack` is `search_haystack(organisations, countries)`, which a caller may
    keep between runs. The mask is worked out on arrays: pandas' own operations cost more than the
    comparisons themselves at the declaration's size, on every rerun.
    """
    keep = np.ones(len(organisations), dtype=bool)
    for column, chosen in (
        ("country", filters.countries),
        ("org_type", filters.org_types),
        ("role", filters.roles),
        ("target_basis", filters.bases),
    ):
        if chosen:
            keep &= organisations[column].isin(chosen).to_numpy(dtype=bool)

    year_min, year_max = filters.years
    if year_min is not None or year_max is not None:
        year = organisations["target_year"].to_numpy(dtype=float, na_value=np.nan)
        no_year = np.isnan(year)
        if year_min is not None:
            keep &= no_year | (year >= year_min)
        if year_max is not None:
            keep &= no_year | (year <= year_max)

    terms = fold_query(filters.query)
    if terms:
        if haystack is None:
            haystack = search_haystack(organisations, countries)
        if len(haystack) != len(organisations):
            raise ValueError("the search haystack is not the one of these organisations")
        for term in terms:
            keep &= np.fromiter((term in text for text in haystack), dtype=bool, count=len(haystack))
    return pd.Series(keep, index=organisations.index)


def apply_filters(
    organisations: pd.DataFrame,
    filters: Filters,
    *,
    countries: pd.DataFrame,
    haystack: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """The organisations the filters keep, in their original order."""
    return organisations[matches(organisations, filters, countries=countries, haystack=haystack)]


@dataclass(frozen=True)
class Counts:
    """The headline figures of a selection of organisations."""

    organisations: int
    countries: int
    local_bodies: int
    national_bodies: int
    other_bodies: int
    with_benchmark_target: int

    @property
    def benchmark_share(self) -> float | None:
        """Share with a target year no later than BENCHMARK_YEAR; None for an empty selection."""
        return self.with_benchmark_target / self.organisations if self.organisations else None


@dataclass(frozen=True, eq=False)
class Tally:
    """What `Counts` adds up, one entry per organisation of a set, worked out once: counting any part of
    the set is then a few array sums, not string comparisons on every rerun."""

    index: pd.Index
    local: np.ndarray  # bool per organisation
    national: np.ndarray
    by_benchmark: np.ndarray  # a target year no later than BENCHMARK_YEAR
    country: np.ndarray  # an integer per country, -1 where none is given

    @classmethod
    def of(cls, organisations: pd.DataFrame) -> Tally:
        types = organisations["org_type"]
        return cls(
            index=organisations.index,
            local=types.isin(vocab.LOCAL_ORG_TYPES).to_numpy(dtype=bool),
            national=types.isin(vocab.NATIONAL_ORG_TYPES).to_numpy(dtype=bool),
            by_benchmark=(organisations["target_year"] <= BENCHMARK_YEAR).fillna(False).to_numpy(dtype=bool),
            country=pd.factorize(organisations["country"])[0],
        )

    def counts(self, frame: pd.DataFrame) -> Counts:
        """The figures of `frame`, which holds rows of the set this tally was made of (by index label)."""
        rows = self.index.get_indexer(frame.index)
        if (rows < 0).any():
            raise ValueError("counting rows that are not in the tallied organisations")
        countries = np.unique(self.country[rows])
        local = int(self.local[rows].sum())
        national = int(self.national[rows].sum())
        return Counts(
            organisations=len(rows),
            countries=int((countries >= 0).sum()),
            local_bodies=local,
            national_bodies=national,
            other_bodies=len(rows) - local - national,
            with_benchmark_target=int(self.by_benchmark[rows].sum()),
        )


def summary(frame: pd.DataFrame) -> Counts:
    """The figures of `frame`; a page counting many selections of one dataset keeps its `Tally` instead."""
    return Tally.of(frame).counts(frame)
