"""Persistent geocode cache: data/geocode_cache.csv, readable and committed, consulted before any geocoder.

One row per query key (folded seat|admin1|country) with the answer's coordinates, its original source
(nominatim or geonames:<id>) and precision, and the date it was fetched. The file is rewritten atomically after
every new answer, so a run stopped by Ctrl-C or a crash keeps everything it had finished. Only found locations
are cached: an unresolved query is asked again next time (the admin1 table or the service may have improved).
"""

import csv
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from signatories.errors import DataError
from signatories.fileio import write_atomic
from signatories.geocoding.base import Query, Result, valid_source
from signatories.vocab import COORD_PRECISIONS

CACHE_COLUMNS = ("key", "seat", "admin1", "country", "lat", "lon", "source", "precision", "fetched")


@dataclass(frozen=True)
class CacheEntry:
    key: str
    seat: str
    admin1: str
    country: str
    lat: float
    lon: float
    source: str
    precision: str
    fetched: str

    def row(self) -> dict[str, str]:
        return {
            "key": self.key,
            "seat": self.seat,
            "admin1": self.admin1,
            "country": self.country,
            "lat": format_coordinate(self.lat),
            "lon": format_coordinate(self.lon),
            "source": self.source,
            "precision": self.precision,
            "fetched": self.fetched,
        }


def format_coordinate(value: float) -> str:
    """Five decimals (about a metre), trailing zeros dropped, as the organisations file writes them."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


class GeocodeCache:
    """Implements the Geocoder protocol for what it holds; `put` records new answers and saves at once."""

    def __init__(self, path: Path, *, today: str | None = None) -> None:
        self.path = Path(path)
        self._today = today
        self._entries: dict[str, CacheEntry] = {}
        # Rows that could not be read: reported by the command, never fatal (the cache only saves work).
        self.problems: list[str] = []
        if self.path.exists():
            self._load()

    def __len__(self) -> int:
        return len(self._entries)

    def _load(self) -> None:
        try:
            with self.path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = set(CACHE_COLUMNS) - set(reader.fieldnames or ())
                if missing:
                    raise DataError(f"{self.path}: missing columns {sorted(missing)}")
                for line, row in enumerate(reader, start=2):
                    entry = self._entry(row)
                    if entry is None:
                        self.problems.append(f"{self.path.name} line {line}: unusable row, ignored")
                    else:
                        self._entries[entry.key] = entry
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise DataError(f"cannot read the geocode cache {self.path}: {error}") from error

    @staticmethod
    def _entry(row: dict[str, str]) -> CacheEntry | None:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            return None
        source = row["source"] or ""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or row["precision"] not in COORD_PRECISIONS:
            return None
        if source and not valid_source(source):
            return None
        if not row["key"] or not row["country"]:
            return None
        return CacheEntry(
            key=row["key"],
            seat=row["seat"],
            admin1=row["admin1"],
            country=row["country"],
            lat=lat,
            lon=lon,
            source=source,
            precision=row["precision"],
            fetched=row["fetched"],
        )

    def geocode(self, query: Query) -> Result:
        entry = self._entries.get(query.key)
        if entry is None:
            return Result.unresolved(query, "not in the cache")
        # An entry added by hand without a source is provenance "cache"; otherwise keep the original source.
        result = Result.located(
            query, entry.lat, entry.lon, source=entry.source or "cache", precision=entry.precision
        )
        return replace(result, cached=True)

    def put(self, result: Result) -> bool:
        """Record a found result and save the file; returns False when nothing changed (file left as is)."""
        if not result.found or result.cached:
            return False
        assert result.lat is not None and result.lon is not None
        query = result.query
        entry = CacheEntry(
            key=query.key,
            seat=query.seat,
            admin1=query.admin1,
            country=query.country,
            lat=float(format_coordinate(result.lat)),
            lon=float(format_coordinate(result.lon)),
            source=result.source,
            precision=result.precision,
            fetched=self._today or _today(),
        )
        old = self._entries.get(entry.key)
        if old is not None and old.row() | {"fetched": ""} == entry.row() | {"fetched": ""}:
            return False
        self._entries[entry.key] = entry
        self.save()
        return True

    def save(self) -> None:
        def write(handle: IO[str]) -> None:
            writer = csv.DictWriter(handle, fieldnames=CACHE_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for key in sorted(self._entries):
                writer.writerow(self._entries[key].row())

        write_atomic(self.path, write)
