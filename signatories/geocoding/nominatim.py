"""Online geocoder: geopy's Nominatim client, used as OSM's usage policy asks.

Policy (https://operations.osmfoundation.org/policies/nominatim/): an identifying user agent, at most one
request per second, results cached (cache.py), attribution wherever results are shown (attribution.py).

geopy is built with URLLibAdapter: with the requests adapter geopy retries on its own (a timeout surfaces after
three attempts, a 429 is retried inside it), which would multiply our retries and hide Retry-After. Here
RetryPolicy is the only place that decides whether and when to try again, and RateLimiter the only place that
sleeps. Every geopy exception is translated into a GeocoderFault subclass in `_fetch`, the one boundary.
"""

import ipaddress
import os
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from geopy import exc as geopy_exc
from geopy.adapters import URLLibAdapter
from geopy.geocoders import Nominatim

from signatories.geocoding.admin1 import distance_km
from signatories.geocoding.base import (
    Candidate,
    GeocoderConfigError,
    GeocoderFault,
    GeocoderMalformedReply,
    GeocoderRateLimit,
    GeocoderRefused,
    GeocoderServerError,
    GeocoderTimeout,
    Query,
    Result,
    fold,
)

DEFAULT_URL = "https://nominatim.openstreetmap.org"
DEFAULT_USER_AGENT = "yokohama-declaration-map/0.1.0 (signatories geocoder; python-geopy)"
ENV_USER_AGENT = "SIGNATORIES_USER_AGENT"
ENV_URL = "SIGNATORIES_NOMINATIM_URL"
ENV_TIMEOUT = "SIGNATORIES_NOMINATIM_TIMEOUT"

# Nominatim "addresstype" (or, from older servers, "type") -> our precision vocabulary.
_ADDRESS_TYPES = frozenset(
    {"house", "building", "amenity", "office", "shop", "tourism", "craft", "road", "postcode", "house_number"}
)
_DISTRICT_TYPES = frozenset({"suburb", "quarter", "neighbourhood", "city_district", "borough", "city_block"})
_CITY_TYPES = frozenset({"city", "town", "village", "municipality", "hamlet"})
# Two settlements farther apart than this are different places, not two OSM objects of one place.
_SAME_PLACE_KM = 25.0
_RESULTS_ASKED = 5


def precision_of(raw: Mapping[str, Any]) -> str:
    """Map a Nominatim search result to address/district/city/region; anything unrecognised counts as region,
    the worst, so that an odd reply can never overwrite a better coordinate."""
    kind = str(raw.get("addresstype") or raw.get("type") or "")
    category = str(raw.get("class") or raw.get("category") or "")
    if kind in _ADDRESS_TYPES or category in {"building", "amenity", "office", "shop", "tourism", "craft"}:
        return "address"
    if kind in _DISTRICT_TYPES:
        return "district"
    if kind in _CITY_TYPES:
        return "city"
    return "region"


@dataclass(frozen=True)
class NominatimSettings:
    url: str = DEFAULT_URL
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 10.0
    # The policy's absolute maximum is one request per second.
    min_interval: float = 1.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **overrides: Any) -> "NominatimSettings":
        values: dict[str, Any] = {}
        if environ.get(ENV_URL):
            values["url"] = environ[ENV_URL]
        if environ.get(ENV_USER_AGENT):
            values["user_agent"] = environ[ENV_USER_AGENT]
        if environ.get(ENV_TIMEOUT):
            try:
                values["timeout"] = float(environ[ENV_TIMEOUT])
            except ValueError as error:
                raise GeocoderConfigError(f"{ENV_TIMEOUT} must be a number of seconds: {error}") from error
        values.update({key: value for key, value in overrides.items() if value is not None})
        return cls(**values)


class RateLimiter:
    """Spaces the starts of requests at least `min_interval` apart and honours hold-offs (Retry-After, backoff).

    Clock and sleep are injected so tests check the spacing without waiting.
    """

    def __init__(
        self,
        min_interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next_allowed: float | None = None
        self.starts: list[float] = []

    def hold_off(self, seconds: float) -> None:
        """Allow no request before `seconds` from now (a server's Retry-After, or a backoff)."""
        until = self._clock() + seconds
        self._next_allowed = until if self._next_allowed is None else max(self._next_allowed, until)

    def wait(self) -> float:
        """Block until a request may start, record its start, and return the seconds waited."""
        now = self._clock()
        waited = 0.0
        if self._next_allowed is not None and now < self._next_allowed:
            waited = self._next_allowed - now
            self._sleep(waited)
            now = self._clock()
        self.starts.append(now)
        self._next_allowed = max(self._next_allowed or now, now + self.min_interval)
        return waited

    def seconds_until_free(self) -> float:
        if self._next_allowed is None:
            return 0.0
        return max(0.0, self._next_allowed - self._clock())


@dataclass(frozen=True)
class RetryPolicy:
    """Whether and when to retry a failed request: the one place that decides it."""

    max_attempts: int = 3
    backoff_base: float = 2.0
    backoff_cap: float = 30.0
    # A server asking us to wait longer than this is not waited for: the query fails and the next one goes on.
    max_retry_after: float = 120.0

    def delay(self, attempt: int, fault: GeocoderFault) -> float | None:
        """Seconds to wait before attempt `attempt + 1`, or None to give up after `attempt` attempts."""
        if attempt >= self.max_attempts or isinstance(fault, GeocoderMalformedReply | GeocoderRefused):
            return None
        if isinstance(fault, GeocoderRateLimit) and fault.retry_after is not None:
            return fault.retry_after if fault.retry_after <= self.max_retry_after else None
        return min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _translate(error: Exception) -> GeocoderFault:
    """geopy's exception hierarchy -> ours. Order matters: geopy's classes inherit from one another."""
    if isinstance(error, geopy_exc.GeocoderRateLimited):
        if error.retry_after is None:
            return GeocoderRateLimit("rate limited (HTTP 429), no Retry-After")
        return GeocoderRateLimit(
            f"rate limited (HTTP 429), Retry-After {error.retry_after} s", float(error.retry_after)
        )
    if isinstance(error, geopy_exc.GeocoderTimedOut | TimeoutError):
        return GeocoderTimeout(f"timed out or service overloaded: {error}")
    if isinstance(error, geopy_exc.GeocoderParseError):
        return GeocoderMalformedReply(f"malformed reply: {str(error).splitlines()[0]}")
    if isinstance(
        error,
        geopy_exc.GeocoderQueryError
        | geopy_exc.GeocoderAuthenticationFailure
        | geopy_exc.GeocoderInsufficientPrivileges
        | geopy_exc.GeocoderQuotaExceeded,
    ):
        return GeocoderRefused(f"request refused: {error}")
    if isinstance(error, geopy_exc.GeocoderServiceError | OSError):
        return GeocoderServerError(f"server error: {error}")
    return GeocoderMalformedReply(f"malformed reply: {type(error).__name__}: {error}")


def _coordinate(raw: Mapping[str, Any], key: str, limit: float) -> float:
    value = float(raw[key])
    if not -limit <= value <= limit:
        raise ValueError(f"{key} {value} out of range")
    return value


class NominatimGeocoder:
    """Online geocoder; implements the Geocoder protocol and raises GeocoderFault once retries are spent."""

    def __init__(
        self,
        settings: NominatimSettings | None = None,
        *,
        limiter: RateLimiter | None = None,
        policy: RetryPolicy | None = None,
    ) -> None:
        self.settings = settings or NominatimSettings.from_env()
        self.limiter = limiter or RateLimiter(self.settings.min_interval)
        self.policy = policy or RetryPolicy()
        parts = urlsplit(self.settings.url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise GeocoderConfigError(
                f"Nominatim URL must be http(s)://host[:port][/path], got {self.settings.url!r}"
            )
        self._client = Nominatim(
            user_agent=self.settings.user_agent,
            domain=(parts.netloc + parts.path).rstrip("/"),
            scheme=parts.scheme,
            timeout=self.settings.timeout,
            adapter_factory=URLLibAdapter,
            # A loopback server (tests, a local Nominatim) must not be sent through a system proxy.
            proxies={} if _is_loopback(parts.hostname) else None,
        )
        self.requests_sent = 0

    def geocode(self, query: Query) -> Result:
        attempt = 0
        while True:
            attempt += 1
            self.limiter.wait()
            try:
                places = self._fetch(query)
            except GeocoderFault as fault:
                delay = self.policy.delay(attempt, fault)
                if delay is None:
                    tries = "1 attempt" if attempt == 1 else f"{attempt} attempts"
                    raise type(fault)(f"Nominatim: {fault} (gave up after {tries})") from fault
                self.limiter.hold_off(delay)
                continue
            return self._interpret(query, places)

    def _fetch(self, query: Query) -> list[dict[str, Any]]:
        """One HTTP request; returns the raw result objects, validated. The single exception boundary."""
        text = ", ".join(part for part in (query.seat, query.admin1) if part)
        self.requests_sent += 1
        try:
            with warnings.catch_warnings():
                # geopy warns before refusing an out-of-range latitude; the refusal is reported as a malformed
                # reply below, so the warning would only repeat it on stderr.
                warnings.simplefilter("ignore", UserWarning)
                locations = self._client.geocode(
                    text, exactly_one=False, limit=_RESULTS_ASKED, country_codes=query.country.lower()
                )
            if locations is None:
                return []
            if not isinstance(locations, list):
                raise TypeError(f"expected a list of results, got {type(locations).__name__}")
            raws: list[dict[str, Any]] = []
            for location in locations:
                raw = location.raw
                if not isinstance(raw, dict):
                    raise TypeError(f"a result is {type(raw).__name__}, not an object")
                _coordinate(raw, "lat", 90)
                _coordinate(raw, "lon", 180)
                raws.append(raw)
            return raws
        except GeocoderFault:
            raise
        except (geopy_exc.GeopyError, OSError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise _translate(error) from error

    def _interpret(self, query: Query, raws: list[dict[str, Any]]) -> Result:
        if not raws:
            return Result.unresolved(query, f"Nominatim found nothing for {query.describe()!r}")
        points = [(_coordinate(raw, "lat", 90), _coordinate(raw, "lon", 180)) for raw in raws]
        if query.admin1:
            # The admin1 is in the query text; prefer the first result whose address names it.
            wanted = fold(query.admin1)
            for raw, point in zip(raws, points, strict=True):
                if wanted in fold(str(raw.get("display_name", ""))):
                    return self._located(query, raw, point)
            note = f"no Nominatim result names {query.admin1!r}; took its best match"
            return self._located(query, raws[0], points[0], note)
        settlements = [
            (raw, point)
            for raw, point in zip(raws, points, strict=True)
            if precision_of(raw) in {"city", "district"}
        ]
        if settlements:
            first = settlements[0][1]
            apart = [item for item in settlements[1:] if distance_km(first, item[1]) > _SAME_PLACE_KM]
            if apart:
                candidates = tuple(
                    Candidate(
                        name=str(raw.get("name") or raw.get("display_name", "")).split(",")[0],
                        lat=point[0],
                        lon=point[1],
                        source="nominatim",
                        area=str(raw.get("display_name", "")),
                    )
                    for raw, point in settlements
                )
                return Result.unresolved(
                    query,
                    f"ambiguous: Nominatim has {len(candidates)} places named {query.seat!r} in {query.country}; "
                    "give the admin1",
                    candidates,
                )
        return self._located(query, raws[0], points[0])

    @staticmethod
    def _located(query: Query, raw: Mapping[str, Any], point: tuple[float, float], note: str = "") -> Result:
        return Result.located(
            query,
            round(point[0], 5),
            round(point[1], 5),
            source="nominatim",
            precision=precision_of(raw),
            note=note,
        )
