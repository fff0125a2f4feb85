"""The one geocoder interface: a Query goes in, an immutable Result comes out.

Every implementation (cache, Nominatim, GeoNames gazetteer, the chain of them) answers with a Result that is
either a found location with its provenance, or unresolved with a reason and the candidates it saw. Faults of a
remote service (timeout, rate limit, server error, malformed reply) are raised as GeocoderFault subclasses so that
a caller can fall back to another geocoder; "nothing found" and "ambiguous" are answers, not faults.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Protocol

from signatories.errors import GeocodingError
from signatories.vocab import COORD_PRECISIONS, COORD_SOURCE_GEONAMES_PREFIX, COORD_SOURCES

# Letters that NFKD leaves whole although readers treat them as a base letter plus a mark (Vietnamese đ in
# "Đà Nẵng", Nordic ø, Polish ł). Without this, "Da Nang" would not match "Đà Nẵng".
_LETTER_FOLDS = str.maketrans(
    {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae"}
)
_NOT_WORD = re.compile(r"[\W_]+")
# After NFKD, accents are these combining marks (Latin, Greek, Cyrillic, Vietnamese stacked tones).
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Fold a place name for matching: case, diacritics, punctuation and spacing do not count.

    Applied to both sides (queries and gazetteer names), so "Malé" matches "Male" and "Huế" matches "Hue".
    Hyphens, apostrophes and okinas become spaces, so "Lapu-Lapu" and "Lapu Lapu" fold alike.
    """
    if text.isascii():
        # Most GeoNames names are plain ASCII; skipping normalisation for them halves the index build.
        return _NOT_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    return _NOT_WORD.sub(" ", _COMBINING_MARKS.sub("", decomposed).casefold()).strip()


@dataclass(frozen=True)
class Query:
    """What is looked up: a seat (city name in English), its province or state (may be empty), its country."""

    seat: str
    admin1: str
    country: str

    def __post_init__(self) -> None:
        if not self.seat.strip():
            raise ValueError("a geocoding query needs a seat")
        if not re.fullmatch(r"[A-Z]{2}", self.country):
            raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {self.country!r}")

    @property
    def key(self) -> str:
        """Cache key: folded seat|admin1|country, so spelling variants of one place share an entry."""
        return f"{fold(self.seat)}|{fold(self.admin1)}|{self.country}"

    def describe(self) -> str:
        return ", ".join(part for part in (self.seat, self.admin1, self.country) if part)


@dataclass(frozen=True)
class Candidate:
    """One place a name could mean, listed when a query is ambiguous or its admin1 does not fit."""

    name: str
    lat: float
    lon: float
    source: str
    area: str = ""
    population: int | None = None

    def describe(self) -> str:
        pieces = [self.name]
        if self.area:
            pieces.append(self.area)
        pieces.append(f"{self.lat:.4f},{self.lon:.4f}")
        if self.population is not None:
            pieces.append(f"pop. {self.population:,}")
        pieces.append(self.source)
        return " ".join(pieces[:1]) + " (" + "; ".join(pieces[1:]) + ")"


def valid_source(source: str) -> bool:
    if source in COORD_SOURCES:
        return True
    prefix = COORD_SOURCE_GEONAMES_PREFIX
    return source.startswith(prefix) and source[len(prefix) :].isdigit()


def precision_rank(precision: str) -> int:
    """Smaller is better; an empty or unknown precision ranks below every known one."""
    return COORD_PRECISIONS.index(precision) if precision in COORD_PRECISIONS else len(COORD_PRECISIONS)


@dataclass(frozen=True)
class Result:
    """A geocoder's answer. Build it with `Result.located` or `Result.unresolved`, never half-filled."""

    query: Query
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    precision: str = ""
    # Unresolved: why. Found: an optional note (e.g. that the online service failed and the gazetteer answered).
    reason: str = ""
    candidates: tuple[Candidate, ...] = field(default=())
    # True when the answer was replayed from the persistent cache rather than computed in this run.
    cached: bool = False

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon are both set or both empty")
        if self.lat is not None and self.lon is not None:
            if not (math.isfinite(self.lat) and -90 <= self.lat <= 90):
                raise ValueError(f"latitude out of range: {self.lat}")
            if not (math.isfinite(self.lon) and -180 <= self.lon <= 180):
                raise ValueError(f"longitude out of range: {self.lon}")
            if self.precision not in COORD_PRECISIONS:
                raise ValueError(f"unknown precision {self.precision!r}")
            if not valid_source(self.source):
                raise ValueError(f"unknown coordinate source {self.source!r}")
        elif not self.reason:
            raise ValueError("an unresolved result needs a reason")

    @classmethod
    def located(
        cls, query: Query, lat: float, lon: float, *, source: str, precision: str, note: str = ""
    ) -> "Result":
        return cls(query=query, lat=lat, lon=lon, source=source, precision=precision, reason=note)

    @classmethod
    def unresolved(cls, query: Query, reason: str, candidates: tuple[Candidate, ...] = ()) -> "Result":
        return cls(query=query, reason=reason, candidates=candidates)

    @property
    def found(self) -> bool:
        return self.lat is not None


class Geocoder(Protocol):
    """Anything that answers a Query. May raise GeocoderFault when a remote service fails."""

    def geocode(self, query: Query) -> Result: ...


class GeocoderConfigError(GeocodingError, ValueError):
    """A setting is wrong (mode, service URL, timeout): nothing was asked yet."""


class GeocoderFault(GeocodingError):
    """A geocoding service failed to answer; another geocoder may still answer the same query."""


class GeocoderTimeout(GeocoderFault):
    """No reply within the timeout, or the service said it is overloaded (503, 504)."""


class GeocoderRateLimit(GeocoderFault):
    """HTTP 429: the service asks us to slow down, possibly saying for how long (Retry-After, seconds)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class GeocoderServerError(GeocoderFault):
    """HTTP 5xx or a connection failure."""


class GeocoderMalformedReply(GeocoderFault):
    """The reply was not the JSON the protocol promises."""


class GeocoderRefused(GeocoderFault):
    """A 4xx refusal (bad request, blocked user agent); retrying would not help."""
