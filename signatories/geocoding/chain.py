"""Composition of the geocoders: cache first, then online (when asked), then the offline gazetteer.

Online or offline is decided explicitly, never by probing the network: `--online` (or SIGNATORIES_GEOCODER=online)
turns Nominatim on, and without it the command is offline. A probe would send traffic to a public server
unasked (from CI, from a laptop on a metered link) and still could not tell a captive portal or a firewall from
"online". With online on, a fault or an empty answer falls back to the gazetteer, and after a few consecutive
faults the service is left alone for the rest of the run rather than waiting out every row's retries.
"""

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Literal

from signatories.geocoding.base import Geocoder, GeocoderConfigError, GeocoderFault, Query, Result
from signatories.geocoding.cache import GeocodeCache

Mode = Literal["offline", "online"]
ENV_MODE = "SIGNATORIES_GEOCODER"


def choose_mode(*, offline: bool, online: bool, environ: Mapping[str, str] = os.environ) -> Mode:
    """--offline wins, then --online, then SIGNATORIES_GEOCODER; the default is offline."""
    if offline:
        return "offline"
    if online:
        return "online"
    value = environ.get(ENV_MODE, "").strip().lower()
    if value in {"", "offline"}:
        return "offline"
    if value == "online":
        return "online"
    raise GeocoderConfigError(f"{ENV_MODE} must be 'online' or 'offline', got {value!r}")


class LazyGeocoder:
    """Builds its geocoder on first use: a run answered wholly from the cache never loads the gazetteer."""

    def __init__(self, build: Callable[[], Geocoder]) -> None:
        self._build = build
        self._geocoder: Geocoder | None = None

    @property
    def built(self) -> bool:
        return self._geocoder is not None

    def geocode(self, query: Query) -> Result:
        if self._geocoder is None:
            self._geocoder = self._build()
        return self._geocoder.geocode(query)


class ChainGeocoder:
    """Implements the Geocoder protocol by asking cache, online and offline geocoders in turn."""

    def __init__(
        self,
        *,
        cache: GeocodeCache | None,
        online: Geocoder | None,
        offline: Geocoder | None,
        read_cache: bool = True,
        max_consecutive_faults: int = 3,
    ) -> None:
        self.cache = cache
        self.online = online
        self.offline = offline
        self.read_cache = read_cache
        self.max_consecutive_faults = max_consecutive_faults
        self._consecutive_faults = 0
        self.online_abandoned = False

    def geocode(self, query: Query) -> Result:
        if self.cache is not None and self.read_cache:
            hit = self.cache.geocode(query)
            if hit.found:
                return hit
        notes: list[str] = []
        if self.online is not None and not self.online_abandoned:
            try:
                answer = self.online.geocode(query)
            except GeocoderFault as fault:
                notes.append(str(fault))
                self._consecutive_faults += 1
                if self._consecutive_faults >= self.max_consecutive_faults:
                    self.online_abandoned = True
                    notes.append(
                        f"online geocoding stopped after {self._consecutive_faults} failures in a row"
                    )
            else:
                self._consecutive_faults = 0
                if answer.found:
                    return self._remember(answer)
                if answer.candidates:
                    # Ambiguity is reported, not handed to another geocoder to guess.
                    return answer
                notes.append(answer.reason)
        if self.offline is None:
            return Result.unresolved(query, "; ".join(notes) or "no geocoder available")
        answer = self.offline.geocode(query)
        if notes:
            earlier = "; ".join(notes)
            joined = (
                f"{earlier}; gazetteer: {answer.reason}" if answer.reason else f"{earlier}; GeoNames used"
            )
            answer = replace(answer, reason=joined)
        return self._remember(answer) if answer.found else answer

    def _remember(self, answer: Result) -> Result:
        if self.cache is not None:
            self.cache.put(answer)
        return answer
