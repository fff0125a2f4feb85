"""Run a geocoder over the organisations table: choose the rows, apply the answers by the precedence rules,
and say for every row what happened.

Rules: rows without coordinates are geocoded (every row with `refresh`), optionally only the rows named in
`only`. A `manual` coordinate is never replaced, and neither is one of better precision than the answer
(address > district > city > region). The file is read and written as text, so every column, every row and
its order, and every cell the run did not decide stay byte-for-byte as they were; the write is atomic.
"""

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from signatories.errors import DataError
from signatories.fileio import write_csv_atomic
from signatories.geocoding.attribution import needs_osm_attribution
from signatories.geocoding.base import Candidate, Geocoder, Query, Result, precision_rank
from signatories.geocoding.cache import format_coordinate

REQUIRED_COLUMNS = ("id", "country", "seat", "admin1", "lat", "lon", "coord_source", "coord_precision")

Status = Literal["changed", "unchanged", "unresolved"]


@dataclass(frozen=True)
class RowOutcome:
    id: str
    query: str
    status: Status
    reason: str = ""
    source: str = ""
    precision: str = ""
    candidates: tuple[Candidate, ...] = ()
    cached: bool = False


@dataclass
class RunReport:
    outcomes: list[RowOutcome] = field(default_factory=list)
    not_selected: int = 0

    def counts(self) -> Counter[str]:
        return Counter(outcome.status for outcome in self.outcomes)

    @property
    def ok(self) -> bool:
        return all(outcome.status != "unresolved" for outcome in self.outcomes)

    @property
    def changed(self) -> bool:
        return any(outcome.status == "changed" for outcome in self.outcomes)

    @property
    def used_nominatim(self) -> bool:
        return needs_osm_attribution(outcome.source for outcome in self.outcomes)


def load_organisations(path: Path) -> pd.DataFrame:
    """Every column as text, empty cells as "" (not NaN), so that writing it back changes nothing."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise DataError(f"cannot read {path}: {error}") from error
    missing = [column for column in REQUIRED_COLUMNS if column not in frame.columns]
    if missing:
        raise DataError(f"{path}: missing columns {missing}")
    return frame


def query_for_row(row: pd.Series) -> Query:
    """The lookup for one organisation; ValueError when its seat or country cannot form one."""
    return Query(
        seat=str(row["seat"]).strip(), admin1=str(row["admin1"]).strip(), country=str(row["country"])
    )


def is_kept_manual(row: pd.Series) -> bool:
    """A manual coordinate is never geocoded over; a manual row without coordinates is still filled."""
    return str(row["coord_source"]) == "manual" and _has_coordinates(row)


def _has_coordinates(row: pd.Series) -> bool:
    return bool(str(row["lat"]).strip()) and bool(str(row["lon"]).strip())


def select_rows(frame: pd.DataFrame, *, refresh: bool, only: Collection[str] = ()) -> list[int]:
    """Positions of the rows to geocode, in file order. Unknown ids in `only` are an error, not ignored."""
    ids = frame["id"].tolist()
    unknown = sorted(set(only) - set(ids))
    if unknown:
        raise DataError(f"--only names ids that are not in the file: {', '.join(unknown)}")
    wanted = set(only)
    chosen = []
    for position in range(len(frame)):
        row = frame.iloc[position]
        if wanted and row["id"] not in wanted:
            continue
        if refresh or not _has_coordinates(row):
            chosen.append(position)
    return chosen


def _decide(row: pd.Series, result: Result) -> tuple[RowOutcome, dict[str, str]]:
    """The outcome for one row and the cells to write (empty when nothing is written)."""
    row_id, query = str(row["id"]), result.query.describe()
    had = _has_coordinates(row)
    if not result.found:
        reason = result.reason + ("; the existing coordinate is kept" if had else "")
        return RowOutcome(row_id, query, "unresolved", reason, candidates=result.candidates), {}
    assert result.lat is not None and result.lon is not None
    old_precision = str(row["coord_precision"])
    if had and precision_rank(old_precision) < precision_rank(result.precision):
        reason = f"kept: existing {old_precision} coordinate is better than the {result.precision} one found"
        return (
            RowOutcome(
                row_id,
                query,
                "unchanged",
                reason,
                str(row["coord_source"]),
                old_precision,
                cached=result.cached,
            ),
            {},
        )
    cells = {
        "lat": format_coordinate(result.lat),
        "lon": format_coordinate(result.lon),
        "coord_source": result.source,
        "coord_precision": result.precision,
    }
    before = {column: str(row[column]) for column in cells}
    same = all(
        _same_number(before[c], cells[c]) if c in {"lat", "lon"} else before[c] == cells[c] for c in cells
    )
    origin = "cache" if result.cached else result.source
    if same:
        reason = f"same as found ({origin})" + (f"; {result.reason}" if result.reason else "")
        return RowOutcome(
            row_id, query, "unchanged", reason, result.source, result.precision, cached=result.cached
        ), {}
    if had:
        was = f"was {before['lat']},{before['lon']} ({before['coord_source'] or 'no source'})"
    else:
        was = "filled"
    reason = f"{was}; from {origin}" + (f"; {result.reason}" if result.reason else "")
    return (
        RowOutcome(row_id, query, "changed", reason, result.source, result.precision, cached=result.cached),
        cells,
    )


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def geocode_frame(
    frame: pd.DataFrame,
    geocoder: Geocoder,
    *,
    refresh: bool = False,
    only: Collection[str] = (),
    on_row: Callable[[int, int, RowOutcome], None] | None = None,
) -> tuple[pd.DataFrame, RunReport]:
    """Geocode the selected rows of a copy of `frame`; returns the new frame and the report."""
    result_frame = frame.copy()
    positions = select_rows(frame, refresh=refresh, only=only)
    report = RunReport(not_selected=len(frame) - len(positions))
    for done, position in enumerate(positions, start=1):
        row = frame.iloc[position]
        outcome, cells = _geocode_row(row, geocoder)
        for column, value in cells.items():
            result_frame.iloc[position, result_frame.columns.get_loc(column)] = value
        report.outcomes.append(outcome)
        if on_row is not None:
            on_row(done, len(positions), outcome)
    return result_frame, report


def _geocode_row(row: pd.Series, geocoder: Geocoder) -> tuple[RowOutcome, dict[str, str]]:
    row_id = str(row["id"])
    if is_kept_manual(row):
        outcome = RowOutcome(
            row_id,
            str(row["seat"]),
            "unchanged",
            "manual coordinate kept",
            "manual",
            str(row["coord_precision"]),
        )
        return outcome, {}
    try:
        query = Query(
            seat=str(row["seat"]).strip(), admin1=str(row["admin1"]).strip(), country=str(row["country"])
        )
    except ValueError as error:
        return RowOutcome(row_id, str(row["seat"]), "unresolved", f"cannot geocode this row: {error}"), {}
    return _decide(row, geocoder.geocode(query))


def geocode_file(
    path: Path,
    geocoder: Geocoder,
    *,
    refresh: bool = False,
    only: Sequence[str] = (),
    on_row: Callable[[int, int, RowOutcome], None] | None = None,
) -> RunReport:
    """Geocode the organisations file in place. It is written once, atomically, and only if a row changed:
    interrupted before then, the previous file is untouched (the cache keeps the answers already found)."""
    frame = load_organisations(path)
    updated, report = geocode_frame(frame, geocoder, refresh=refresh, only=only, on_row=on_row)
    if report.changed:
        write_csv_atomic(updated, path)
    return report
