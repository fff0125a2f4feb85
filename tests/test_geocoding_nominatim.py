"""The online geocoder over the real geopy HTTP path, against a scripted Nominatim server on loopback.

Time is injected: the rate limiter's clock and sleep are fakes, so retries and spacing are checked without
waiting. Only the timeout test waits for real, for the client timeout (0.2 s).
"""

import itertools
import json
from collections.abc import Iterator

import pytest

from signatories.errors import GeocodingError
from signatories.geocoding.base import (
    GeocoderMalformedReply,
    GeocoderRateLimit,
    GeocoderRefused,
    GeocoderServerError,
    GeocoderTimeout,
    Query,
)
from signatories.geocoding.nominatim import (
    DEFAULT_USER_AGENT,
    ENV_URL,
    ENV_USER_AGENT,
    NominatimGeocoder,
    NominatimSettings,
    RateLimiter,
    RetryPolicy,
    precision_of,
)
from tests.nominatim_server import NominatimServer, Reply, found, place, running_server

NAGA = Query("Naga", "Camarines Sur", "PH")
NAGA_REPLY = found(place(13.6192, 123.1814, "Naga, Camarines Sur, Bicol Region, Philippines"))


class FakeClock:
    """Monotonic clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[NominatimServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_geocoder(
    server: NominatimServer,
    clock: FakeClock,
    *,
    timeout: float = 5.0,
    policy: RetryPolicy | None = None,
    user_agent: str = "signatories-tests/1.0 (test suite)",
) -> NominatimGeocoder:
    settings = NominatimSettings(url=server.url, user_agent=user_agent, timeout=timeout)
    limiter = RateLimiter(settings.min_interval, clock=clock, sleep=clock.sleep)
    return NominatimGeocoder(settings, limiter=limiter, policy=policy or RetryPolicy())


def test_success_returns_the_point_and_sends_a_policy_conform_request(
    server: NominatimServer, clock: FakeClock
) -> None:
    server.script("Naga, Camarines Sur", NAGA_REPLY)
    geocoder = make_geocoder(server, clock, user_agent="signatories-tests/1.0 (ops@example.org)")

    result = geocoder.geocode(NAGA)

    assert result.found
    assert (result.lat, result.lon) == (13.6192, 123.1814)
    assert (result.source, result.precision) == ("nominatim", "city")
    [request] = server.received
    assert request.path == "/search"
    assert request.params["q"] == "Naga, Camarines Sur"
    assert request.params["format"] == "json"
    assert request.params["countrycodes"] == "ph"
    assert request.headers["user-agent"] == "signatories-tests/1.0 (ops@example.org)"
    assert geocoder.requests_sent == 1


def test_empty_result_is_unresolved_with_a_clear_reason(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Atlantis", Reply(body="[]"))
    result = make_geocoder(server, clock).geocode(Query("Atlantis", "", "PH"))
    assert not result.found
    assert "Nominatim found nothing" in result.reason
    assert "Atlantis" in result.reason
    assert len(server.received) == 1


def test_429_waits_for_retry_after_then_succeeds(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(status=429, headers=(("Retry-After", "7"),)), NAGA_REPLY)
    geocoder = make_geocoder(server, clock)

    result = geocoder.geocode(NAGA)

    assert result.found
    assert len(server.received) == 2
    first, second = geocoder.limiter.starts
    assert second - first == pytest.approx(7.0)
    assert clock.sleeps == [pytest.approx(7.0)]


def test_429_beyond_the_attempts_raises_a_rate_limit_fault(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(status=429, headers=(("Retry-After", "3"),)))
    geocoder = make_geocoder(server, clock, policy=RetryPolicy(max_attempts=3))

    with pytest.raises(GeocoderRateLimit, match=r"429.*gave up after 3 attempts"):
        geocoder.geocode(NAGA)

    assert len(server.received) == 3
    assert clock.sleeps == [pytest.approx(3.0), pytest.approx(3.0)]


def test_a_retry_after_longer_than_the_cap_is_not_waited_for(
    server: NominatimServer, clock: FakeClock
) -> None:
    server.script("Naga, Camarines Sur", Reply(status=429, headers=(("Retry-After", "3600"),)))
    geocoder = make_geocoder(server, clock, policy=RetryPolicy(max_retry_after=120))

    with pytest.raises(GeocoderRateLimit, match="after 1 attempt"):
        geocoder.geocode(NAGA)

    assert len(server.received) == 1
    assert clock.sleeps == []


def test_500_is_retried_with_exponential_backoff_then_fails(
    server: NominatimServer, clock: FakeClock
) -> None:
    server.script("Naga, Camarines Sur", Reply(status=500, body='{"error": "internal"}'))
    geocoder = make_geocoder(server, clock, policy=RetryPolicy(max_attempts=3, backoff_base=2.0))

    with pytest.raises(GeocoderServerError, match="gave up after 3 attempts"):
        geocoder.geocode(NAGA)

    assert len(server.received) == 3
    starts = geocoder.limiter.starts
    assert [b - a for a, b in itertools.pairwise(starts)] == [pytest.approx(2.0), pytest.approx(4.0)]


def test_500_then_success_recovers(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(status=502), NAGA_REPLY)
    result = make_geocoder(server, clock).geocode(NAGA)
    assert result.found
    assert len(server.received) == 2


def test_timeout_is_a_timeout_fault_after_one_attempt_each(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(delay=5.0, body=NAGA_REPLY.body))
    geocoder = make_geocoder(server, clock, timeout=0.2, policy=RetryPolicy(max_attempts=2))

    with pytest.raises(GeocoderTimeout, match="gave up after 2 attempts"):
        geocoder.geocode(NAGA)

    # URLLibAdapter does not retry by itself: exactly the policy's two attempts reached the server.
    assert len(server.received) == 2


def test_503_counts_as_overloaded_and_is_retried(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(status=503), NAGA_REPLY)
    assert make_geocoder(server, clock).geocode(NAGA).found
    assert len(server.received) == 2


@pytest.mark.parametrize(
    "body",
    [
        pytest.param('[{"lat": "13.6", "lon": ', id="truncated-json"),
        pytest.param("<html>Bad gateway</html>", id="html"),
        pytest.param(
            json.dumps([{"display_name": "Naga", "lat": "north", "lon": "123.18"}]), id="lat-not-a-number"
        ),
        pytest.param(json.dumps([{"display_name": "Naga"}]), id="no-coordinates"),
        pytest.param(
            json.dumps([{"display_name": "Naga", "lat": "95.0", "lon": "123.18"}]), id="lat-out-of-range"
        ),
        pytest.param(json.dumps(["Naga"]), id="result-not-an-object"),
    ],
)
def test_malformed_replies_fail_once_without_retry(
    server: NominatimServer, clock: FakeClock, body: str
) -> None:
    server.script("Naga, Camarines Sur", Reply(body=body))
    geocoder = make_geocoder(server, clock)

    with pytest.raises(GeocoderMalformedReply, match="malformed reply") as raised:
        geocoder.geocode(NAGA)

    assert isinstance(raised.value, GeocodingError)
    assert len(server.received) == 1


def test_403_is_a_refusal_and_is_not_retried(server: NominatimServer, clock: FakeClock) -> None:
    server.script("Naga, Camarines Sur", Reply(status=403, body="blocked user agent"))
    with pytest.raises(GeocoderRefused):
        make_geocoder(server, clock).geocode(NAGA)
    assert len(server.received) == 1


def test_requests_are_spaced_one_second_apart(server: NominatimServer, clock: FakeClock) -> None:
    server.set_default(NAGA_REPLY)
    geocoder = make_geocoder(server, clock)

    for seat in ("Naga", "Iloilo", "Butuan", "Baguio"):
        geocoder.geocode(Query(seat, "", "PH"))

    starts = geocoder.limiter.starts
    assert len(server.received) == 4
    # The fake clock moves only by sleeping: each request waited exactly the remainder of its second.
    assert [b - a for a, b in itertools.pairwise(starts)] == [pytest.approx(1.0)] * 3
    assert clock.sleeps == [pytest.approx(1.0)] * 3


def test_rate_limiter_does_not_sleep_when_time_has_passed() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, sleep=clock.sleep)
    assert limiter.wait() == 0.0
    clock.now += 5.0
    assert limiter.wait() == 0.0
    assert limiter.wait() == pytest.approx(1.0)
    limiter.hold_off(10.0)
    assert limiter.seconds_until_free() == pytest.approx(10.0)
    assert limiter.wait() == pytest.approx(10.0)
    assert clock.sleeps == [pytest.approx(1.0), pytest.approx(10.0)]


def test_without_admin1_far_apart_settlements_are_reported_as_ambiguous(
    server: NominatimServer, clock: FakeClock
) -> None:
    server.script(
        "Naga",
        found(
            place(13.6192, 123.1814, "Naga, Camarines Sur, Bicol Region, Philippines"),
            place(10.2090, 123.7580, "Naga, Cebu, Central Visayas, Philippines"),
        ),
    )
    result = make_geocoder(server, clock).geocode(Query("Naga", "", "PH"))
    assert not result.found
    assert "ambiguous" in result.reason
    assert [c.area for c in result.candidates] == [
        "Naga, Camarines Sur, Bicol Region, Philippines",
        "Naga, Cebu, Central Visayas, Philippines",
    ]


def test_with_admin1_the_result_naming_it_is_preferred(server: NominatimServer, clock: FakeClock) -> None:
    server.script(
        "Naga, Cebu",
        found(
            place(13.6192, 123.1814, "Naga, Camarines Sur, Bicol Region, Philippines"),
            place(10.2090, 123.7580, "Naga, Cebu, Central Visayas, Philippines"),
        ),
    )
    result = make_geocoder(server, clock).geocode(Query("Naga", "Cebu", "PH"))
    assert (result.lat, result.lon) == (10.209, 123.758)
    assert result.reason == ""


def test_with_admin1_unnamed_the_best_match_is_taken_with_a_note(
    server: NominatimServer, clock: FakeClock
) -> None:
    server.script("Hue, Thua Thien Hue", found(place(16.4637, 107.5909, "Huế, Vietnam")))
    result = make_geocoder(server, clock).geocode(Query("Hue", "Thua Thien Hue", "VN"))
    assert result.found
    assert "no Nominatim result names" in result.reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"addresstype": "city", "class": "place", "type": "city"}, "city"),
        ({"addresstype": "town", "class": "boundary", "type": "administrative"}, "city"),
        ({"addresstype": "suburb", "class": "place", "type": "suburb"}, "district"),
        ({"addresstype": "building", "class": "building", "type": "yes"}, "address"),
        ({"addresstype": "office", "class": "office", "type": "government"}, "address"),
        ({"addresstype": "state", "class": "boundary", "type": "administrative"}, "region"),
        ({"class": "boundary", "type": "administrative"}, "region"),
        ({}, "region"),
    ],
)
def test_precision_mapping_never_overclaims(raw: dict[str, str], expected: str) -> None:
    assert precision_of(raw) == expected


def test_settings_come_from_the_environment_with_an_identifying_default() -> None:
    assert NominatimSettings.from_env({}).user_agent == DEFAULT_USER_AGENT
    assert "yokohama-declaration-map" in DEFAULT_USER_AGENT
    settings = NominatimSettings.from_env(
        {ENV_USER_AGENT: "acme-map/2 (gis@acme.test)", ENV_URL: "http://127.0.0.1:9"}
    )
    assert (settings.user_agent, settings.url) == ("acme-map/2 (gis@acme.test)", "http://127.0.0.1:9")
    # An explicit option beats the environment.
    assert NominatimSettings.from_env({ENV_USER_AGENT: "a"}, user_agent="b").user_agent == "b"


def test_user_agent_from_the_environment_reaches_the_server(
    server: NominatimServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_USER_AGENT, "acme-map/2 (gis@acme.test)")
    monkeypatch.setenv(ENV_URL, server.url)
    server.script("Naga, Camarines Sur", NAGA_REPLY)
    geocoder = NominatimGeocoder(limiter=RateLimiter(1.0, clock=clock, sleep=clock.sleep))
    assert geocoder.geocode(NAGA).found
    assert server.received[0].headers["user-agent"] == "acme-map/2 (gis@acme.test)"


def test_a_bad_url_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="Nominatim URL"):
        NominatimGeocoder(NominatimSettings(url="nominatim.example.org"))


def test_retry_policy_backoff_is_bounded() -> None:
    policy = RetryPolicy(max_attempts=10, backoff_base=2.0, backoff_cap=30.0)
    fault = GeocoderServerError("boom")
    assert [policy.delay(n, fault) for n in range(1, 8)] == [2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert policy.delay(10, fault) is None
    assert policy.delay(1, GeocoderMalformedReply("x")) is None
    assert policy.delay(1, GeocoderRateLimit("429", retry_after=None)) == 2.0
